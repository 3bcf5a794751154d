// How strongly one bulletin relates to another, and why, in words a reader understands.
import type { Bulletin, RelatedWeights } from "../model.ts";
import { CAMPAIGN, TYPE, type Facts, type PackedFacts } from "./features.ts";

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

export function emptyMatch(): Match {
  return { campaigns: 0, types: 0, tags: 0, sameCity: false, sameProvince: false, text: 0 };
}

/**
 * Fills `out` with what bulletin `o` shares with bulletin `d`, whose features carry `mark` in `marks` (see
 * `markFeatures`). Writes into `out` rather than allocating: this runs for every candidate pair.
 */
export function matchInto(out: Match, p: PackedFacts, d: number, o: number, marks: Int32Array, mark: number, text: number): Match {
  let campaigns = 0;
  let types = 0;
  let tags = 0;
  for (let i = p.starts[o]!, end = p.starts[o + 1]!; i < end; i++) {
    if (marks[p.ids[i]!] !== mark) continue;
    const kind = p.kinds[i]!;
    if (kind === CAMPAIGN) campaigns++;
    else if (kind === TYPE) types++;
    else tags++;
  }
  out.campaigns = campaigns;
  out.types = types;
  out.tags = tags;
  out.sameCity = p.city[d] !== -1 && p.city[d] === p.city[o];
  out.sameProvince = p.province[d] === p.province[o];
  out.text = text;
  return out;
}

export function markFeatures(facts: Facts, marks: Int32Array, mark: number): void {
  for (let i = 0; i < facts.features.length; i++) marks[facts.features[i]!] = mark;
}

/** Region alone does not make two bulletins related: that is what the fallbacks are for. */
export function isRelated(m: Match): boolean {
  return m.campaigns > 0 || m.types > 0 || m.tags > 0 || m.text > 0;
}

const RECENCY_RATE = Math.LN2 / (DAY_MS * RECENCY_HALF_LIFE_DAYS);

/** 1 for the same moment, ½ at the half-life, towards 0 beyond. */
export function recency(timeA: number, timeB: number): number {
  return Math.exp(-Math.abs(timeA - timeB) * RECENCY_RATE);
}

/**
 * Score without recency. Terms are added in one fixed order, so the same pair always gets the same bits;
 * the caller adds `w.recency * recency(…)` last (and may skip it when even a full recency would not do).
 */
export function baseScore(m: Match, w: RelatedWeights): number {
  let s = w.campaign * m.campaigns;
  s += m.sameCity ? w.sameCity : m.sameProvince ? w.sameProvince : 0;
  s += w.type * m.types;
  s += w.tag * m.tags;
  s += w.text * m.text;
  return s;
}

/** The most a candidate could score from all but text: every feature shared, same city, same moment. */
export function ceiling(self: Facts, w: RelatedWeights): number {
  let campaigns = 0;
  let types = 0;
  let tags = 0;
  for (let i = 0; i < self.kinds.length; i++) {
    const kind = self.kinds[i]!;
    if (kind === CAMPAIGN) campaigns++;
    else if (kind === TYPE) types++;
    else tags++;
  }
  const pos = (x: number): number => Math.max(0, x);
  return (
    pos(w.campaign) * campaigns +
    Math.max(0, w.sameCity, w.sameProvince) +
    pos(w.type) * types +
    pos(w.tag) * tags +
    pos(w.recency)
  );
}

/** 同属心盾行动, but 同属百日会战 rather than 同属百日会战行动. */
export function campaignReason(name: string): string {
  return /(行动|会战|战役|专项|计划|工程|活动)$/u.test(name) ? `同属${name}` : `同属${name}行动`;
}

export function regionReason(node: { shortName: string }): string {
  return `同在${node.shortName}`;
}

const MAX_TAGS_SHOWN = 2;

/** Reasons in a fixed order: campaigns, region, fraud types, tags, text; in the words of `self`'s page. */
export function reasons(self: Bulletin, other: Bulletin, m: Match, tagKey: (tag: string) => string): string[] {
  const out: string[] = [];
  if (m.campaigns > 0) {
    const theirs = new Set(other.campaigns.map((c) => c.key));
    for (const c of self.campaigns) if (theirs.has(c.key)) out.push(campaignReason(c.name));
  }
  if (m.sameCity && self.city) out.push(regionReason(self.city));
  else if (m.sameProvince) out.push(regionReason(self.province));
  if (m.types > 0) {
    const theirs = new Set(other.types.map((t) => t.key));
    out.push(`同类：${self.types.filter((t) => theirs.has(t.key)).map((t) => t.name).join("、")}`);
  }
  if (m.tags > 0) {
    const theirs = new Set(other.tags.map(tagKey));
    const shared = new Map<string, string>();
    for (const t of self.tags) if (theirs.has(tagKey(t)) && !shared.has(tagKey(t))) shared.set(tagKey(t), t);
    // Two tags say enough; a sidebar line should stay short.
    out.push(`同话题：${[...shared.values()].slice(0, MAX_TAGS_SHOWN).join("、")}`);
  }
  if (m.text > 0) out.push("内容相近");
  return out;
}
