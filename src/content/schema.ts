// The front-matter schema: the contract between editors and the build. Field shapes are checked here;
// whether a region or campaign exists is the registries' business (src/content/resolve.ts).
import { z } from "zod";
import { refineText } from "./characters.ts";

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "required field is missing" : "must be text") })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .superRefine(refineText);

/**
 * How many entries a list field may have. Every entry becomes a link, a feed category and a term the related
 * headlines are scored on: 400,000 tags in one bulletin took 75 s of a build.
 */
export const LIST_LIMITS = { campaign: 10, types: 10, tags: 30, authors: 20 } as const;

const atMost = (max: number) => (v: readonly unknown[]) => v.length <= max;
const tooMany = (max: number) => `must list at most ${max} entries`;

/** One value or a list of them, always a list afterwards. */
const oneOrMany = (max: number) =>
  z
    .union([text(80), z.array(text(80)).refine(atMost(max), tooMany(max))], {
      error: "must be a name or a list of names",
    })
    .transform((v) => (Array.isArray(v) ? v : [v]));

/** Free words such as `520` (a date people scam around) come out of YAML as numbers: keep them as text. */
const word = z.union([z.number().transform(String), z.string()]).pipe(text(80));
const list = (max: number) =>
  z.array(word, { error: "must be a list, e.g. [刷单返利, 虚假贷款]" }).refine(atMost(max), tooMany(max));

/** Dates stay strings here: the site's zone turns them into instants (src/dates.ts). */
const dateText = z
  .union([z.string(), z.date()], { error: "must be a date like 2023-08-29 or 2023-08-29 09:30" })
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));

export const SLUG_PATTERN = /^[a-z0-9-]{1,80}$/;

export const frontMatterSchema = z
  .strictObject({
    title: text(120),
    date: dateText,
    region: text(40),
    campaign: oneOrMany(LIST_LIMITS.campaign).optional(),
    types: list(LIST_LIMITS.types).optional(),
    tags: list(LIST_LIMITS.tags).optional(),
    summary: text(200).optional(),
    authors: list(LIST_LIMITS.authors).optional(),
    source: text(80).optional(),
    updated: dateText.optional(),
    slug: z
      .string({ error: "must be text" })
      .regex(
        SLUG_PATTERN,
        "must be 1–80 characters of a-z, 0-9 and '-' (it becomes the URL; '/' and '..' are not allowed)",
      )
      .optional(),
    image: text(300).optional(),
    image_alt: text(200).optional(),
    draft: z.boolean({ error: "must be true or false" }).optional(),
    lang: z.enum(["zh-Hans", "zh-Hant"], { error: "must be zh-Hans or zh-Hant" }).optional(),
  })
  .superRefine((data, ctx) => {
    if (data.image && !data.image_alt) {
      ctx.addIssue({ code: "custom", path: ["image_alt"], message: "alt text is required with an image" });
    }
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const FRONT_MATTER_FIELDS: readonly string[] = Object.keys(frontMatterSchema.shape);

/** Fields that other generators accept but that would let a file choose where it is written. */
export const REFUSED_FIELDS: Readonly<Record<string, string>> = {
  permalink: "URLs are derived from the date and slug; set `slug` instead (a permalink could write outside the site)",
  layout: "layouts are chosen by the site, not by bulletins",
  eleventyComputed: "computed data is not allowed in bulletins",
};
