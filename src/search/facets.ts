// The facets of every page in one small file, read by search.js to filter and count: for each facet its
// values, and for each page the numbers of its values. Pagefind's own filter files list page numbers per
// value, about three bytes a page and value; a column of small numbers per facet gzips to a fraction.

import { FACET_NAMES } from "../../public/js/search-text.js";

export interface FacetsFile {
  /** Each facet's values, sorted. */
  values: Record<string, string[]>;
  /** Per facet, per page (in page-number order), the indexes of its values in `values`. */
  pages: Record<string, number[][]>;
}

/** `filters`: each page's, in page-number order (searchFilters in records.ts). */
export function facetsFile(filters: ReadonlyArray<Record<string, string[]>>): FacetsFile {
  const values: Record<string, string[]> = {};
  const pages: Record<string, number[][]> = {};
  for (const facet of FACET_NAMES) {
    const names = [...new Set(filters.flatMap((f) => f[facet] ?? []))].sort();
    const index = new Map(names.map((name, i) => [name, i]));
    values[facet] = names;
    pages[facet] = filters.map((f) => (f[facet] ?? []).map((name) => index.get(name)!));
  }
  return { values, pages };
}
