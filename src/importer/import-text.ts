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
import { structure, toMarkdown, type Structured } from "./structure.ts";
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
const SOURCE = /(?:来源|來源)\s*[:：]\s*(\S+)/u;

/** Collects what the import decided and what it could not decide, in the order the editor reads them. */
class Ledger {
  readonly decisions: Decision[] = [];
  readonly errors: string[] = [];
  note(field: string, value: string, how: string): void {
    this.decisions.push({ field, value, how });
  }
  fail(message: string): undefined {
    this.errors.push(message);
    return undefined;
  }
}

/** A flag's value resolved to its registry key; an unknown name is kept as typed so check can name it. */
function keyOf(value: string, resolve: (s: string) => { key: string } | undefined): string {
  return resolve(value)?.key ?? value;
}

function decideTitle(
  given: string | undefined,
  parts: Structured,
  datelines: readonly string[],
  log: Ledger,
): string | undefined {
  if (given) {
    log.note("title", given, GIVEN);
    return given;
  }
  const found = detectTitle(parts.lead, parts.headlines);
  if (found) {
    const how = "guessed from the headline list's entry that repeats the lead";
    log.note("title", found.title, found.shortened ? `${how}; the list cut it short, complete it` : how);
    return found.title;
  }
  const above = parts.preamble.find((l) => !datelines.includes(l));
  if (above) {
    log.note("title", above, "guessed: the headline line above the lead");
    return above;
  }
  return log.fail('no title found (no headline list entry repeats the lead, no headline above it); pass --title "…"');
}

function decideDate(
  given: string | undefined,
  prose: string,
  datelines: readonly string[],
  zone: string,
  log: Ledger,
): string | undefined {
  if (given) {
    if (!parseContentDate(given, zone))
      return log.fail(`--date "${given}": must be a date like 2023-08-29 or 2023-08-29 09:30`);
    log.note("date", given, GIVEN);
    return given;
  }
  // A dateline above the lead is the publication date; dates in the story are events, usable only when
  // they are all the same day.
  const dated = datesInText(datelines.join("\n"));
  const dates = dated.length === 1 ? dated : datesInText(prose);
  if (dates.length === 0) return log.fail("no date found in the text; pass --date 2023-08-29");
  if (dates.length > 1)
    return log.fail(`the text names several dates (${dates.join(", ")}); pass the publication date with --date`);
  log.note(
    "date",
    dates[0]!,
    dated.length === 1 ? "guessed: the dateline above the lead" : "guessed: the only date the text names",
  );
  return dates[0];
}

function decideRegion(
  given: string | undefined,
  placeText: string,
  ctx: ImportContext,
  log: Ledger,
): string | undefined {
  const { regions } = ctx.registries;
  if (given) {
    const key = keyOf(given, (s) => regions.resolve(s));
    log.note("region", key, GIVEN);
    return key;
  }
  const mentions = ctx.regionMentions(placeText);
  const node = chooseRegion(mentions, regions);
  if (!node) {
    const named = mentions.slice(0, 4).map((m) => `${m.node.shortName} ${m.node.key} ×${m.count}`);
    return log.fail(
      named.length
        ? `the text names no single region most (${named.join(", ")}); pass --region`
        : "the text names no known region; pass --region (a key or name, e.g. --region wuxi)",
    );
  }
  const path = regions
    .path(node.key)
    .map((n) => n.shortName)
    .join(" › ");
  log.note("region", `${node.key} (${path})`, "guessed: the most specific place most mentioned");
  return node.key;
}

function decideCampaigns(given: string[] | undefined, placeText: string, ctx: ImportContext, log: Ledger): string[] {
  const { campaigns } = ctx.registries;
  if (given?.length) {
    const keys = given.map((c) => keyOf(c, (s) => campaigns.resolve(s)));
    log.note("campaign", keys.join(", "), GIVEN);
    return keys;
  }
  const keys = detectCampaigns(placeText, campaigns).map((c) => c.key);
  log.note(
    "campaign",
    keys.length ? keys.join(", ") : "(none)",
    "guessed: the campaigns the text names, most mentioned first",
  );
  return keys;
}

function decideSlug(given: string | undefined, title: string | undefined, log: Ledger): string | undefined {
  if (given)
    return SLUG_PATTERN.test(given)
      ? given
      : log.fail(`--slug "${given}": must be 1–80 characters of a-z, 0-9 and '-'`);
  if (!title) return undefined;
  const slug = slugify(title);
  if (slug === "") return log.fail("the title gives no ASCII slug; pass --slug");
  log.note("slug", slug, "pinyin of the title");
  return slug;
}

/** The publisher named in a dateline (`来源：无锡市公安局`), for the `source` field. */
function sourceOf(datelines: readonly string[], log: Ledger): string | undefined {
  for (const line of datelines) {
    const m = SOURCE.exec(line);
    if (m && m[1]!.length <= 80) {
      log.note("source", m[1]!, "from the dateline above the lead");
      return m[1];
    }
  }
  return undefined;
}

/** What the structure step took out of the body, for the editor to check nothing of value went. */
function noteRemovals(parts: Structured, title: string | undefined, log: Ledger): void {
  for (const line of parts.preamble)
    if (fold(line) !== fold(title ?? "")) log.note("dropped", line, "a line above the lead");
  if (parts.authors.length) log.note("authors", parts.authors.join(", "), "from the closing byline");
  if (parts.tags.length) log.note("tags", parts.tags.join(", "), "from the keyword line");
  for (const caption of parts.captions) log.note("dropped", caption, "a photo caption");
  if (parts.headlines.length) {
    log.note(
      "dropped",
      `${parts.headlines.length} line(s) from "${parts.headlines[0]}"`,
      "the headline list after the article",
    );
  }
}

export function importText(bytes: Uint8Array, opts: ImportOptions, ctx: ImportContext): ImportResult {
  const log = new Ledger();
  const decoded = decode(bytes);
  if ("error" in decoded) return { ok: false, errors: [decoded.error] };
  const { text, encoding } = decoded;
  log.note("encoding", encoding, "detected");
  const parts = structure(stripPinyin(text));
  if (parts.lead === "") return { ok: false, errors: ["the file holds no article text"] };
  const body = toMarkdown(parts.lead, parts.blocks);
  const prose = [parts.lead, ...parts.blocks.map((b) => b.text)].join("\n");
  const datelines = parts.preamble.filter((l) => DATELINE.test(l) || datesInText(l).length > 0);

  const title = decideTitle(opts.title?.trim(), parts, datelines, log);
  const date = decideDate(opts.date?.trim(), prose, datelines, ctx.timeZone, log);
  const placeText = `${title ?? ""}\n${prose}`;
  const region = decideRegion(opts.region?.trim(), placeText, ctx, log);
  const campaigns = decideCampaigns(opts.campaign, placeText, ctx, log);
  noteRemovals(parts, title, log);
  const source = sourceOf(datelines, log);

  const script = detectScript(`${title ?? ""}${prose}`);
  const lang = opts.to ?? script;
  const convert = lang === script ? (s: string) => s : lang === "zh-Hans" ? toHans : toHant;
  log.note("lang", lang, lang === script ? "script of the source" : `converted from ${script}`);
  const slug = decideSlug(opts.slug?.trim(), title, log);

  if (log.errors.length || !title || !date || !region || !slug) return { ok: false, errors: log.errors };
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
        ...(source ? { source: convert(source) } : {}),
        lang,
      },
      body: convert(body),
      slug,
      year: parseContentDate(date, ctx.timeZone)!.year,
      decisions: log.decisions,
    },
  };
}
