// The search page's filters on a narrow screen: folded behind one 筛选 button that shows how many are
// chosen, opened as a panel above the results and closed with 完成, with Escape, or by the button again;
// closing returns the focus to the button. From 64rem up the filters stand beside the results and the
// button is not shown (search.css), so nothing here applies. search.js fills the panel; this only folds it.
const toggle = /** @type {HTMLButtonElement | null} */ (document.querySelector("[data-filter-toggle]"));
const panel = /** @type {HTMLElement | null} */ (document.querySelector("[data-filter-panel]"));
const done = /** @type {HTMLButtonElement | null} */ (document.querySelector("[data-filter-close]"));
const count = /** @type {HTMLElement | null} */ (document.querySelector("[data-filter-count]"));
const facets = panel?.querySelector("[data-search-facets]");

if (toggle && panel && done && count && facets) {
  const wide = matchMedia("(min-width: 64rem)");
  const folded = () => !wide.matches;

  /** @param {boolean} open @param {boolean} [returnFocus] */
  const setOpen = (open, returnFocus = false) => {
    toggle.setAttribute("aria-expanded", String(open));
    panel.classList.toggle("is-open", open);
    if (open) panel.querySelector("h2")?.focus();
    else if (returnFocus) toggle.focus();
  };

  // The number of chosen values, kept current as search.js redraws the boxes after every search.
  const recount = () => {
    const n = facets.querySelectorAll("input[type=checkbox]:checked").length;
    count.textContent = n ? ` ${n}` : "";
    count.hidden = n === 0;
    toggle.setAttribute("aria-label", n ? `筛选（已选 ${n} 项）` : "筛选");
  };
  new MutationObserver(recount).observe(facets, { childList: true, subtree: true });
  facets.addEventListener("change", recount);

  toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true", true));
  done.addEventListener("click", () => setOpen(false, true));
  // From inside the panel or from its button; elsewhere Escape keeps its own meaning (clearing the search box).
  document.addEventListener("keydown", (event) => {
    const target = /** @type {Node} */ (event.target);
    if (!(panel.contains(target) || target === toggle)) return;
    if (event.key === "Escape" && folded() && panel.classList.contains("is-open")) {
      event.preventDefault();
      setOpen(false, true);
    }
  });
  // Turning a phone to landscape (or a window wider) shows the filters beside the results: no fold left open.
  wide.addEventListener("change", () => setOpen(false));

  panel.querySelector("h2")?.setAttribute("tabindex", "-1");
  panel.classList.add("is-foldable");
  toggle.hidden = false;
  done.hidden = false;
  recount();
}
