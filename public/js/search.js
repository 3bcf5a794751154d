// The search page: drives Pagefind's browser API (pagefind.js) directly. The index holds one word per Han
// character, folded to Simplified (see search-text.js), so a query is folded and cut the same way and each
// of its phrases is searched quoted: a phrase matches consecutive characters only. Several phrases are
// several searches whose results are intersected.
import {
  decodeOriginals,
  displayText,
  phraseQuery,
  phraseStarts,
  preimages,
  queryPhrases,
  segments,
} from "./search-text.js";

const FACETS = /** @type {const} */ (["province", "city", "campaign", "type", "year"]);
const FACET_NAMES = { province: "省份", city: "城市", campaign: "专项行动", type: "诈骗类型", year: "年份" };
const PAGE_SIZE = 10;
const EXCERPT_BEFORE = 24;
const EXCERPT_AFTER = 56;
/** The code the index was written under (src/search/records.ts): Pagefind picks its index by document lang. */
const INDEX_LANG = "zz";
/** The filter naming each page's bundle when the index is split (src/search/shards.ts). */
const BUNDLE_FILTER = "bundle";

const root = /** @type {HTMLElement} */ (document.querySelector("[data-search]"));
const form = /** @type {HTMLFormElement} */ (root.querySelector("form"));
const input = /** @type {HTMLInputElement} */ (form.querySelector("input[name=q]"));
const sortSelect = /** @type {HTMLSelectElement} */ (form.querySelector("select[name=sort]"));
const facetsBox = /** @type {HTMLElement} */ (root.querySelector("[data-search-facets]"));
const statusBox = /** @type {HTMLElement} */ (root.querySelector("[data-search-status]"));
const list = /** @type {HTMLOListElement} */ (root.querySelector("[data-search-results]"));
const moreButton = /** @type {HTMLButtonElement} */ (root.querySelector("[data-search-more]"));
const hint = /** @type {HTMLElement} */ (root.querySelector("[data-search-empty]"));

const bundleUrl = new URL(root.dataset.bundle ?? "../pagefind/", root.dataset.bundle ? location.href : import.meta.url).href;

/** @param {string} name */
async function bundleFile(name) {
  const response = await fetch(bundleUrl + name);
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response;
}

/** @type {Promise<{ pf: any, fold: (ch: string) => string, inv: Map<string, string[]>, all: Record<string, Record<string, number>> }> | undefined} */
let ready;

function start() {
  ready ??= (async () => {
    const [pf, pairsText, shards] = await Promise.all([
      import(bundleUrl + "pagefind.js"),
      bundleFile("fold-zh.txt").then((r) => r.text()),
      bundleFile("shards.json").then((r) => r.json()),
    ]);
    const options = { excerptLength: 0 };
    await pf.options({ basePath: bundleUrl, ...options });
    // pagefind.js cuts the query with Intl.Segmenter when the page's lang is zh; the page keeps its lang
    // except for the moment Pagefind reads it.
    const lang = document.documentElement.lang;
    document.documentElement.lang = INDEX_LANG;
    try {
      await pf.init();
    } finally {
      document.documentElement.lang = lang;
    }
    // A large site is indexed as several bundles (src/search/shards.ts); merged, one search covers them
    // all. Their language is given, so the page's lang plays no part; their paths take the same form as
    // the primary's (pagefind.js strips the origin from it), so result URLs come out the same.
    /** @type {string[]} */
    const merge = shards.merge;
    await Promise.all(merge.map((folder) => pf.mergeIndex(new URL(folder, bundleUrl).pathname, { language: INDEX_LANG, ...options })));
    const chars = Array.from(pairsText);
    /** @type {Array<[string, string]>} */
    const pairs = [];
    for (let i = 0; i + 1 < chars.length; i += 2) pairs.push([/** @type {string} */ (chars[i]), /** @type {string} */ (chars[i + 1])]);
    const map = new Map(pairs);
    const { [BUNDLE_FILTER]: _bundles, ...all } = await pf.filters();
    const searcher = merge.length ? { search: bundleOrdered(pf, 1 + merge.length) } : pf;
    return { pf: searcher, fold: (/** @type {string} */ ch) => map.get(ch) ?? ch, inv: preimages(pairs), all };
  })();
  return ready;
}

/**
 * Search over merged bundles that keeps a sort by date right. pagefind.js orders merged results by score,
 * and under a sort a result's score is its rank within its own bundle, so the bundles' results would
 * interleave. The bundles hold runs of the site in date order, newest first, and each page carries its
 * bundle's number as a filter (src/search/index-search.ts): under a sort each bundle is searched on its
 * own and the results are joined in bundle order, the facet counts summed. Without a sort one search
 * serves (a quoted phrase scores every hit alike, so the bundles keep their order).
 * @param {any} pf @param {number} bundles
 */
function bundleOrdered(pf, bundles) {
  return async (/** @type {string | null} */ query, /** @type {{ filters: object, sort?: object }} */ options) => {
    if (!options.sort) return pf.search(query, options);
    const parts = await Promise.all(
      Array.from({ length: bundles }, (_, i) => pf.search(query, { ...options, filters: { ...options.filters, [BUNDLE_FILTER]: String(i) } })),
    );
    /** @type {Record<string, Record<string, number>>} */
    const filters = {};
    for (const part of parts) {
      for (const [facet, values] of Object.entries(/** @type {Record<string, Record<string, number>>} */ (part.filters))) {
        const sum = (filters[facet] ??= {});
        for (const [value, n] of Object.entries(values)) sum[value] = (sum[value] ?? 0) + n;
      }
    }
    return { results: parts.flatMap((part) => part.results), filters };
  };
}

/** @returns {{ q: string, sort: string, selected: Record<string, string[]> }} */
function stateFromUrl() {
  const params = new URLSearchParams(location.search);
  /** @type {Record<string, string[]>} */
  const selected = {};
  for (const facet of FACETS) {
    const values = params.getAll(facet).filter(Boolean);
    if (values.length) selected[facet] = values;
  }
  return { q: params.get("q") ?? "", sort: params.get("sort") === "date" ? "date" : "relevance", selected };
}

/** @param {{ q: string, sort: string, selected: Record<string, string[]> }} state */
function writeUrl(state) {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort === "date") params.set("sort", "date");
  for (const [facet, values] of Object.entries(state.selected)) for (const v of values) params.append(facet, v);
  const search = params.toString();
  history.replaceState(null, "", search ? `?${search}` : location.pathname);
}

/** @returns {Record<string, string[]>} */
function selectedFromForm() {
  /** @type {Record<string, string[]>} */
  const selected = {};
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (facetsBox.querySelectorAll("input[type=checkbox]:checked"))) {
    (selected[box.name] ??= []).push(box.value);
  }
  return selected;
}

/** @param {Record<string, string[]>} selected @param {string} [except] */
function pagefindFilters(selected, except) {
  /** @type {Record<string, { any: string[] }>} */
  const filters = {};
  for (const [facet, values] of Object.entries(selected)) if (facet !== except && values.length) filters[facet] = { any: values };
  return filters;
}

/** @type {Map<string, Map<string, Set<string>>> | undefined} */
let valueIds;

/**
 * The pages holding each facet value, learnt once from filter-only searches: they cost no download (the
 * filter files are loaded at start) and let several-phrase queries count facets exactly.
 * @param {any} pf @param {Record<string, Record<string, number>>} all
 */
async function pagesByValue(pf, all) {
  if (!valueIds) {
    const byFacet = new Map();
    for (const [facet, values] of Object.entries(all)) {
      const byValue = new Map();
      for (const value of Object.keys(values)) {
        const res = await pf.search(null, { filters: { [facet]: value } });
        byValue.set(value, new Set(res.results.map((/** @type {any} */ r) => r.id)));
      }
      byFacet.set(facet, byValue);
    }
    valueIds = byFacet;
  }
  return valueIds;
}

/**
 * Pages matching every phrase (in the first phrase's order), under the given options.
 * @param {any} pf @param {Array<string | null>} queries @param {object} options
 * @returns {Promise<{ results: any[], filters: Record<string, Record<string, number>> }>}
 */
async function intersect(pf, queries, options) {
  const searches = await Promise.all(queries.map((q) => pf.search(q, options)));
  let results = searches[0].results;
  for (const other of searches.slice(1)) {
    const ids = new Set(other.results.map((/** @type {any} */ r) => r.id));
    results = results.filter((/** @type {any} */ r) => ids.has(r.id));
  }
  return { results, filters: searches[0].filters };
}

/**
 * Runs the search: the results and the counts for each facet value. A facet's counts leave out that
 * facet's own selection, so that choosing 无锡 still shows how many 苏州 would add (OR within a facet, AND
 * across facets). With one phrase Pagefind counts; with several, the intersection is counted here.
 * @param {any} pf
 * @param {Record<string, Record<string, number>>} all
 * @param {string[][]} phrases
 * @param {string} sort
 * @param {Record<string, string[]>} selected
 */
async function runSearch(pf, all, phrases, sort, selected) {
  const options = (/** @type {string} */ except) => ({
    filters: pagefindFilters(selected, except),
    ...(sort === "date" || phrases.length === 0 ? { sort: { date: "desc" } } : {}),
  });
  const queries = phrases.length ? phrases.map(phraseQuery) : [null];
  const main = await intersect(pf, queries, options(""));
  /** @type {Record<string, Record<string, number>>} */
  const counts = {};
  for (const facet of FACETS) {
    const base = facet in selected ? await intersect(pf, queries, options(facet)) : main;
    if (queries.length === 1) {
      counts[facet] = base.filters[facet] ?? {};
      continue;
    }
    const ids = (await pagesByValue(pf, all)).get(facet) ?? new Map();
    /** @type {Record<string, number>} */
    const facetCounts = {};
    for (const [value, pages] of ids) facetCounts[value] = base.results.filter((/** @type {any} */ r) => pages.has(r.id)).length;
    counts[facet] = facetCounts;
  }
  return { results: main.results, counts };
}

/** @param {string} tag @param {Record<string, string>} [attrs] @param {...(Node | string)} children */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/**
 * Appends words from..to to a node, matched runs wrapped in <mark>.
 * @param {HTMLElement} node @param {string[]} originals @param {boolean[]} marked @param {number} from @param {number} to
 */
function appendMarked(node, originals, marked, from, to) {
  let run = "";
  let runMarked = false;
  const flush = () => {
    if (run) node.append(runMarked ? el("mark", {}, run) : run);
    run = "";
  };
  for (let i = from; i < to; i++) {
    if (Boolean(marked[i]) !== runMarked) flush(), (runMarked = Boolean(marked[i]));
    run += displayText([/** @type {string} */ (originals[i])]);
  }
  flush();
}

/**
 * A result: title and excerpt in the page's own script with the matches marked; the excerpt is taken
 * around the first match in the body (the start of the body when only the title matched). The link
 * carries the matched strings, in that script, for highlight.js on the bulletin page.
 * @param {any} data @param {string[][]} phrases @param {Map<string, string[]>} inv
 */
function resultItem(data, phrases, inv) {
  const words = String(data.content).split(" ");
  const originals = data.meta.o ? decodeOriginals(words, data.meta.o, inv) : words;
  const titleWords = segments(String(data.meta.title ?? "")).length;
  /** @type {boolean[]} */
  const marked = new Array(words.length).fill(false);
  /** @type {Set<string>} */
  const matched = new Set();
  let first = -1;
  for (const phrase of phrases) {
    for (const s of phraseStarts(words, phrase)) {
      for (let i = s; i < s + phrase.length; i++) marked[i] = true;
      matched.add(displayText(originals.slice(s, s + phrase.length)));
      if (s > titleWords && (first < 0 || s < first)) first = s;
    }
  }
  const bodyStart = titleWords + 1;
  const centre = first >= 0 ? first : bodyStart;
  const from = Math.max(bodyStart, centre - EXCERPT_BEFORE);
  const to = Math.min(words.length, centre + EXCERPT_AFTER);
  const excerptP = el("p", { class: "search-excerpt" });
  if (from > bodyStart) excerptP.append("…");
  appendMarked(excerptP, originals, marked, from, to);
  if (to < words.length) excerptP.append("…");

  const url = new URL(data.url, location.href);
  for (const m of matched) url.searchParams.append("highlight", m);
  const link = el("a", { href: url.pathname + url.search });
  if (titleWords > 0) appendMarked(link, originals, marked, 0, titleWords);
  else link.append(String(data.url));
  return el(
    "li",
    { class: "search-result" },
    el("h2", { class: "search-result-title" }, link),
    el("p", { class: "search-result-meta" }, el("span", {}, String(data.meta.date ?? "")), " · ", el("span", {}, String(data.meta.region ?? ""))),
    excerptP,
  );
}

/** @param {Record<string, Record<string, number>>} all @param {Record<string, Record<string, number>>} counts @param {Record<string, string[]>} selected */
function renderFacets(all, counts, selected) {
  const focused = document.activeElement instanceof HTMLInputElement && facetsBox.contains(document.activeElement) ? document.activeElement.id : "";
  facetsBox.replaceChildren();
  for (const facet of FACETS) {
    const values = Object.keys(all[facet] ?? {});
    if (!values.length) continue;
    values.sort(facet === "year" ? (a, b) => b.localeCompare(a) : (a, b) => (all[facet]?.[b] ?? 0) - (all[facet]?.[a] ?? 0) || a.localeCompare(b, "zh"));
    const fieldset = el("fieldset", { class: "search-facet" }, el("legend", {}, FACET_NAMES[facet]));
    const ul = el("ul", {});
    values.forEach((value, i) => {
      const count = counts[facet]?.[value] ?? 0;
      const checked = (selected[facet] ?? []).includes(value);
      if (!count && !checked) return;
      const id = `f-${facet}-${i}`;
      const box = el("input", { type: "checkbox", id, name: facet, value });
      if (checked) /** @type {HTMLInputElement} */ (box).checked = true;
      // The box inside its label: the whole row is one target for a finger.
      ul.append(el("li", {}, el("label", { for: id }, box, value, " ", el("span", { class: "search-count" }, `(${count})`))));
    });
    if (!ul.childElementCount) continue;
    fieldset.append(ul);
    facetsBox.append(fieldset);
  }
  if (focused) document.getElementById(focused)?.focus();
}

let generation = 0;

async function update() {
  const mine = ++generation;
  const q = input.value.trim();
  const sort = sortSelect.value;
  const selected = selectedFromForm();
  writeUrl({ q, sort, selected });
  const hasFilter = Object.keys(selected).length > 0;
  if (!q && !hasFilter) {
    list.replaceChildren();
    moreButton.hidden = true;
    hint.hidden = true;
    statusBox.textContent = "输入关键词开始搜索，繁体、简体均可。";
    const { all } = await start();
    if (mine === generation) renderFacets(all, all, selected);
    return;
  }
  statusBox.textContent = "正在搜索…";
  const { pf, fold, inv, all } = await start();
  const phrases = queryPhrases(q, fold);
  if (q && !phrases.length) {
    // Only punctuation or spaces: nothing to match, and an empty search would list every bulletin.
    list.replaceChildren();
    moreButton.hidden = true;
    hint.hidden = false;
    statusBox.textContent = `“${q}”中没有可搜索的文字。`;
    return;
  }
  const { results, counts } = await runSearch(pf, all, phrases, sort, selected);
  if (mine !== generation) return;
  renderFacets(all, counts, selected);
  list.replaceChildren();
  hint.hidden = results.length > 0;
  let shown = 0;
  const showMore = async () => {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    const firstNew = shown;
    shown += batch.length;
    const datas = await Promise.all(batch.map((/** @type {any} */ r) => r.data()));
    if (mine !== generation) return;
    for (const data of datas) list.append(resultItem(data, phrases, inv));
    moreButton.hidden = shown >= results.length;
    return firstNew;
  };
  await showMore();
  if (mine !== generation) return;
  // Announced once the first results are on the page, so the status never describes a list still loading.
  const what = q ? `“${q}”` : "所选条件";
  statusBox.textContent = results.length
    ? `${what}找到 ${results.length} 条结果。`
    : `没有找到${what}的结果。`;
  moreButton.onclick = async () => {
    const firstNew = await showMore();
    // Keyboard users continue where the new results begin.
    list.children[firstNew ?? 0]?.querySelector("a")?.focus();
  };
}

function guarded() {
  update().catch((err) => {
    console.error(err);
    statusBox.textContent = "搜索暂时不可用，请稍后再试。";
  });
}

const initial = stateFromUrl();
input.value = initial.q;
sortSelect.value = initial.sort;
for (const [facet, values] of Object.entries(initial.selected)) {
  for (const value of values) {
    // Facet boxes appear once the index is loaded; until then, hidden inputs carry the choice.
    facetsBox.append(el("input", { type: "checkbox", name: facet, value, hidden: "", checked: "" }));
  }
}
for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (facetsBox.querySelectorAll("input[type=checkbox]"))) box.checked = true;

form.addEventListener("submit", (event) => {
  event.preventDefault();
  guarded();
});
sortSelect.addEventListener("change", guarded);
facetsBox.addEventListener("change", guarded);
root.classList.add("search-ready");
guarded();
