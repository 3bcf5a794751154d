// Text size (字号): A− / A+ in the masthead of every page, in steps up to 200 %, remembered in localStorage
// across pages. A classic script in <head>, so a remembered size applies before the first paint instead of
// the page jumping on every visit; it only sets an attribute on <html>, and site.css sizes the root font
// from it (every length there is in rem or em, so the whole layout grows with the text). Without
// JavaScript the buttons stay hidden and the browser's own zoom does the same job.
(() => {
  const KEY = "fanzha:text-size";
  const STEPS = [100, 125, 150, 175, 200];
  const root = document.documentElement;

  const stored = () => {
    try {
      return Number(localStorage.getItem(KEY));
    } catch {
      return NaN; // storage off (private mode, policy): the default size
    }
  };

  /** @param {number} size */
  const apply = (size) => {
    if (size === STEPS[0]) delete root.dataset.textSize;
    else root.dataset.textSize = String(size);
  };

  let size = STEPS.includes(stored()) ? stored() : STEPS[0];
  apply(size);

  document.addEventListener("DOMContentLoaded", () => {
    const box = document.querySelector("[data-text-size-control]");
    if (!box) return;
    const buttons = /** @type {HTMLButtonElement[]} */ ([...box.querySelectorAll("button[data-step]")]);
    const status = box.querySelector("[data-text-size-status]");
    const show = (/** @type {boolean} */ announce) => {
      const at = STEPS.indexOf(size);
      for (const b of buttons) b.disabled = Number(b.dataset.step) < 0 ? at === 0 : at === STEPS.length - 1;
      if (status && announce) status.textContent = `字号 ${size}%`;
    };
    for (const b of buttons) {
      b.addEventListener("click", () => {
        const at = Math.min(STEPS.length - 1, Math.max(0, STEPS.indexOf(size) + Number(b.dataset.step)));
        size = /** @type {number} */ (STEPS[at]);
        apply(size);
        try {
          localStorage.setItem(KEY, String(size));
        } catch {
          // not remembered, but this page still changes
        }
        show(true);
        // A button that just became disabled drops the focus; keep it in the control.
        if (b.disabled) buttons.find((other) => !other.disabled)?.focus();
      });
    }
    show(false);
    box.hidden = false;
  });
})();
