// "Did you mean" suggestions. Edit distance alone is poor for Chinese (every character is one edit), so
// shared characters count too: 刷单反利 is one substitution from 刷单返利 and shares three of four characters.
import { distance } from "fastest-levenshtein";

export function nearest(input: string, candidates: readonly string[], limit = 3): string[] {
  const needle = input.toLowerCase();
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of new Set(candidates)) {
    const hay = candidate.toLowerCase();
    const dist = distance(needle, hay);
    const longest = Math.max(needle.length, hay.length, 1);
    let shared = 0;
    for (const ch of new Set(needle)) if (hay.includes(ch)) shared++;
    const similarity = Math.max(1 - dist / longest, shared / longest);
    if (similarity >= 0.5 || hay.includes(needle) || needle.includes(hay)) scored.push({ candidate, score: similarity });
  }
  scored.sort((a, b) => b.score - a.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}
