// The search page: loads Pagefind's runtime and the facets, runs queries through search-engine.js, ranks
// the pages and shows them, each with its title and an excerpt in its own script and the matches marked.
import { phraseStarts, queryPhrases, unitSpans } from "./search-text.js";
import { FACETS, filterAndCount, matchingPages, openBundle, pageOf } from "./search-engine.js";

const FACET_NAMES = { province: "省份", city: "城市", campaign: "专项行动", type: "诈骗类型", year: "年份" };
const PAGE_SIZE = 10;
const EXCERPT_BEFORE = 24;
const EXCERPT_AFTER = 56;

const root = /** @type {HTMLElement} */ (document.querySelector("[data-search]"));
const form = /** @type {HTMLFormElement} */ (root.querySelector("form"));
const input = /** @type {HTMLInputElement} */ (form.querySelector("input[name=q]"));
const sortSelect = /** @type {HTMLSelectElement} */ (form.querySelector("select[name=sort]"));
const facetsBox = /** @type {HTMLElement} */ (root.querySelector("[data-search-facets]"));
const statusBox = /** @type {HTMLElement} */ (root.querySelector("[data-search-status]"));
const list = /** @type {HTMLOListElement} */ (root.querySelector("[data-search-results]"));
const moreButton = /** @type {HTMLButtonElement} */ (root.querySelector("[data-search-more]"));
const hint = /** @type {HTMLElement} */ (root.querySelector("[data-search-empty]"));

const bundleUrl = new URL(root.dataset.bundle ?? "../pagefind/", root.dataset.bundle ? location.href : import.meta.url)
  .href;

/** @type {Promise<import("./search-engine.js").Search> | undefined} */
let ready;

function start() {
  ready ??= openBundle(bundleUrl);
  return ready;
}

/** @type {Map<number, any> | undefined} */
let allResults;

/**
 * Pagefind's result object of a page, for its data(): from the search, or from one search listing every
 * page (a query of filters only).
 * @param {any} pf @param {number} page @param {any} result
 */
async function resultOf(pf, page, result) {
  if (result) return result;
  if (!allResults) {
    const res = await pf.search(null);
    allResults = new Map(res.results.map((/** @type {any} */ r) => [pageOf(r.id), r]));
  }
  return allResults.get(page);
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
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (
    facetsBox.querySelectorAll("input[type=checkbox]:checked")
  )) {
    (selected[box.name] ??= []).push(box.value);
  }
  return selected;
}

/** @param {string} tag @param {Record<string, string>} [attrs] @param {...(Node | string)} children */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/**
 * Appends units from..to of a text to a node, matched runs wrapped in <mark>.
 * @param {HTMLElement} node @param {string} text @param {{ starts: number[], ends: number[] }} spans
 * @param {boolean[]} marked @param {number} from @param {number} to
 */
function appendMarked(node, text, spans, marked, from, to) {
  let runStart = spans.starts[from] ?? 0;
  let runMarked = Boolean(marked[from]);
  for (let i = from; i <= to; i++) {
    const isMarked = i < to && Boolean(marked[i]);
    if (i < to && isMarked === runMarked) continue;
    const end =
      i < to ? /** @type {number} */ (spans.starts[i]) : /** @type {number} */ (spans.ends[to - 1] ?? runStart);
    const piece = text.slice(runStart, end);
    if (piece) node.append(runMarked ? el("mark", {}, piece) : piece);
    runStart = end;
    runMarked = isMarked;
  }
}

/**
 * Marks every occurrence of the phrases in a text's units; returns the marks, the matched strings (in the
 * text's own script) and the first match.
 * @param {{ units: Array<string | null>, starts: number[], ends: number[] }} spans @param {string} text @param {string[][]} phrases
 */
function markPhrases(spans, text, phrases) {
  /** @type {boolean[]} */
  const marked = new Array(spans.units.length).fill(false);
  /** @type {Set<string>} */
  const matched = new Set();
  let first = -1;
  for (const phrase of phrases) {
    for (const s of phraseStarts(spans.units, phrase)) {
      for (let i = s; i < s + phrase.length; i++) marked[i] = true;
      matched.add(text.slice(spans.starts[s], spans.ends[s + phrase.length - 1]));
      if (first < 0 || s < first) first = s;
    }
  }
  return { marked, matched, first };
}

/**
 * A result: title and excerpt in the page's own script with the matches marked; the excerpt is taken
 * around the first match in the body (the start of the body when only the title matched). The link
 * carries the matched strings, in that script, for highlight.js on the bulletin page.
 * @param {any} data @param {string[][]} phrases @param {(ch: string) => string} fold
 */
function resultItem(data, phrases, fold) {
  const title = String(data.meta.title ?? "");
  const body = String(data.content ?? "");
  const titleSpans = unitSpans(title, fold);
  const bodySpans = unitSpans(body, fold);
  const inTitle = markPhrases(titleSpans, title, phrases);
  const inBody = markPhrases(bodySpans, body, phrases);
  const centre = Math.max(0, inBody.first);
  const from = Math.max(0, centre - EXCERPT_BEFORE);
  const to = Math.min(bodySpans.units.length, centre + EXCERPT_AFTER);
  const excerptP = el("p", { class: "search-excerpt" });
  if (from > 0) excerptP.append("…");
  appendMarked(excerptP, body, bodySpans, inBody.marked, from, to);
  if (to < bodySpans.units.length) excerptP.append("…");

  const url = new URL(data.url, location.href);
  for (const m of new Set([...inTitle.matched, ...inBody.matched])) url.searchParams.append("highlight", m);
  const link = el("a", { href: url.pathname + url.search });
  if (titleSpans.units.length) appendMarked(link, title, titleSpans, inTitle.marked, 0, titleSpans.units.length);
  else link.append(String(data.url));
  return el(
    "li",
    { class: "search-result" },
    el("h2", { class: "search-result-title" }, link),
    el(
      "p",
      { class: "search-result-meta" },
      el("span", {}, String(data.meta.date ?? "")),
      " · ",
      el("span", {}, String(data.meta.region ?? "")),
    ),
    excerptP,
  );
}

/** @param {Record<string, Record<string, number>>} all @param {Record<string, Record<string, number>>} counts @param {Record<string, string[]>} selected */
function renderFacets(all, counts, selected) {
  const focused =
    document.activeElement instanceof HTMLInputElement && facetsBox.contains(document.activeElement)
      ? document.activeElement.id
      : "";
  facetsBox.replaceChildren();
  for (const facet of FACETS) {
    const values = Object.keys(all[facet] ?? {});
    if (!values.length) continue;
    values.sort(
      facet === "year"
        ? (a, b) => b.localeCompare(a)
        : (a, b) => (all[facet]?.[b] ?? 0) - (all[facet]?.[a] ?? 0) || a.localeCompare(b, "zh"),
    );
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
      ul.append(
        el("li", {}, el("label", { for: id }, box, value, " ", el("span", { class: "search-count" }, `(${count})`))),
      );
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
  const { pf, fold, facets, pageCount, all } = await start();
  const phrases = queryPhrases(q, fold);
  if (q && !phrases.length) {
    // Only punctuation or spaces: nothing to match, and an empty search would list every bulletin.
    list.replaceChildren();
    moreButton.hidden = true;
    hint.hidden = false;
    statusBox.textContent = `“${q}”中没有可搜索的文字。`;
    return;
  }
  const matches = await matchingPages(pf, phrases, pageCount);
  if (mine !== generation) return;
  const { shown, counts } = filterAndCount(facets, [...matches.keys()], selected);
  // Page numbers follow the site's date order, newest first; relevance puts phrases in the title first.
  const byDate = (/** @type {number} */ a, /** @type {number} */ b) => a - b;
  shown.sort(
    sort === "date" ? byDate : (a, b) => (matches.get(b)?.titleHits ?? 0) - (matches.get(a)?.titleHits ?? 0) || a - b,
  );
  renderFacets(all, counts, selected);
  list.replaceChildren();
  hint.hidden = shown.length > 0;
  let done = 0;
  const showMore = async () => {
    const batch = shown.slice(done, done + PAGE_SIZE);
    const firstNew = done;
    done += batch.length;
    const datas = await Promise.all(
      batch.map(async (page) => (await resultOf(pf, page, matches.get(page)?.result)).data()),
    );
    if (mine !== generation) return;
    for (const data of datas) list.append(resultItem(data, phrases, fold));
    moreButton.hidden = done >= shown.length;
    return firstNew;
  };
  await showMore();
  if (mine !== generation) return;
  // Announced once the first results are on the page, so the status never describes a list still loading.
  const what = q ? `“${q}”` : "所选条件";
  statusBox.textContent = shown.length ? `${what}找到 ${shown.length} 条结果。` : `没有找到${what}的结果。`;
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
for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (facetsBox.querySelectorAll("input[type=checkbox]")))
  box.checked = true;

form.addEventListener("submit", (event) => {
  event.preventDefault();
  guarded();
});
sortSelect.addEventListener("change", guarded);
facetsBox.addEventListener("change", guarded);
root.classList.add("search-ready");
guarded();
