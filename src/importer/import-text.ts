// The import pipeline as one pure function: bytes of pasted news text in, a bulletin (front matter + body) out,
// with every decision it took on its own listed, or every reason it cannot decide without the editor.
import type { RegionNode, Registries, Script } from "../model.ts";
import { parseContentDate } from "../dates.ts";
import { SLUG_PATTERN } from "../content/schema.ts";
import { detectScript, fold, toHans, toHant } from "../text/script.ts";
import type { NewFrontMatter } from "./bulletin-file.ts";
import { decode } from "./decode.ts";
import { datesInText } from "./detect-date.ts";
import { chooseRegion, detectCampaigns, type Mention } from "./detect-places.ts";
import { slugify } from "./slug.ts";
import { stripPinyin } from "./strip-pinyin.ts";
import { structure, toMarkdown } from "./structure.ts";
import { detectTitle } from "./title.ts";

export interface ImportOptions {
  title?: string;
  date?: string;
  region?: string;
  campaign?: string[];
  slug?: string;
  to?: Script;
}

export interface ImportContext {
  registries: Registries;
  /** Region names and aliases the text mentions, with counts (the registries' own matcher). */
  regionMentions: (text: string) => Array<Mention<RegionNode>>;
  timeZone: string;
}

export interface Decision {
  field: string;
  value: string;
  /** `given` by a flag, else how it was guessed. */
  how: string;
}

export interface Imported {
  frontMatter: NewFrontMatter;
  body: string;
  slug: string;
  year: number;
  decisions: Decision[];
}

export type ImportResult = { ok: true; value: Imported } | { ok: false; errors: string[] };

const GIVEN = "given";
const DATELINE = /来源|來源|发布时间|發佈時間|發布時間/u;

/** A flag's value resolved to its registry key; an unknown name is kept as typed so check can name it. */
function keyOf(value: string, resolve: (s: string) => { key: string } | undefined): string {
  return resolve(value)?.key ?? value;
}

export function importText(bytes: Uint8Array, opts: ImportOptions, ctx: ImportContext): ImportResult {
  const errors: string[] = [];
  const decisions: Decision[] = [];
  const { text, encoding } = decode(bytes);
  decisions.push({ field: "encoding", value: encoding, how: "detected" });
  const parts = structure(stripPinyin(text));
  if (parts.lead === "") return { ok: false, errors: ["the file holds no article text"] };
  const body = toMarkdown(parts.lead, parts.blocks);
  const prose = [parts.lead, ...parts.blocks.map((b) => b.text)].join("\n");

  const datelines = parts.preamble.filter((l) => DATELINE.test(l) || datesInText(l).length > 0);
  let title = opts.title?.trim();
  if (title) decisions.push({ field: "title", value: title, how: GIVEN });
  else {
    const found = detectTitle(parts.lead, parts.headlines);
    title = found?.title;
    if (found) {
      const how = "guessed from the headline list's entry that repeats the lead";
      decisions.push({ field: "title", value: found.title, how: found.shortened ? `${how}; the list cut it short, complete it` : how });
    } else {
      title = parts.preamble.find((l) => !datelines.includes(l));
      if (title) decisions.push({ field: "title", value: title, how: "guessed: the headline line above the lead" });
      else errors.push("no title found (the text has no headline list entry repeating its lead); pass --title \"…\"");
    }
  }
  for (const line of parts.preamble) {
    if (fold(line) !== fold(title ?? "")) decisions.push({ field: "dropped", value: line, how: "a line above the lead" });
  }

  let date = opts.date?.trim();
  if (date) {
    if (!parseContentDate(date, ctx.timeZone)) errors.push(`--date "${date}": must be a date like 2023-08-29 or 2023-08-29 09:30`);
    else decisions.push({ field: "date", value: date, how: GIVEN });
  } else {
    // A dateline above the lead is the publication date; dates in the story are events, usable only when
    // they are all the same day.
    const dated = datesInText(datelines.join("\n"));
    const dates = dated.length === 1 ? dated : datesInText(prose);
    if (dates.length === 1) {
      date = dates[0]!;
      decisions.push({ field: "date", value: date, how: dated.length === 1 ? "guessed: the dateline above the lead" : "guessed: the only date the text names" });
    } else if (dates.length === 0) {
      errors.push("no date found in the text; pass --date 2023-08-29");
    } else {
      errors.push(`the text names several dates (${dates.join(", ")}); pass the publication date with --date`);
    }
  }

  const placeText = `${title ?? ""}\n${prose}`;
  let region: string | undefined;
  if (opts.region?.trim()) {
    region = keyOf(opts.region.trim(), (s) => ctx.registries.regions.resolve(s));
    decisions.push({ field: "region", value: region, how: GIVEN });
  } else {
    const node = chooseRegion(ctx.regionMentions(placeText), ctx.registries.regions);
    if (node) {
      region = node.key;
      const path = ctx.registries.regions.path(node.key).map((n) => n.shortName).join(" › ");
      decisions.push({ field: "region", value: `${node.key} (${path})`, how: "guessed: the most specific place most mentioned" });
    } else {
      errors.push("could not tell the region from the text; pass --region (a key or name, e.g. --region wuxi)");
    }
  }

  let campaigns: string[];
  if (opts.campaign?.length) {
    campaigns = opts.campaign.map((c) => keyOf(c, (s) => ctx.registries.campaigns.resolve(s)));
    decisions.push({ field: "campaign", value: campaigns.join(", "), how: GIVEN });
  } else {
    campaigns = detectCampaigns(placeText, ctx.registries.campaigns).map((c) => c.key);
    decisions.push({
      field: "campaign",
      value: campaigns.length ? campaigns.join(", ") : "(none)",
      how: "guessed: the campaigns the text names, most mentioned first",
    });
  }

  if (parts.authors.length) decisions.push({ field: "authors", value: parts.authors.join(", "), how: "from the closing byline" });
  if (parts.tags.length) decisions.push({ field: "tags", value: parts.tags.join(", "), how: "from the keyword line" });
  for (const caption of parts.captions) decisions.push({ field: "dropped", value: caption, how: "a photo caption" });
  if (parts.headlines.length) {
    decisions.push({ field: "dropped", value: `${parts.headlines.length} line(s) from "${parts.headlines[0]}"`, how: "the headline list after the article" });
  }

  const source = detectScript(`${title ?? ""}${prose}`);
  const lang = opts.to ?? source;
  const convert = lang === source ? (s: string) => s : lang === "zh-Hans" ? toHans : toHant;
  decisions.push({ field: "lang", value: lang, how: lang === source ? "script of the source" : `converted from ${source}` });

  let slug = opts.slug?.trim();
  if (slug) {
    if (!SLUG_PATTERN.test(slug)) errors.push(`--slug "${slug}": must be 1–80 characters of a-z, 0-9 and '-'`);
  } else if (title) {
    slug = slugify(title);
    if (slug === "") errors.push("the title gives no ASCII slug; pass --slug");
    else decisions.push({ field: "slug", value: slug, how: "pinyin of the title" });
  }

  if (errors.length || !title || !date || !region || !slug) return { ok: false, errors };
  const year = parseContentDate(date, ctx.timeZone)!.year;
  return {
    ok: true,
    value: {
      frontMatter: {
        title: convert(title),
        date,
        region,
        campaign: campaigns,
        tags: parts.tags.map(convert),
        authors: parts.authors.map(convert),
        lang,
      },
      body: convert(body),
      slug,
      year,
      decisions,
    },
  };
}
