// The 简/繁 switch on a bulletin page. The page reads fully without it: the button stays hidden until this
// module runs. OpenCC's dictionaries (about 1 MB) are imported only when a reader asks for the other script,
// or when an earlier choice, kept in localStorage, says this page should be shown in it.
const STORAGE_KEY = "fanzha:script";
const HANS = "zh-Hans";
const HANT = "zh-Hant";
/** The vendor files are copied from opencc-js's browser build; resolved from this file, so a path prefix works. */
const CONVERTERS = {
  [HANT]: { url: new URL("../vendor/opencc-js/cn2t.js", import.meta.url), from: ["cn"], to: "tw" },
  [HANS]: { url: new URL("../vendor/opencc-js/t2cn.js", import.meta.url), from: ["tw", "hk"], to: "cn" },
};
const LABELS = {
  [HANT]: { text: "繁體", title: "切换为繁体中文" },
  [HANS]: { text: "简体", title: "切換為簡體中文" },
};

const button = /** @type {HTMLButtonElement | null} */ (document.querySelector("[data-script-switch]"));
const targets = /** @type {HTMLElement[]} */ ([...document.querySelectorAll("[data-script-convert]")]);

if (button && targets.length) {
  const original = button.dataset.original === HANT ? HANT : HANS;
  /** Each converted text node's original text, so switching back restores it exactly instead of converting twice. */
  const saved = new Map();
  /** Each target's own lang attribute as written (null: inherited from the page). */
  const savedLang = targets.map((el) => el.getAttribute("lang"));
  /** @type {Map<string, Promise<(text: string) => string>>} */
  const loaded = new Map();
  let shown = original;

  const other = (script) => (script === HANS ? HANT : HANS);

  const label = () => {
    const next = LABELS[other(shown)];
    button.textContent = next.text;
    button.title = next.title;
    button.setAttribute("lang", other(shown));
  };

  /** @param {string} script */
  const converterFor = (script) => {
    let promise = loaded.get(script);
    if (!promise) {
      const spec = CONVERTERS[script];
      promise = import(spec.url.href).then((opencc) =>
        opencc.ConverterFactory(...spec.from.map((name) => opencc.Locale.from[name]), opencc.Locale.to[spec.to]),
      );
      loaded.set(script, promise);
      promise.catch(() => loaded.delete(script));
    }
    return promise;
  };

  /** @param {HTMLElement} root */
  const textNodes = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest("script, style, code, pre, [data-script-switch]") || !/\S/.test(node.data)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    /** @type {Text[]} */
    const nodes = [];
    while (walker.nextNode()) nodes.push(/** @type {Text} */ (walker.currentNode));
    return nodes;
  };

  /** @param {string} script */
  const show = async (script) => {
    if (script === shown) return;
    if (script === original) {
      for (const [node, text] of saved) node.data = text;
      saved.clear();
      targets.forEach((el, i) =>
        savedLang[i] === null ? el.removeAttribute("lang") : el.setAttribute("lang", savedLang[i]),
      );
    } else {
      const convert = await converterFor(script);
      for (const el of targets) {
        for (const node of textNodes(el)) {
          if (!saved.has(node)) saved.set(node, node.data);
          node.data = convert(node.data);
        }
        el.setAttribute("lang", script);
      }
    }
    shown = script;
    label();
  };

  const remember = (script) => {
    try {
      localStorage.setItem(STORAGE_KEY, script);
    } catch {
      // Storage can be off (private mode, policy); the switch still works on this page.
    }
  };

  const stored = () => {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  };

  const run = async (script) => {
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      await show(script);
    } catch (error) {
      console.warn("script switch: could not load the converter", error);
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  };

  button.addEventListener("click", () => {
    const next = other(shown);
    remember(next);
    void run(next);
  });

  label();
  button.hidden = false;
  const wanted = stored();
  if (wanted === HANS || wanted === HANT) void run(wanted);
}
