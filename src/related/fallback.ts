// When fewer than `count` bulletins relate: the latest from the same city, then the same province, then the
// latest overall, so a sidebar is never empty while the site has other bulletins.
import type { Facts } from "./features.ts";

export type FallbackKind = "city" | "province" | "latest";

export interface Fallback {
  doc: number;
  kind: FallbackKind;
}

export class Fallbacks {
  private readonly byCity = new Map<string, number[]>();
  private readonly byProvince = new Map<string, number[]>();
  private readonly latest: number[];

  constructor(
    private readonly facts: readonly Facts[],
    listed: Uint8Array,
  ) {
    const newestFirst = facts
      .map((_, d) => d)
      .filter((d) => listed[d])
      .sort((a, b) => facts[b]!.time - facts[a]!.time || a - b);
    for (const d of newestFirst) {
      const f = facts[d]!;
      if (f.city !== undefined) push(this.byCity, f.city, d);
      push(this.byProvince, f.province, d);
    }
    this.latest = newestFirst;
  }

  /** Up to `wanted` bulletins other than `self` and those in `taken`, in fallback order. */
  pick(self: number, taken: readonly number[], wanted: number): Fallback[] {
    const out: Fallback[] = [];
    const seen = new Set(taken).add(self);
    const take = (list: readonly number[] | undefined, kind: FallbackKind): void => {
      for (const d of list ?? []) {
        if (out.length >= wanted) return;
        if (seen.has(d)) continue;
        seen.add(d);
        out.push({ doc: d, kind });
      }
    };
    const f = this.facts[self]!;
    if (f.city !== undefined) take(this.byCity.get(f.city), "city");
    take(this.byProvince.get(f.province), "province");
    take(this.latest, "latest");
    return out;
  }
}

function push(map: Map<string, number[]>, key: string, d: number): void {
  const list = map.get(key);
  if (list) list.push(d);
  else map.set(key, [d]);
}
