// The front-matter side of relatedness: campaigns, fraud types, tags and region, as small integer sets per
// bulletin, and "groups" (bulletins sharing one feature, overall and within one city) through which candidates
// are found. A group can be large (a campaign with thousands of reports), so a bulletin only looks
// at the members nearest to it in date: cost stays linear, and the nearest are the ones recency favours.
import { fold } from "../text/script.ts";
import type { Bulletin } from "../model.ts";

export interface Facts {
  time: number;
  city: string | undefined;
  province: string;
  /** Feature ids (one id space for campaigns, types and tags), no repeats, with the kind of each. */
  features: Int32Array;
  kinds: Uint8Array;
  /** Ids of the groups this bulletin belongs to (whether or not it is listed in them). */
  groups: Int32Array;
  /** `tagKey` of each tag, in the bulletin's order. */
  tagKeys: string[];
}

/** Tags are free words: 反詐宣傳 and 反诈宣传, APP and app are the same tag. */
export function tagKey(tag: string): string {
  return fold(tag.trim()).toLowerCase();
}

class Ids {
  private readonly map = new Map<string, number>();
  get size(): number {
    return this.map.size;
  }
  /** Id of `key`, new ones in first-seen order. */
  of(key: string): number {
    let id = this.map.get(key);
    if (id === undefined) {
      id = this.map.size;
      this.map.set(key, id);
    }
    return id;
  }
}

export const CAMPAIGN = 0;
export const TYPE = 1;
export const TAG = 2;

/**
 * The same facts packed into flat arrays, for the other side of every candidate pair: reading a candidate's
 * features from its own small objects cost a cache miss each, and that was the slowest part of scoring.
 */
export interface PackedFacts {
  /** Bulletin d's features are `ids[starts[d]] … ids[starts[d + 1] - 1]`, of kind `kinds[…]`. */
  starts: Int32Array;
  ids: Int32Array;
  kinds: Uint8Array;
  /** Region ids; -1 for a bulletin placed in a whole province. */
  city: Int32Array;
  province: Int32Array;
}

export interface FactTable {
  facts: Facts[];
  packed: PackedFacts;
  /** Number of feature ids, for sizing per-feature scratch arrays. */
  featureCount: number;
}

function pack(facts: readonly Facts[]): PackedFacts {
  const regions = new Ids();
  const starts = new Int32Array(facts.length + 1);
  for (let d = 0; d < facts.length; d++) starts[d + 1] = starts[d]! + facts[d]!.features.length;
  const ids = new Int32Array(starts[facts.length]!);
  const kinds = new Uint8Array(ids.length);
  facts.forEach((f, d) => {
    ids.set(f.features, starts[d]!);
    kinds.set(f.kinds, starts[d]!);
  });
  return {
    starts,
    ids,
    kinds,
    city: Int32Array.from(facts, (f) => (f.city === undefined ? -1 : regions.of(f.city))),
    province: Int32Array.from(facts, (f) => regions.of(f.province)),
  };
}

export function buildFacts(docs: readonly Bulletin[]): FactTable {
  const features = new Ids();
  const groups = new Ids();
  const facts = docs.map((b): Facts => {
    const ids: number[] = [];
    const kinds: number[] = [];
    const add = (key: string, kind: number): void => {
      const id = features.of(key);
      if (ids.includes(id)) return;
      ids.push(id);
      kinds.push(kind);
    };
    for (const c of b.campaigns) add(`c:${c.key}`, CAMPAIGN);
    for (const t of b.types) add(`t:${t.key}`, TYPE);
    const tagKeys = b.tags.map(tagKey);
    for (const t of tagKeys) add(`g:${t}`, TAG);
    const city = b.city?.key;
    const groupIds: number[] = [];
    // Within a city too, so that a same-city bulletin is not crowded out of a big group by nearer dates.
    for (const f of ids) {
      groupIds.push(groups.of(`${f}`));
      if (city !== undefined) groupIds.push(groups.of(`${f}@${city}`));
    }
    return {
      time: b.date.toMillis(),
      city,
      province: b.province.key,
      features: Int32Array.from(ids),
      kinds: Uint8Array.from(kinds),
      groups: Int32Array.from(groupIds),
      tagKeys,
    };
  });
  return { facts, packed: pack(facts), featureCount: features.size };
}

/** Members of each group, listed bulletins only, sorted by date (then index): for windows around a date. */
export class Groups {
  private readonly members: Int32Array[];
  private readonly times: Float64Array[];

  constructor(facts: readonly Facts[], listed: Uint8Array) {
    const lists: number[][] = [];
    facts.forEach((f, d) => {
      if (listed[d]) for (const g of f.groups) (lists[g] ??= []).push(d);
    });
    this.members = [];
    this.times = [];
    for (let g = 0; g < lists.length; g++) {
      const list = (lists[g] ?? []).sort((a, b) => facts[a]!.time - facts[b]!.time || a - b);
      this.members.push(Int32Array.from(list));
      this.times.push(Float64Array.from(list, (d) => facts[d]!.time));
    }
  }

  /** Calls `visit` with up to `width` members on either side of `time` in group g. */
  around(g: number, time: number, width: number, visit: (d: number) => void): void {
    const members = this.members[g];
    const times = this.times[g];
    if (!members || !times) return;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid]! < time) lo = mid + 1;
      else hi = mid;
    }
    const from = Math.max(0, lo - width);
    const to = Math.min(members.length, lo + width);
    for (let i = from; i < to; i++) visit(members[i]!);
  }
}
