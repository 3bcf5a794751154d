// Search records come from the content model, not from rendered HTML: only a bulletin's title and body are
// indexed, folded to Simplified one character a word (see public/js/search-text.js for why), with the
// facets readers filter by and the meta the results list shows.
import type { Bulletin } from "../model.ts";
import { cnDate } from "../dates.ts";
import { foldChar } from "../text/script.ts";
import { encodeOriginals, segments, segmentWord } from "../../public/js/search-text.js";
import { foldPreimages } from "./fold-table.ts";

/** Pagefind segments zh, ja and th at index time; a code it does not know keeps our one-character words. */
export const SEARCH_LANGUAGE = "zz";

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export interface IndexedText {
  /** Indexed words: Han characters folded to Simplified, letter/digit runs, gap words. */
  words: string[];
  /** The same words in the original script. */
  originals: string[];
}

/** Title and body as one word list, with a gap between so that no phrase spans the two. */
export function indexedText(title: string, body: string): IndexedText {
  const words: string[] = [];
  const originals: string[] = [];
  for (const seg of [...segments(title), { kind: "gap" as const, text: " " }, ...segments(body)]) {
    const original = segmentWord(seg, identity);
    originals.push(original);
    words.push(seg.kind === "han" ? foldChar(original) : original);
  }
  return { words, originals };
}

const identity = (ch: string): string => ch;

/** Names as readers see them on the site: short region names, campaign and type names, the year. */
export function searchFilters(b: Bulletin): Record<string, string[]> {
  const filters: Record<string, string[]> = {
    province: [b.province.shortName],
    year: [String(b.date.year)],
  };
  if (b.city) filters.city = [b.city.shortName];
  if (b.campaigns.length) filters.campaign = b.campaigns.map((c) => c.name);
  if (b.types.length) filters.type = b.types.map((t) => t.name);
  return filters;
}

/**
 * The record's URL is site-relative: pagefind.js prefixes it with the folder above the bundle, which is
 * the path prefix wherever the site is deployed.
 */
export function searchRecord(b: Bulletin): SearchRecord {
  const { words, originals } = indexedText(b.title, b.text);
  const meta: Record<string, string> = {
    title: b.title,
    date: cnDate(b.date),
    region: b.regionPath.map((r) => r.shortName).join(" › "),
  };
  // Only punctuation: Pagefind indexes meta values as words, and strips punctuation, so this adds no word.
  const originalScript = encodeOriginals(originals, words, foldPreimages());
  if (originalScript) meta.o = originalScript;
  return {
    url: b.url,
    content: words.join(" "),
    language: SEARCH_LANGUAGE,
    meta,
    filters: searchFilters(b),
    // Whole minutes since the epoch: numeric, so Pagefind compares it as a number.
    sort: { date: String(Math.floor(b.date.toMillis() / 60_000)) },
  };
}

