// How search text is cut into Pagefind words, shared by the indexer (src/search/, through search-text.d.ts)
// and the browser (search.js), so that a query is cut exactly like the pages it must match.
//
// Every Han character is its own word, folded to Simplified; a run of other letters or digits is one word;
// a run of anything else (punctuation, spaces) is one "gap" word that Pagefind strips to nothing but still
// counts as a position. A quoted Pagefind query matches words at consecutive positions, so a phrase of
// characters matches only where those characters stand side by side, never across punctuation.

const HAN = /\p{Script=Han}/u;
const WORDCHAR = /[\p{L}\p{N}\p{M}]/u;
/** Stands for whitespace inside a gap word: Pagefind splits words on whitespace, not on this. */
export const GAP_SPACE = "\u2063";
const HAS_SPACE = /\s/u;

const KIND_HAN = 1;
const KIND_WORD = 2;
const KIND_GAP = 3;
/** Kind of each BMP code point, learnt on first sight: the Unicode regexes are slow per character. */
const bmpKinds = new Uint8Array(0x10000);

/** @param {string} ch @param {number} cp */
function kindOf(ch, cp) {
  if (cp < 0x10000) {
    const known = bmpKinds[cp];
    if (known) return known;
  }
  const kind = HAN.test(ch) ? KIND_HAN : WORDCHAR.test(ch) ? KIND_WORD : KIND_GAP;
  if (cp < 0x10000) bmpKinds[cp] = kind;
  return kind;
}

const KIND_NAMES = /** @type {const} */ ([undefined, "han", "word", "gap"]);

/**
 * @typedef {{ kind: "han" | "word" | "gap", text: string }} Segment
 */

/**
 * One segment per Han character; one per run of other letters, digits and marks; one per run of
 * anything else.
 * @param {string} text
 * @returns {Segment[]}
 */
export function segments(text) {
  /** @type {Segment[]} */
  const out = [];
  let runKind = 0;
  let runStart = 0;
  const flush = (/** @type {number} */ end) => {
    if (runKind) out.push({ kind: /** @type {"word" | "gap"} */ (KIND_NAMES[runKind]), text: text.slice(runStart, end) });
    runKind = 0;
  };
  for (let i = 0; i < text.length; ) {
    const cp = /** @type {number} */ (text.codePointAt(i));
    const len = cp > 0xffff ? 2 : 1;
    const kind = kindOf(text.slice(i, i + len), cp);
    if (kind === KIND_HAN) {
      flush(i);
      out.push({ kind: "han", text: text.slice(i, i + len) });
    } else if (kind !== runKind) {
      flush(i);
      runKind = kind;
      runStart = i;
    }
    i += len;
  }
  flush(text.length);
  return out;
}

/**
 * The word a segment is indexed as: Han folded, gaps without whitespace.
 * @param {Segment} seg
 * @param {(ch: string) => string} foldChar
 */
export function segmentWord(seg, foldChar) {
  if (seg.kind === "han") return foldChar(seg.text);
  if (seg.kind === "gap") return HAS_SPACE.test(seg.text) ? seg.text.replace(/\s/gu, GAP_SPACE) : seg.text;
  return seg.text;
}

/**
 * A query as the phrases to search for: each whitespace-separated term is cut like page text, and a gap
 * inside a term splits it (Pagefind strips gaps, so "诈骗，刷单" means the phrases 诈骗 and 刷单).
 * Words are folded and lower-cased, as Pagefind lower-cases indexed words.
 * @param {string} query
 * @param {(ch: string) => string} foldChar
 * @returns {string[][]} phrases, each a list of words; duplicates removed
 */
export function queryPhrases(query, foldChar) {
  /** @type {string[][]} */
  const phrases = [];
  /** @type {string[]} */
  let current = [];
  const flush = () => {
    if (current.length) phrases.push(current);
    current = [];
  };
  for (const seg of segments(query)) {
    if (seg.kind === "gap") flush();
    else current.push(segmentWord(seg, foldChar).toLowerCase());
  }
  flush();
  const seen = new Set();
  return phrases.filter((p) => {
    const key = p.join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A phrase as a Pagefind query: quoted, so that its words must stand at consecutive positions.
 * @param {string[]} phrase
 */
export function phraseQuery(phrase) {
  return `"${phrase.join(" ")}"`;
}

// The original script of a folded page travels in a meta field as (gap since last change, which preimage)
// pairs, written with ASCII punctuation only: Pagefind indexes meta values as words, and punctuation is
// stripped, so the field adds nothing to the index. A number is base-14 digits, the last from FINAL.
const MORE = "!#$%&()*+,-./:";
const FINAL = ";<=>?@[]^`{|}~";

/** @param {number} n */
function encodeNumber(n) {
  let out = FINAL[n % 14];
  n = Math.floor(n / 14);
  while (n > 0) {
    out = MORE[n % 14] + out;
    n = Math.floor(n / 14);
  }
  return out;
}

/**
 * Preimages of each folded character, sorted by code point: the index of an original among them is what
 * the meta field stores.
 * @param {Iterable<[string, string]>} pairs (original, folded)
 * @returns {Map<string, string[]>}
 */
export function preimages(pairs) {
  /** @type {Map<string, string[]>} */
  const inv = new Map();
  for (const [from, to] of pairs) {
    const list = inv.get(to) ?? [];
    list.push(from);
    inv.set(to, list);
  }
  for (const list of inv.values()) list.sort((a, b) => /** @type {number} */ (a.codePointAt(0)) - /** @type {number} */ (b.codePointAt(0)));
  return inv;
}

/**
 * @param {string[]} originals original text of each word
 * @param {string[]} words the indexed words
 * @param {Map<string, string[]>} inv preimages
 * @returns {string} empty when nothing was folded
 */
export function encodeOriginals(originals, words, inv) {
  let out = "";
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    const orig = originals[i];
    const word = words[i];
    if (orig === word || orig === undefined || word === undefined) continue;
    const k = (inv.get(word) ?? []).indexOf(orig);
    if (k < 0) throw new Error(`search: no fold pair ${orig}→${word}`);
    out += encodeNumber(i - last - 1) + encodeNumber(k);
    last = i;
  }
  return out;
}

/**
 * The words of a page in their original script, from the indexed words and the meta field.
 * @param {string[]} words
 * @param {string} encoded
 * @param {Map<string, string[]>} inv
 * @returns {string[]}
 */
export function decodeOriginals(words, encoded, inv) {
  const out = words.slice();
  /** @type {number[]} */
  const nums = [];
  let n = 0;
  for (const ch of encoded) {
    const more = MORE.indexOf(ch);
    if (more >= 0) {
      n = n * 14 + more;
      continue;
    }
    const fin = FINAL.indexOf(ch);
    if (fin < 0) continue;
    nums.push(n * 14 + fin);
    n = 0;
  }
  let pos = -1;
  for (let i = 0; i + 1 < nums.length; i += 2) {
    pos += /** @type {number} */ (nums[i]) + 1;
    const word = out[pos];
    const orig = word === undefined ? undefined : inv.get(word)?.[/** @type {number} */ (nums[i + 1])];
    if (orig !== undefined) out[pos] = orig;
  }
  return out;
}

/**
 * Text for display from words: gap words get their spaces back. Two letter/digit runs are never adjacent
 * (segments() would have joined them), so the words join without separators.
 * @param {string[]} words
 */
export function displayText(words) {
  return words.map((w) => w.replaceAll(GAP_SPACE, " ")).join("");
}

/**
 * Positions where a phrase starts in a page's words (compared lower-cased, as Pagefind does).
 * @param {string[]} words
 * @param {string[]} phrase lower-cased words
 * @returns {number[]}
 */
export function phraseStarts(words, phrase) {
  /** @type {number[]} */
  const starts = [];
  if (!phrase.length) return starts;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) {
      if (/** @type {string} */ (words[i + j]).toLowerCase() !== phrase[j]) continue outer;
    }
    starts.push(i);
  }
  return starts;
}

