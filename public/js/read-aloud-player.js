// The 朗读 player, imported by read-aloud.js on the first press. Reads the headline, then the body sentence
// by sentence (one utterance each: engines cut long utterances short, and a sentence is what gets
// highlighted), in the voice of the article's own script: zh-CN for Simplified, zh-TW or zh-HK for
// Traditional, another Chinese voice when that one is missing.
const HIGHLIGHT = "read-aloud";
/** Blocks of the body read as they are; a block holding other blocks is read through them. */
const BLOCKS = "p, h2, h3, h4, h5, h6, li, th, td, figcaption";
/** Where a sentence ends: its closing punctuation plus any closing quotes or brackets after it. */
const SENTENCE_END = /[。！？!?；;…]+[”’」』）)]*/g;
const VOICE_LANGS = {
  "zh-Hant": [/^zh[-_](TW|Hant)/i, /^zh[-_]HK/i, /^yue/i],
  "zh-Hans": [/^zh[-_](CN|Hans)/i, /^cmn/i, /^zh[-_]SG/i],
};

/**
 * The element's text cut into sentences, each with the Range it covers in the page.
 * @param {Element} block @returns {Array<{ text: string, range: Range }>}
 */
function sentences(block) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  /** @type {Array<{ node: Text, from: number }>} */
  const nodes = [];
  let text = "";
  while (walker.nextNode()) {
    const node = /** @type {Text} */ (walker.currentNode);
    nodes.push({ node, from: text.length });
    text += node.data;
  }
  /** The text node and offset of a character position. @param {number} at */
  const point = (at) => {
    let i = nodes.length - 1;
    while (i > 0 && /** @type {{ from: number }} */ (nodes[i]).from > at) i--;
    const n = /** @type {{ node: Text, from: number }} */ (nodes[i]);
    return /** @type {[Text, number]} */ ([n.node, Math.min(at - n.from, n.node.length)]);
  };
  const cuts = [
    0,
    ...[...text.matchAll(SENTENCE_END)].map((m) => /** @type {number} */ (m.index) + m[0].length),
    text.length,
  ];
  /** @type {Array<{ text: string, range: Range }>} */
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = /** @type {number} */ (cuts[i]);
    const end = /** @type {number} */ (cuts[i + 1]);
    const part = text.slice(start, end);
    if (!/\S/.test(part) || !nodes.length) continue;
    const range = document.createRange();
    range.setStart(...point(start + (part.length - part.trimStart().length)));
    range.setEnd(...point(end));
    out.push({ text: part.trim(), range });
  }
  return out;
}

/** @param {SpeechSynthesis} synth @param {string} script */
function pickVoice(synth, script) {
  const voices = synth.getVoices();
  const wanted = VOICE_LANGS[script === "zh-Hant" ? "zh-Hant" : "zh-Hans"];
  for (const pattern of wanted) {
    const voice = voices.find((v) => pattern.test(v.lang));
    if (voice) return voice;
  }
  return voices.find((v) => /^(zh|cmn|yue)\b/i.test(v.lang));
}

/** @param {Range | undefined} range */
function highlight(range) {
  const registry = globalThis.CSS && "highlights" in CSS ? CSS.highlights : undefined;
  if (!registry) return; // no CSS Custom Highlight API: read without marking
  if (!range) return void registry.delete(HIGHLIGHT);
  registry.set(HIGHLIGHT, new Highlight(range));
  const shown = range.getBoundingClientRect();
  if (shown.top < 0 || shown.bottom > innerHeight)
    range.startContainer.parentElement?.scrollIntoView({ block: "center" });
}

/** @param {HTMLElement} box @param {SpeechSynthesis} synth */
export function createPlayer(box, synth) {
  const play = /** @type {HTMLButtonElement} */ (box.querySelector("[data-read-aloud-play]"));
  const stop = /** @type {HTMLButtonElement} */ (box.querySelector("[data-read-aloud-stop]"));
  const article = /** @type {HTMLElement} */ (document.querySelector("article.article"));
  /** @type {"idle" | "speaking" | "paused"} */
  let state = "idle";
  /** @type {Array<{ text: string, range: Range }>} */
  let queue = [];
  let at = 0;
  /** The utterance being spoken; events of any other (cancelled) one are ignored. */
  /** @type {SpeechSynthesisUtterance | undefined} */
  let current;

  const show = () => {
    play.textContent = state === "speaking" ? "暂停" : state === "paused" ? "继续" : "朗读";
    stop.hidden = state === "idle";
    box.dataset.state = state;
  };

  const finish = () => {
    current = undefined;
    synth.cancel();
    highlight(undefined);
    state = "idle";
    show();
  };

  const next = () => {
    const item = queue[at];
    if (!item) return finish();
    // The script shown now: the 简/繁 switch may have converted the article since the page loaded.
    const script = article.closest("[lang]")?.getAttribute("lang") ?? "zh-Hans";
    const voice = pickVoice(synth, script);
    const utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = voice?.lang ?? (script === "zh-Hant" ? "zh-TW" : "zh-CN");
    if (voice) utterance.voice = voice;
    const done = () => {
      if (current !== utterance) return;
      at++;
      next();
    };
    utterance.addEventListener("end", done);
    utterance.addEventListener("error", done);
    current = utterance;
    highlight(item.range);
    synth.speak(utterance);
  };

  const start = () => {
    const title = article.querySelector("h1");
    const body = [...article.querySelectorAll(`.prose :is(${BLOCKS})`)].filter((el) => !el.querySelector(BLOCKS));
    queue = [title, ...body].flatMap((el) => (el ? sentences(el) : []));
    at = 0;
    synth.cancel(); // whatever another page or tab left queued
    state = "speaking";
    show();
    next();
  };

  stop.addEventListener("click", () => {
    finish();
    play.focus();
  });
  addEventListener("pagehide", () => synth.cancel());

  return {
    toggle() {
      if (state === "idle") start();
      else if (state === "speaking") {
        synth.pause();
        state = "paused";
        show();
      } else {
        synth.resume();
        state = "speaking";
        show();
      }
    },
  };
}
