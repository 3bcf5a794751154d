// How strongly one bulletin relates to another, and why, in words a reader understands.
import type { Bulletin, RelatedWeights } from "../model.ts";
import { CAMPAIGN, TAG, TYPE, type PackedFacts } from "./features.ts";

/** Recency counts half as much for bulletins this many days apart, a quarter at twice the distance. */
export const RECENCY_HALF_LIFE_DAYS = 180;
const DAY_MS = 86_400_000;

/** What two bulletins share. `text` is the cosine of their texts when similar enough, else 0. */
export interface Match {
  campaigns: number;
  types: number;
  tags: number;
  sameCity: boolean;
  sameProvince: boolean;
  text: number;
}

const RECENCY_RATE = Math.LN2 / (DAY_MS * RECENCY_HALF_LIFE_DAYS);

/** 1 for the same moment, ½ at the half-life, towards 0 beyond. */
export function recency(timeA: number, timeB: number): number {
  return Math.exp(-Math.abs(timeA - timeB) * RECENCY_RATE);
}

/**
 * Scores candidates against one bulletin at a time (`focus`). It runs for millions of pairs, so it keeps
 * everything in typed arrays and plain numbers: no objects per pair, no doubles boxed through calls.
 */
export class PairScorer {
  /** Campaigns, types and tags shared with the last candidate passed to `count`. */
  private readonly shared = new Int32Array(3);
  private readonly marks: Int32Array;
  private d = 0;
  private mark = 0;
  private readonly wCampaign: number;
  private readonly wSameCity: number;
  private readonly wSameProvince: number;
  private readonly wType: number;
  private readonly wTag: number;
  private readonly wText: number;

  constructor(
    private readonly p: PackedFacts,
    featureCount: number,
    w: RelatedWeights,
  ) {
    this.marks = new Int32Array(featureCount);
    this.wCampaign = w.campaign;
    this.wSameCity = w.sameCity;
    this.wSameProvince = w.sameProvince;
    this.wType = w.type;
    this.wTag = w.tag;
    this.wText = w.text;
  }

  /** Makes `d` the bulletin that candidates are compared with. */
  focus(d: number): void {
    this.d = d;
    this.mark = d + 1;
    const { starts, ids } = this.p;
    for (let i = starts[d]!; i < starts[d + 1]!; i++) this.marks[ids[i]!] = this.mark;
  }

  /** Fills `shared` for candidate o; returns how many features it shares in all. */
  private count(o: number): number {
    const { starts, ids, kinds } = this.p;
    const shared = this.shared;
    shared[CAMPAIGN] = 0;
    shared[TYPE] = 0;
    shared[TAG] = 0;
    let all = 0;
    for (let i = starts[o]!, end = starts[o + 1]!; i < end; i++) {
      if (this.marks[ids[i]!] !== this.mark) continue;
      shared[kinds[i]!]!++;
      all++;
    }
    return all;
  }

  /**
   * Score of candidate o without recency, or -Infinity when o does not relate (region alone does not count:
   * that is what the fallbacks are for). `text` is the texts' cosine when similar enough, else 0. Terms are
   * added in one fixed order, so a pair always gets the same bits.
   */
  base(o: number, text: number): number {
    const all = this.count(o);
    if (all === 0 && text === 0) return -Infinity;
    const { city, province } = this.p;
    const d = this.d;
    let s = this.wCampaign * this.shared[CAMPAIGN]!;
    s += city[d] !== -1 && city[d] === city[o] ? this.wSameCity : province[d] === province[o] ? this.wSameProvince : 0;
    s += this.wType * this.shared[TYPE]!;
    s += this.wTag * this.shared[TAG]!;
    s += this.wText * text;
    return s;
  }

  /** The most a candidate could score from all but text: every feature shared, same city. */
  ceiling(): number {
    const { starts, kinds } = this.p;
    const pos = (x: number): number => Math.max(0, x);
    let s = Math.max(0, this.wSameCity, this.wSameProvince);
    for (let i = starts[this.d]!; i < starts[this.d + 1]!; i++) {
      const kind = kinds[i]!;
      s += kind === CAMPAIGN ? pos(this.wCampaign) : kind === TYPE ? pos(this.wType) : pos(this.wTag);
    }
    return s;
  }

  /** What candidate o shares, for the reasons shown to readers. */
  match(o: number, text: number): Match {
    this.count(o);
    const { city, province } = this.p;
    const d = this.d;
    return {
      campaigns: this.shared[CAMPAIGN]!,
      types: this.shared[TYPE]!,
      tags: this.shared[TAG]!,
      sameCity: city[d] !== -1 && city[d] === city[o],
      sameProvince: province[d] === province[o],
      text,
    };
  }
}

/** 同属心盾行动, but 同属百日会战 rather than 同属百日会战行动. */
export function campaignReason(name: string): string {
  return /(行动|会战|战役|专项|计划|工程|活动)$/u.test(name) ? `同属${name}` : `同属${name}行动`;
}

export function regionReason(node: { shortName: string }): string {
  return `同在${node.shortName}`;
}

const MAX_TAGS_SHOWN = 2;

/**
 * Reasons in a fixed order: campaigns, region, fraud types, tags, text; in the words of `self`'s page.
 * `selfTags` and `otherTags` are the bulletins' tags as `tagKey` gives them.
 */
export function reasons(
  self: Bulletin,
  other: Bulletin,
  m: Match,
  selfTags: readonly string[],
  otherTags: readonly string[],
): string[] {
  const out: string[] = [];
  if (m.campaigns > 0) {
    for (const c of self.campaigns) if (other.campaigns.some((x) => x.key === c.key)) out.push(campaignReason(c.name));
  }
  if (m.sameCity && self.city) out.push(regionReason(self.city));
  else if (m.sameProvince) out.push(regionReason(self.province));
  if (m.types > 0) {
    out.push(
      `同类：${self.types
        .filter((t) => other.types.some((x) => x.key === t.key))
        .map((t) => t.name)
        .join("、")}`,
    );
  }
  if (m.tags > 0) {
    const shown: string[] = [];
    self.tags.forEach((tag, i) => {
      const key = selfTags[i]!;
      if (otherTags.includes(key) && selfTags.indexOf(key) === i) shown.push(tag);
    });
    // Two tags say enough; a sidebar line should stay short.
    out.push(`同话题：${shown.slice(0, MAX_TAGS_SHOWN).join("、")}`);
  }
  if (m.text > 0) out.push("内容相近");
  return out;
}
