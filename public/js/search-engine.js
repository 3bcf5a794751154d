// The query engine of the search page, apart from the page so that a test can ask it directly: which pages
// hold a query (through Pagefind's runtime, which fetches the index chunks and looks the words up), and
// which of those pass the chosen facets, with every value's count. The words are those of search-text.js:
// a phrase of one or two units is one word with its page list; a longer one is three-unit words whose
// positions must line up.
import {
  coverOffsets,
  FACET_NAMES,
  FACETS_FILE,
  FOLD_FILE,
  SEARCH_LANGUAGE,
  shortWord,
  TITLE_SPAN,
  tripleWord,
} from "./search-text.js";

export const FACETS = FACET_NAMES;

/**
 * @typedef {{ values: Record<string, string[]>, pages: Record<string, number[][]> }} Facets
 */

/**
 * @typedef {{ pf: any, fold: (ch: string) => string, facets: Facets, pageCount: number, all: Record<string, Record<string, number>> }} Search
 */

/** @param {string} bundleUrl @param {string} name */
async function bundleFile(bundleUrl, name) {
  const response = await fetch(bundleUrl + name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response;
}

/**
 * Loads Pagefind's runtime and index metadata, the fold table and the facets of the bundle at bundleUrl.
 * @param {string} bundleUrl ending in /
 * @returns {Promise<Search>}
 */
export async function openBundle(bundleUrl) {
  const [pf, pairsText, facets] = await Promise.all([
    import(bundleUrl + "pagefind.js"),
    bundleFile(bundleUrl, FOLD_FILE).then((r) => r.text()),
    bundleFile(bundleUrl, FACETS_FILE).then((r) => r.json()),
  ]);
  // Without the worker: it would load a second copy of the runtime's glue code (12 KB gzipped) for queries
  // that take milliseconds.
  await pf.options({ basePath: bundleUrl, excerptLength: 0, noWorker: true });
  // pagefind.js cuts the query with Intl.Segmenter when the page's lang is zh; the page keeps its lang
  // except for the moment Pagefind reads it.
  const lang = document.documentElement.lang;
  document.documentElement.lang = SEARCH_LANGUAGE;
  try {
    await pf.init();
  } finally {
    document.documentElement.lang = lang;
  }
  const chars = Array.from(pairsText);
  /** @type {Map<string, string>} */
  const map = new Map();
  for (let i = 0; i + 1 < chars.length; i += 2)
    map.set(/** @type {string} */ (chars[i]), /** @type {string} */ (chars[i + 1]));
  const pageCount = /** @type {Facets} */ (facets).pages.year?.length ?? 0;
  const { counts: all } = filterAndCount(
    facets,
    Array.from({ length: pageCount }, (_, i) => i),
    {},
  );
  return { pf, fold: (/** @type {string} */ ch) => map.get(ch) ?? ch, facets, pageCount, all };
}

/** A result's page number: fragments are named by it (src/search/index-search.ts). @param {string} id */
export const pageOf = (id) => parseInt(id, 36);

/**
 * @typedef {{ title: boolean, result: any }} Hit  whether the phrase stands in the title; Pagefind's result
 */

/**
 * The pages holding a phrase. One or two units: one word, its pages (positions are kept in the title only).
 * More: the three-unit words covering it, on the pages where they stand at their offsets from one start.
 * @param {any} pf @param {string[]} phrase
 * @returns {Promise<Map<number, Hit>>}
 */
export async function phrasePages(pf, phrase) {
  /** @type {Map<number, Hit>} */
  const hits = new Map();
  if (phrase.length <= 2) {
    // Quoted: this word exactly, never words that merely start with it.
    const res = await pf.search(`"${shortWord(phrase)}"`);
    for (const r of res.results) hits.set(pageOf(r.id), { title: r.words.length > 0, result: r });
    return hits;
  }
  const offsets = coverOffsets(phrase.length);
  // Unquoted, to get every position; no three-unit word is a prefix of another (search-text.js).
  const searches = await Promise.all(offsets.map((o) => pf.search(tripleWord(phrase.slice(o, o + 3)))));
  const byPage = searches.map((res) => new Map(res.results.map((/** @type {any} */ r) => [pageOf(r.id), r])));
  const [first, ...others] = byPage;
  for (const [page, r] of /** @type {Map<number, any>} */ (first)) {
    const rest = others.map((m) => m.get(page));
    if (rest.some((x) => x === undefined)) continue;
    const sets = rest.map((x) => new Set(x.words));
    /** @type {number[]} */
    const starts = r.words.filter((/** @type {number} */ p) =>
      sets.every((set, k) => set.has(p + /** @type {number} */ (offsets[k + 1]))),
    );
    if (starts.length) hits.set(page, { title: starts.some((p) => p < TITLE_SPAN), result: r });
  }
  return hits;
}

/**
 * Pages holding every phrase (all pages when there is none), with how many phrases stand in their title.
 * @param {any} pf @param {string[][]} phrases @param {number} pageCount
 * @returns {Promise<Map<number, { titleHits: number, result: any }>>}
 */
export async function matchingPages(pf, phrases, pageCount) {
  /** @type {Map<number, { titleHits: number, result: any }>} */
  const out = new Map();
  if (!phrases.length) {
    for (let page = 0; page < pageCount; page++) out.set(page, { titleHits: 0, result: undefined });
    return out;
  }
  const perPhrase = await Promise.all(phrases.map((p) => phrasePages(pf, p)));
  perPhrase.sort((a, b) => a.size - b.size);
  const [smallest, ...others] = perPhrase;
  for (const [page, hit] of /** @type {Map<number, Hit>} */ (smallest)) {
    let titleHits = hit.title ? 1 : 0;
    let all = true;
    for (const other of others) {
      const h = other.get(page);
      if (!h) {
        all = false;
        break;
      }
      if (h.title) titleHits++;
    }
    if (all) out.set(page, { titleHits, result: hit.result });
  }
  return out;
}

/**
 * The pages shown and the counts of each facet value. A facet's counts leave out that facet's own
 * selection, so that choosing 无锡 still shows how many 苏州 would add (OR within a facet, AND across facets).
 * @param {Facets} facets @param {Iterable<number>} pages @param {Record<string, string[]>} selected
 */
export function filterAndCount(facets, pages, selected) {
  /** @type {Array<[string, Set<number>]>} */
  const wanted = Object.entries(selected)
    .filter(([facet, values]) => values.length && facets.values[facet])
    .map(([facet, values]) => [
      facet,
      new Set(values.map((v) => /** @type {string[]} */ (facets.values[facet]).indexOf(v))),
    ]);
  /** @type {Record<string, number[]>} */
  const tallies = {};
  for (const facet of FACETS) tallies[facet] = new Array(facets.values[facet]?.length ?? 0).fill(0);
  /** @type {number[]} */
  const shown = [];
  for (const page of pages) {
    let failed = 0;
    /** @type {string | undefined} */
    let failedFacet;
    for (const [facet, set] of wanted) {
      if (!(facets.pages[facet]?.[page] ?? []).some((v) => set.has(v))) {
        failed++;
        failedFacet = facet;
        if (failed > 1) break;
      }
    }
    if (failed > 1) continue;
    if (failed === 0) shown.push(page);
    for (const facet of FACETS) {
      if (failed === 1 && failedFacet !== facet) continue;
      const tally = /** @type {number[]} */ (tallies[facet]);
      for (const v of facets.pages[facet]?.[page] ?? []) tally[v] = /** @type {number} */ (tally[v]) + 1;
    }
  }
  /** @type {Record<string, Record<string, number>>} */
  const counts = {};
  for (const facet of FACETS) {
    counts[facet] = Object.fromEntries(
      (facets.values[facet] ?? []).map((value, i) => [value, /** @type {number[]} */ (tallies[facet])[i] ?? 0]),
    );
  }
  return { shown, counts };
}
