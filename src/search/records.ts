// What the search bundle says about each bulletin, from the content model (never from rendered HTML): the
// text that is indexed, the fragment the results list shows, and the facets readers filter by.
import type { Bulletin } from "../model.ts";
import { cnDate } from "../dates.ts";

export interface PageFragment {
  /** Site-relative: pagefind.js prefixes it with the folder above the bundle, the deploy's path prefix. */
  url: string;
  /** The body as plain text, in the bulletin's own script; search.js cuts it like the index did. */
  content: string;
  meta: { title: string; date: string; region: string };
}

/**
 * All the bundle needs of one bulletin, as plain data: what a worker thread can be given (src/search/worker.ts)
 * while the main thread renders. The text is held once: the fragment's content is made from it when written.
 */
export interface SearchRecord {
  url: string;
  title: string;
  text: string;
  /** Shown in results beside the title. */
  date: string;
  region: string;
  filters: Record<string, string[]>;
}

export function searchRecord(b: Bulletin): SearchRecord {
  return {
    url: b.url,
    title: b.title,
    text: b.text,
    date: cnDate(b.date),
    region: b.regionPath.map((r) => r.shortName).join(" › "),
    filters: searchFilters(b),
  };
}

export function pageFragment(r: SearchRecord): PageFragment {
  return {
    url: r.url,
    // pagefind.js deletes U+200B from fragment content, which would shift every unit after it. (Looked for
    // first: replaceAll copies every text, with or without one.)
    content: r.text.includes("\u200b") ? r.text.replaceAll("\u200b", " ") : r.text,
    meta: { title: r.title, date: r.date, region: r.region },
  };
}

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
