// The per-character Traditional→Simplified pairs of fold(), shipped to the browser so that a query folds
// exactly like the indexed text.
import { foldChar } from "../text/script.ts";

// Blocks that hold every character fold() changes (CJK, Extension A, compatibility, Extensions B–F).
const HAN_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x2ffff],
];

let cached: Array<[string, string]> | undefined;

/** Every (original, folded) pair where fold changes a Han character, in code point order. */
export function foldPairs(): Array<[string, string]> {
  if (cached) return cached;
  const pairs: Array<[string, string]> = [];
  for (const [from, to] of HAN_BLOCKS) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      const folded = foldChar(ch);
      if (folded !== ch) pairs.push([ch, folded]);
    }
  }
  cached = pairs;
  return pairs;
}

/** The pairs as the browser reads them: one string, original then folded, pair after pair. */
export function serialiseFoldPairs(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([a, b]) => a + b).join("");
}
