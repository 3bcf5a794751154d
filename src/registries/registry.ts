// A registry answers to an entry's key, name, short name and aliases, in either script. Lookup maps are built
// once, on normalised (folded) labels, so 無錫, 无锡 and ＷＵＸＩ meet the same entry.
import type { Registry } from "../model.ts";
import { normaliseLabel, rank } from "./suggest.ts";

export interface Named {
  key: string;
  name: string;
  aliases: readonly string[];
  shortName?: string;
}

export function labelsOf(entry: Named): string[] {
  return [entry.key, entry.name, ...(entry.shortName ? [entry.shortName] : []), ...entry.aliases];
}

/** A label that two entries claim; the first (by priority) keeps it. */
export interface LabelClash<T> {
  label: string;
  kept: T;
  other: T;
}

export interface BuiltRegistry<T extends Named> extends Registry<T> {
  /** Labels claimed by more than one entry, for editors' warnings. */
  readonly clashes: readonly LabelClash<T>[];
}

/**
 * Entries are given in priority order: where two answer to one label, keys beat full names, full names beat
 * short names and aliases, and within a kind the earlier entry wins (regions pass provinces before cities,
 * so 吉林 is the province and 吉林市 the city).
 */
export function createRegistry<T extends Named>(entries: readonly T[]): BuiltRegistry<T> {
  const byKey = new Map<string, T>();
  const byLabel = new Map<string, T>();
  const clashes: LabelClash<T>[] = [];
  const claim = (label: string, entry: T): void => {
    const norm = normaliseLabel(label);
    if (!norm) return;
    const kept = byLabel.get(norm);
    if (kept === undefined) byLabel.set(norm, entry);
    else if (kept !== entry) clashes.push({ label, kept, other: entry });
  };
  for (const e of entries) if (!byKey.has(e.key)) byKey.set(e.key, e);
  for (const e of entries) claim(e.key, e);
  for (const e of entries) claim(e.name, e);
  for (const e of entries) {
    if (e.shortName) claim(e.shortName, e);
    for (const a of e.aliases) claim(a, e);
  }
  return {
    all: entries,
    clashes,
    get: (key) => byKey.get(key),
    resolve: (input) => byKey.get(input) ?? byLabel.get(normaliseLabel(input)),
    suggest: (input, limit = 5) => rank(input, entries, labelsOf, limit).map((s) => s.label),
  };
}
