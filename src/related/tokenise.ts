// Terms for text similarity. Chinese has no spaces, so a Han run is cut into overlapping character bigrams
// (诈骗电话 → 诈骗, 骗电, 电话): no dictionary to miss new words, and a phrase shared by two bulletins shows as
// a run of shared bigrams. Each character is first folded to Simplified so that 刷單返利 and 刷单返利 give the
// same terms. Latin words (app, qq, etf) count whole; bare numbers (amounts, dates) do not.
import { foldChar } from "../text/script.ts";
import type { IntBuffer } from "./buffers.ts";

const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x9fff], // CJK Unified Ideographs and Extension A
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
];

/** Compact Han indices stay below this, so a bigram key `a * HAN_SPAN + b` is a small positive integer. */
const HAN_SPAN = 1 << 15;

let hanTable: Uint16Array | undefined;

/**
 * UTF-16 code unit → compact index (≥ 1) of its Simplified-folded Han character; 0 for anything else.
 * This is `fold()` of src/text/script.ts applied per code unit through a lookup table: the same mapping, but
 * without building a folded copy of 20 million characters (that alone took 0.7 s at 10,000 bulletins).
 */
function hanIndexTable(): Uint16Array {
  if (hanTable) return hanTable;
  const compact = new Uint16Array(0x10000);
  let next = 1;
  for (const [lo, hi] of HAN_RANGES) for (let c = lo; c <= hi; c++) compact[c] = next++;
  const table = new Uint16Array(0x10000);
  for (const [lo, hi] of HAN_RANGES) {
    for (let c = lo; c <= hi; c++) {
      const folded = foldChar(String.fromCharCode(c));
      const f = folded.length === 1 ? folded.charCodeAt(0) : c;
      table[c] = compact[f] || compact[c]!;
    }
  }
  hanTable = table;
  return table;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Turns text into integer term keys: Han bigrams are positive, Latin words negative (their ids are given in
 * first-seen order, so the same corpus in the same order always gets the same keys). Key 0 is never produced.
 */
export class Tokeniser {
  private readonly words = new Map<string, number>();
  private readonly han = hanIndexTable();

  /** Appends the keys of `text` to `out`, each `repeat` times (titles count more than body text). */
  keys(text: string, out: IntBuffer, repeat = 1): void {
    const han = this.han;
    const n = text.length;
    // At most one key per code unit: reserving room once keeps the hot loop free of growth checks.
    out.reserve(n * repeat);
    const data = out.data;
    let len = out.length;
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const h = han[c]!;
      if (h !== 0) {
        if (prev !== 0) {
          const key = prev * HAN_SPAN + h;
          for (let r = 0; r < repeat; r++) data[len++] = key;
        }
        prev = h;
        continue;
      }
      prev = 0;
      if (c < 0x80 && isAsciiAlnum(c)) {
        let j = i + 1;
        while (j < n && isAsciiAlnum(text.charCodeAt(j))) j++;
        const id = this.wordId(text.slice(i, j).toLowerCase());
        i = j - 1;
        if (id !== 0) for (let r = 0; r < repeat; r++) data[len++] = -id;
      }
    }
    out.length = len;
  }

  /** Id (≥ 1) of a Latin word, or 0 for one not worth a term: a single letter or a bare number. */
  private wordId(word: string): number {
    if (word.length < 2 || /^[0-9]+$/.test(word)) return 0;
    let id = this.words.get(word);
    if (id === undefined) {
      id = this.words.size + 1;
      this.words.set(word, id);
    }
    return id;
  }
}
