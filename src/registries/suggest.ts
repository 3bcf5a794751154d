// "Did you mean …" ranking for keys and Chinese names. Edit distance alone serves ASCII keys; for Chinese a
// one-character slip in a four-character name is already 25 % of it, so shared characters count as well.
import { distance } from "fastest-levenshtein";
import { fold } from "../text/script.ts";

const HAN = /\p{Script=Han}/u;

/** Lowercased, width-normalised and folded to Simplified: the form every comparison and lookup uses. */
export function normaliseLabel(text: string): string {
  return fold(text.normalize("NFKC").trim().toLowerCase());
}

/** Similarity in [0, 1] of two normalised labels. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  // Keys that share a name are told apart by a suffix (suzhou-js, suzhou-ah): `suzhou` means one of them.
  if (b.startsWith(`${a}-`) || a.startsWith(`${b}-`)) return 0.95;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 0;
  const edit = 1 - distance(a, b) / longest;
  if (!HAN.test(a) || !HAN.test(b)) return edit;
  const charsA = new Set(a);
  const charsB = new Set(b);
  let shared = 0;
  for (const ch of charsA) if (charsB.has(ch)) shared++;
  // Slightly below edit distance so that, among equal overlaps, the one in the right order wins.
  return Math.max(edit, (0.9 * shared) / Math.max(charsA.size, charsB.size));
}

export interface Scored<T> {
  item: T;
  label: string;
  score: number;
}

/**
 * Items whose best label is similar enough to the input, best first (ties by label). Han input is compared
 * with Han labels and ASCII input with ASCII labels only: `wux` should suggest `wuxi`, not a Chinese name.
 */
export function rank<T>(
  input: string,
  items: readonly T[],
  labelsOf: (item: T) => readonly string[],
  limit = 5,
  threshold = 0.4,
): Scored<T>[] {
  const query = normaliseLabel(input);
  if (!query) return [];
  const han = HAN.test(query);
  const scored: Scored<T>[] = [];
  for (const item of items) {
    let best: Scored<T> | undefined;
    for (const label of labelsOf(item)) {
      if (HAN.test(label) !== han) continue;
      const score = similarity(query, normaliseLabel(label));
      if (!best || score > best.score) best = { item, label, score };
    }
    if (best && best.score >= threshold) scored.push(best);
  }
  scored.sort((x, y) => y.score - x.score || x.label.localeCompare(y.label));
  return scored.slice(0, limit);
}
