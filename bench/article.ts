// One synthetic bulletin, in the real content format, from a seed and an index. Pure: the same (seed, index)
// gives the same file on every machine, and article i never depends on article i-1, so a corpus can be streamed.
import { toHant } from "../src/text/script.ts";
import { mulberry32, streamSeed, type Random } from "./random.ts";
import {
  ABROAD_CITIES,
  CAMPAIGNS,
  CITIES_BY_PROVINCE,
  FRAUD_TYPES,
  GENERAL,
  GIVEN,
  JOBS,
  RESULTS,
  SLOTS,
  SURNAMES,
  type FraudScript,
} from "./vocabulary.ts";

export const MIN_HAN = 1500;
export const MAX_HAN = 3000;
/** Share of bulletins written in Traditional script. */
export const HANT_SHARE = 0.2;

const CITIES: ReadonlyArray<{ city: string; province: string }> = Object.entries(CITIES_BY_PROVINCE).flatMap(
  ([province, cities]) => cities.map((city) => ({ city, province })),
);
const CAMPAIGN_KEYS = Object.keys(CAMPAIGNS);
const TYPE_KEYS = Object.keys(FRAUD_TYPES);

// Dates run from 2019-01-01 to 2026-11-20 inclusive (naive local time: the site's zone applies on load).
const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2026, 10, 20);
const DAY_MS = 86_400_000;

export interface Article {
  /** Path relative to the content folder, e.g. `bulletins/2023/b000042-shuadan.md`. */
  path: string;
  /** The whole file: front matter and Markdown body. */
  text: string;
  lang: "zh-Hans" | "zh-Hant";
}

/** Han characters of the Basic Multilingual Plane (all the generator writes); a loop, as a regex match is slow here. */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

// OpenCC over a whole article costs ~3 ms; the text is assembled from a finite set of fragments, so converting
// each fragment once (digits normalised away, as OpenCC leaves them alone) makes Traditional articles nearly free.
const hantMemo = new Map<string, string>();
function hantOf(text: string): string {
  const key = text.replace(/\d/g, "0");
  let out = hantMemo.get(key);
  if (out === undefined) hantMemo.set(key, (out = toHant(key)));
  if (key === text) return out;
  const digits = text.match(/\d/g)!;
  const pieces = out.split("0");
  if (pieces.length !== digits.length + 1) return toHant(text);
  return pieces.reduce((acc, piece, i) => acc + digits[i - 1]! + piece);
}
const asIs = (text: string): string => text;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function formatMinute(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * What one article is about. `victimShort` and `pron` follow the latest victim introduced, so that a quote or a
 * police paragraph after a case refers to that case's person.
 */
interface Cast {
  city: string;
  province: string;
  type: FraudScript;
  campaign: string;
  victimShort: string;
  pron: string;
  deck: Deck;
  /** The article's script: identity for Simplified, fragment-wise conversion for Traditional. */
  script: (text: string) => string;
}

/**
 * Draws templates without replacement within one article (reshuffling once a list is used up), so a bulletin
 * does not repeat a sentence while others remain.
 */
class Deck {
  private readonly piles = new Map<readonly string[], string[]>();
  constructor(private readonly rng: Random) {}
  draw(list: readonly string[]): string {
    let pile = this.piles.get(list);
    if (!pile || pile.length === 0) {
      pile = this.rng.sample(list, list.length);
      this.piles.set(list, pile);
    }
    return pile.pop()!;
  }
}

function newVictim(rng: Random, cast: Cast): void {
  const male = rng.chance(0.5);
  cast.victimShort = rng.pick(SURNAMES) + (male ? "先生" : "女士");
  cast.pron = male ? "他" : "她";
}

function personName(rng: Random): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.6) ? rng.pick(GIVEN) : "");
}

function amount(rng: Random): string {
  const r = rng.next();
  if (r < 0.35) return `${rng.int(2, 9)}${rng.pick(["千", "千余"])}元`;
  if (r < 0.75) return `${rng.int(1, 99)}${rng.chance(0.4) ? `.${rng.int(1, 9)}` : ""}万元`;
  if (r < 0.95) return `${rng.int(100, 999)}万余元`;
  return `${rng.int(1, 9)}.${rng.int(1, 9)}亿元`;
}

/** Slot values computed per use (numbers) rather than picked from a list. */
function dynamicSlot(name: string, rng: Random, cast: Cast): string | undefined {
  switch (name) {
    case "city":
      return cast.city;
    case "typeName":
      return cast.type.name;
    case "campaign":
      return cast.campaign;
    case "victimShort":
      return cast.victimShort;
    case "pron":
      return cast.pron;
    case "victim": {
      newVictim(rng, cast);
      const [job, min, max] = rng.pick(JOBS);
      return `${rng.int(min, max)}岁的${job}${cast.victimShort}`;
    }
    case "teen":
      newVictim(rng, cast);
      cast.victimShort = `小${cast.victimShort.slice(0, 1)}`;
      return `${rng.int(11, 16)}岁的${rng.pick(["初中生", "小学生", "高中生"])}${cast.victimShort}`;
    case "amount":
    case "bigAmount":
      return amount(rng);
    case "month":
      return `${rng.int(1, 10)}月`;
    case "result":
      return rng.pick(RESULTS);
    case "abroadCity":
      return rng.pick(ABROAD_CITIES);
    default: {
      const range = NUMBER_SLOTS[name];
      return range && String(rng.int(range[0], range[1]) * (range[2] ?? 1));
    }
  }
}

/** Number slots: [min, max] drawn uniformly, times the unit when there is one. */
const NUMBER_SLOTS: Record<string, readonly [number, number, number?]> = {
  small: [2, 50, 100],
  rate: [5, 68],
  count: [2, 36],
  bigCount: [120, 9800],
  hours: [1, 5],
  days: [7, 90],
  tools: [30, 900],
  age: [18, 40],
  age2: [45, 75],
};

const STATS = [
  "破获电诈案件{bigCount}起",
  "为群众挽回损失{amount}",
  "成功劝阻潜在受害人{bigCount}名",
  "抓获犯罪嫌疑人{bigCount}名",
];

function slotValue(raw: string, template: string, rng: Random, cast: Cast): string {
  if (raw === "stat") return fill(rng.pick(STATS), rng, cast); // already in the article's script
  const dynamic = dynamicSlot(raw, rng, cast);
  if (dynamic !== undefined) return cast.script(dynamic);
  // `partner2`, `crew2`, `job2`: a second pick from the same list.
  const list = SLOTS[raw] ?? SLOTS[raw.replace(/2$/, "")];
  if (!list) throw new Error(`vocabulary: no slot "${raw}" in template "${template}"`);
  return cast.script(rng.pick(list));
}

/** The template with its `{slot}`s filled, in the article's script. */
function fill(template: string, rng: Random, cast: Cast): string {
  // split with a capture group alternates literal text (even indices) and slot names (odd indices).
  const parts = template.split(/\{(\w+)\}/);
  let out = "";
  for (let i = 0; i < parts.length; i++)
    out += i % 2 === 0 ? cast.script(parts[i]!) : slotValue(parts[i]!, template, rng, cast);
  return out;
}

type SectionKind = "story" | "work" | "advice";

function heading(rng: Random, cast: Cast): string {
  if (rng.chance(0.3)) return fill("{plainHeading}", rng, cast);
  return fill("{heading4} {verb}“{heading3}”", rng, cast);
}

function sentence(kind: SectionKind, rng: Random, cast: Cast): string {
  const r = rng.next();
  const d = cast.deck;
  switch (kind) {
    case "story":
      if (r < 0.55) return fill(d.draw(cast.type.stories), rng, cast);
      if (r < 0.85) return fill(d.draw(GENERAL.police), rng, cast);
      return fill(d.draw(GENERAL.quote), rng, cast);
    case "work":
      if (r < 0.45) return fill(d.draw(GENERAL.prevention), rng, cast);
      if (r < 0.75) return fill(d.draw(GENERAL.stats), rng, cast);
      return fill(d.draw(GENERAL.police), rng, cast);
    case "advice":
      if (r < 0.4) return fill(d.draw(cast.type.advice), rng, cast);
      if (r < 0.75) return fill(d.draw(GENERAL.advice), rng, cast);
      return fill(d.draw(cast.type.stories), rng, cast);
  }
}

/** A paragraph of one to three sentences (templates), as reporters run a case and its outcome together. */
function paragraph(kind: SectionKind, rng: Random, cast: Cast): string {
  const n = kind === "story" ? rng.int(1, 2) : rng.int(1, 3);
  let out = "";
  for (let i = 0; i < n; i++) out += sentence(kind, rng, cast);
  return out;
}

/** Markdown for a section's paragraphs: mostly prose, sometimes a list of tips or a quoted victim. */
function sectionMarkdown(kind: SectionKind, paragraphs: string[], rng: Random): string {
  if (kind === "advice" && paragraphs.length > 1 && rng.chance(0.4))
    return paragraphs.map((p, i) => `${i + 1}. ${p}`).join("\n");
  return paragraphs.map((p) => (p.startsWith("“") && rng.chance(0.5) ? `> ${p}` : p)).join("\n\n");
}

function body(rng: Random, cast: Cast): string {
  const target = rng.int(MIN_HAN + 100, MAX_HAN - 250);
  const sections = rng.int(2, 4);
  const kinds: SectionKind[] = ["story"];
  for (let i = 1; i < sections; i++)
    kinds.push(i === sections - 1 ? "advice" : rng.pick(["story", "work", "work"] as const));
  const lead = fill(cast.deck.draw(GENERAL.lead), rng, cast);
  const closing = fill(cast.deck.draw(GENERAL.closing), rng, cast);
  let total = countHan(lead) + countHan(closing);
  const perSection = (target - total) / sections;
  const parts: Array<{ kind: SectionKind; title: string; paragraphs: string[] }> = [];
  for (const kind of kinds) {
    const title = heading(rng, cast);
    const paragraphs: string[] = [];
    let han = countHan(title);
    while (han < perSection) {
      const p = paragraph(kind, rng, cast);
      paragraphs.push(p);
      han += countHan(p);
    }
    total += han;
    parts.push({ kind, title, paragraphs });
  }
  // Long templates can overshoot the target: trim whole paragraphs, never a section's last one.
  for (let i = parts.length - 1; total > MAX_HAN && i >= 0; i--) {
    const ps = parts[i]!.paragraphs;
    while (total > MAX_HAN && ps.length > 1) total -= countHan(ps.pop()!);
  }
  const sectionsMd = parts.map((s) => `## ${s.title}\n\n${sectionMarkdown(s.kind, s.paragraphs, rng)}`);
  return [lead, ...sectionsMd, closing].join("\n\n") + "\n";
}

function title(rng: Random, cast: Cast): string {
  const typeTitle = rng.pick(cast.type.titles);
  const patterns = [
    `${cast.city}警方破获一起${typeTitle}`,
    `${cast.city}：${typeTitle}多发 警方发布预警`,
    `${cast.city}公安深化${cast.campaign} 挽回群众损失${amount(rng)}`,
    `${rng.int(19, 78)}岁${rng.pick(SLOTS.job!)}遭遇${typeTitle} ${cast.city}民警紧急止付`,
    `警惕！${cast.city}连发${typeTitle}`,
    `${cast.city}开展${cast.campaign} 电诈警情同比下降${rng.int(5, 60)}%`,
    `${cast.city}民警成功劝阻一起${typeTitle}`,
  ];
  return rng.pick(patterns);
}

const yamlString = (s: string): string => JSON.stringify(s);
const yamlList = (items: readonly string[]): string => `[${items.map(yamlString).join(", ")}]`;

/** The article with index `index` of the corpus seeded with `seed`. */
export function generateArticle(seed: number, index: number): Article {
  const rng = mulberry32(streamSeed(seed, index));
  const { city, province } = rng.pick(CITIES);
  const typeKeys = rng.sample(TYPE_KEYS, rng.chance(0.35) ? 2 : 1);
  const campaignKeys = rng.chance(0.1) ? [] : rng.sample(CAMPAIGN_KEYS, rng.chance(0.25) ? 2 : 1);
  const hant = rng.chance(HANT_SHARE);
  const script = hant ? hantOf : asIs;
  const cast: Cast = {
    city,
    province,
    type: FRAUD_TYPES[typeKeys[0]!]!,
    campaign: campaignKeys.length ? CAMPAIGNS[campaignKeys[0]!]! : "反诈专项行动",
    victimShort: "",
    pron: "",
    deck: new Deck(rng),
    script,
  };
  newVictim(rng, cast);

  const day = FIRST_DAY + rng.int(0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS;
  const dateMs = day + rng.int(7, 21) * 3_600_000 + rng.int(0, 59) * 60_000;
  const date = formatMinute(dateMs);
  const updatedMs = dateMs + rng.int(1, 10) * DAY_MS;
  const updated = rng.chance(0.1) && updatedMs < LAST_DAY + DAY_MS ? formatMinute(updatedMs) : undefined;

  const headline = title(rng, cast);
  const text = body(rng, cast);
  const slug = `b${pad(index, 6)}-${typeKeys[0]}`;
  const tags = rng.sample(SLOTS.tag!, rng.int(1, 4)).map(script);
  const authors = Array.from({ length: rng.int(1, 3) }, () => script(personName(rng)));
  const lines = [
    "---",
    `title: ${yamlString(script(headline))}`,
    `date: ${date}`,
    `region: ${script(city)}`,
    ...(campaignKeys.length === 0
      ? []
      : [`campaign: ${campaignKeys.length === 1 && rng.chance(0.5) ? campaignKeys[0] : yamlList(campaignKeys)}`]),
    `types: ${yamlList(typeKeys)}`,
    `tags: ${yamlList(tags)}`,
    ...(rng.chance(0.3) ? [`summary: ${yamlString(text.slice(0, text.indexOf("。") + 1).slice(0, 120))}`] : []),
    `authors: ${yamlList(authors)}`,
    `source: ${yamlString(script(city + rng.pick(SLOTS.sourceSuffix!)))}`,
    ...(updated ? [`updated: ${updated}`] : []),
    ...(hant ? ["lang: zh-Hant"] : []),
    "---",
    "",
    text,
  ];
  return {
    path: `bulletins/${date.slice(0, 4)}/${slug}.md`,
    text: lines.join("\n"),
    lang: hant ? "zh-Hant" : "zh-Hans",
  };
}
