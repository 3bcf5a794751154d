// On a bulletin reached from search, marks the words the reader searched for. search.js appends each
// matched string, in the page's own script, as a `highlight` parameter; without one this does nothing.
const wanted = [
  ...new Set(
    new URLSearchParams(location.search)
      .getAll("highlight")
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

if (wanted.length) {
  const body = document.querySelector("[data-pagefind-body]") ?? document.querySelector("main");
  if (body) {
    // Longest first, so that a phrase wins over a shorter one inside it.
    const pattern = new RegExp(
      wanted
        .sort((a, b) => b.length - a.length)
        .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("|"),
      "giu",
    );
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest("script, style, mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    /** @type {Text[]} */
    const texts = [];
    while (walker.nextNode()) texts.push(/** @type {Text} */ (walker.currentNode));
    /** @type {HTMLElement | undefined} */
    let first;
    for (const text of texts) {
      const value = text.data;
      pattern.lastIndex = 0;
      if (!pattern.test(value)) continue;
      pattern.lastIndex = 0;
      const frag = document.createDocumentFragment();
      let last = 0;
      for (const m of value.matchAll(pattern)) {
        const at = /** @type {number} */ (m.index);
        frag.append(value.slice(last, at));
        const mark = document.createElement("mark");
        mark.className = "search-highlight";
        mark.textContent = m[0];
        frag.append(mark);
        first ??= mark;
        last = at + m[0].length;
      }
      frag.append(value.slice(last));
      text.replaceWith(frag);
    }
    first?.scrollIntoView({ block: "center" });
  }
}
