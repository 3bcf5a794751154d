// How search text is cut into units and index words, shared by the indexer (src/search/, type-checked with it:
// checkJs) and the browser (search.js), so that a query is cut exactly like the pages it must match; and the
// names both sides give the bundle's own files.
//
// A text is a row of units: each Han character (folded to Simplified), each run of other letters or digits
// (lower-cased, accents dropped, as pagefind.js treats a query), and each run of anything else, a gap that
// matches nothing but holds a position, so that no phrase spans punctuation. The title's units stand at
// positions 0…, the body's from TITLE_SPAN on, so no phrase spans the two and a position tells which it is in.
//
// The index holds, for every page, each unit and each pair of adjacent units as words with the page list only
// (a query of one or two units is answered by one word), and each run of three units as a word with all its
// positions: a longer phrase is the three-unit words at offsets 0, 3, 6, … and n−3, which must stand at
// those distances from one start (see coverOffsets). Unit and pair words carry their positions in the title
// only, so that a hit in the title can rank first.

/** The code the index is written under: Pagefind picks its index by the page's lang, and cuts zh, ja and th itself. */
export const SEARCH_LANGUAGE = "zz";
/** The 简繁 fold table and the facets of every page, files of our own beside Pagefind's. */
export const FOLD_FILE = "fold-zh.txt";
export const FACETS_FILE = "facets.json";
export const FACET_NAMES = /** @type {const} */ (["province", "city", "campaign", "type", "year"]);

const HAN = /\p{Script=Han}/u;
const WORDCHAR = /[\p{L}\p{N}\p{M}]/u;

export const KIND_HAN = 1;
export const KIND_WORD = 2;
export const KIND_GAP = 3;

/** Where the body's units start; titles (at most 120 characters) stay below it. */
export const TITLE_SPAN = 128;

/** Starts a three-unit word, so that no unit or pair word is a prefix of one. */
export const TRIPLE_MARK = "^";
/** Ends a letter/digit unit inside a three-unit word, so that no three-unit word is a prefix of another. */
export const WORD_END = "~";

/** Kind of each BMP code point, learnt on first sight: the Unicode regexes are slow per character. */
const bmpKinds = new Uint8Array(0x10000);

/** @param {number} cp */
export function charKind(cp) {
  if (cp < 0x10000) {
    const known = bmpKinds[cp];
    if (known) return known;
  }
  const ch = String.fromCodePoint(cp);
  const kind = HAN.test(ch) ? KIND_HAN : WORDCHAR.test(ch) ? KIND_WORD : KIND_GAP;
  if (cp < 0x10000) bmpKinds[cp] = kind;
  return kind;
}

/**
 * Calls visit(kind, start, end) for each Han character, each run of letters/digits/marks and each run of
 * anything else, in order (UTF-16 offsets).
 * @param {string} text
 * @param {(kind: number, start: number, end: number) => void} visit
 */
export function scan(text, visit) {
  let runKind = 0;
  let runStart = 0;
  for (let i = 0; i < text.length;) {
    const cp = /** @type {number} */ (text.codePointAt(i));
    const len = cp > 0xffff ? 2 : 1;
    const kind = charKind(cp);
    if (kind === KIND_HAN) {
      if (runKind) visit(runKind, runStart, i);
      runKind = 0;
      visit(KIND_HAN, i, i + len);
    } else if (kind !== runKind) {
      if (runKind) visit(runKind, runStart, i);
      runKind = kind;
      runStart = i;
    }
    i += len;
  }
  if (runKind) visit(runKind, runStart, text.length);
}

/**
 * A letter/digit run as pagefind.js leaves a query: lower-cased, decomposed, marks dropped ("" when only marks).
 * @param {string} run
 */
export function wordUnit(run) {
  return run.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

/**
 * A folded Han character as pagefind.js leaves it: compatibility ideographs decompose to unified ones.
 * @param {string} folded
 */
export function hanUnit(folded) {
  const cp = /** @type {number} */ (folded.codePointAt(0));
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) ? folded : folded.normalize("NFD");
}

/**
 * The units of a text with their offsets; null stands for a gap.
 * @param {string} text
 * @param {(ch: string) => string} foldChar
 * @returns {{ units: Array<string | null>, starts: number[], ends: number[] }}
 */
export function unitSpans(text, foldChar) {
  /** @type {Array<string | null>} */
  const units = [];
  /** @type {number[]} */
  const starts = [];
  /** @type {number[]} */
  const ends = [];
  scan(text, (kind, start, end) => {
    const piece = text.slice(start, end);
    const unit = kind === KIND_HAN ? hanUnit(foldChar(piece)) : kind === KIND_WORD ? wordUnit(piece) : "";
    const last = units.length - 1;
    if (!unit && last >= 0 && units[last] === null) {
      ends[last] = end; // a gap next to a run that normalised to nothing: one gap
      return;
    }
    units.push(unit || null);
    starts.push(start);
    ends.push(end);
  });
  return { units, starts, ends };
}

/**
 * A query as the phrases to search for: whitespace and gaps split it, each phrase a list of units; repeats
 * dropped.
 * @param {string} query
 * @param {(ch: string) => string} foldChar
 * @returns {string[][]}
 */
export function queryPhrases(query, foldChar) {
  /** @type {string[][]} */
  const phrases = [];
  /** @type {string[]} */
  let current = [];
  for (const unit of unitSpans(query, foldChar).units) {
    if (unit !== null) current.push(unit);
    else if (current.length) (phrases.push(current), (current = []));
  }
  if (current.length) phrases.push(current);
  const seen = new Set();
  return phrases.filter((p) => {
    const key = p.join("\u0000");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** @param {string} unit */
function isHanUnit(unit) {
  return charKind(/** @type {number} */ (unit.codePointAt(0))) === KIND_HAN;
}

/**
 * The index word of one or two adjacent units. Two letter/digit runs are never adjacent, so the joined
 * string names one pair only.
 * @param {string[]} units
 */
export function shortWord(units) {
  return units.join("");
}

/**
 * The index word of three adjacent units.
 * @param {string[]} units
 */
export function tripleWord(units) {
  return TRIPLE_MARK + units.map((u) => (isHanUnit(u) ? u : u + WORD_END)).join("");
}

/**
 * Offsets of the three-unit words that cover a phrase of n ≥ 3 units: every unit lies in one of them.
 * @param {number} n
 */
export function coverOffsets(n) {
  /** @type {number[]} */
  const offsets = [];
  for (let o = 0; o + 3 < n; o += 3) offsets.push(o);
  offsets.push(n - 3);
  return offsets;
}

/**
 * Positions where a phrase starts in a row of units.
 * @param {Array<string | null>} units
 * @param {string[]} phrase
 * @returns {number[]}
 */
export function phraseStarts(units, phrase) {
  /** @type {number[]} */
  const starts = [];
  if (!phrase.length) return starts;
  outer: for (let i = 0; i + phrase.length <= units.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (units[i + j] !== phrase[j]) continue outer;
    starts.push(i);
  }
  return starts;
}
