// Site settings come from content/site.yaml (editors own them) with SITE_URL and PATH_PREFIX from the
// environment taking precedence, because the same commit deploys to different hosts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Problem, SiteSettings } from "./model.ts";
import { normalisePrefix } from "./urls.ts";
import { parseYamlWithLines, problemsFromZod } from "./content/yaml-source.ts";

const weights = z.object({
  campaign: z.number().min(0),
  sameCity: z.number().min(0),
  sameProvince: z.number().min(0),
  type: z.number().min(0),
  tag: z.number().min(0),
  text: z.number().min(0),
  recency: z.number().min(0),
});

const settingsSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().default(""),
  url: z.url(),
  pathPrefix: z.string().default("/"),
  timeZone: z.string().refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", {
    message: "not an IANA time zone (e.g. Asia/Shanghai)",
  }),
  lang: z.enum(["zh-Hans", "zh-Hant"]).default("zh-Hans"),
  perPage: z.number().int().min(1).max(200).default(20),
  hotline: z.string().default("96110"),
  publisher: z.string().default("反诈快报"),
  related: z.strictObject({ count: z.number().int().min(0).max(20).default(5), weights }),
});

export function loadSettings(contentDir: string, env: NodeJS.ProcessEnv = process.env): { settings?: SiteSettings; problems: Problem[] } {
  const file = join(contentDir, "site.yaml");
  const source = readFileSync(file, "utf8");
  const parsed = parseYamlWithLines(source, file, 1);
  if (parsed.problems.length) return { problems: parsed.problems };
  const result = settingsSchema.safeParse(parsed.value);
  if (!result.success) return { problems: problemsFromZod(result.error, parsed, file) };
  const data = result.data;
  return {
    problems: [],
    settings: {
      ...data,
      url: (env.SITE_URL || data.url).replace(/\/+$/, ""),
      pathPrefix: normalisePrefix(env.PATH_PREFIX || data.pathPrefix),
    },
  };
}
