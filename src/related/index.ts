// Related headlines of every bulletin, computed once per build. Candidates come from the bulletins that share
// a distinctive term (inverted index over short text vectors) or a campaign / fraud type / tag near in date;
// each is scored by what it shares; where fewer than `count` relate, fallbacks fill the sidebar.
import type { DateTime } from "luxon";
import type { Bulletin, RelatedWeights, Script } from "../model.ts";
import { IntBuffer } from "./buffers.ts";
import { Fallbacks, type FallbackKind } from "./fallback.ts";
import { Groups, buildFacts } from "./features.ts";
import { TopCandidates } from "./rank.ts";
import { PairScorer, reasons, recency, regionReason } from "./score.ts";
import { TextNeighbours, buildPostings } from "./similar.ts";
import { TEXT_PARAMS, buildVectors, type TextParams } from "./vectors.ts";

export { TEXT_PARAMS, type TextParams } from "./vectors.ts";
export { RECENCY_HALF_LIFE_DAYS } from "./score.ts";

export interface RelatedEntry {
  /** Site-relative URL without the path prefix. */
  url: string;
  title: string;
  date: DateTime;
  regionName: string;
  /** Script of the title, for a `lang` attribute where it differs from the page's. */
  lang: Script;
  /** Why it is shown, e.g. ["同属心盾行动", "同在无锡", "同类：刷单返利", "内容相近"]; never empty. */
  reasons: string[];
  /** Set when the entry fills a sidebar that had too few related bulletins. */
  fallback?: FallbackKind;
}

export interface RelatedOptions {
  count: number;
  weights: RelatedWeights;
  /** The build's clock: bulletins dated after it are never shown. */
  now: DateTime;
  /** Text-similarity tuning; the defaults suit news bulletins. */
  text?: Partial<TextParams>;
}

/**
 * Suggested weights: a shared campaign or fraud type says most about a bulletin's subject, then close text
 * (cosine is at most 1 and rarely above 0.5), then the same city. Region and recency mostly order bulletins
 * that are related for other reasons.
 */
export const DEFAULT_RELATED_WEIGHTS: Readonly<RelatedWeights> = {
  campaign: 3,
  sameCity: 2.5,
  sameProvince: 1,
  type: 2,
  tag: 1,
  text: 4,
  recency: 0.5,
};

/** Each shared campaign, type or tag (overall and within the city) brings up to this many bulletins on
 * either side in date, and never fewer than twice the sidebar's length. */
const GROUP_WINDOW_MIN = 12;

/** Candidates are skipped only when they fall short of the bar by more than rounding could explain. */
const MARGIN = 1e-9;

/** Bulletins sorted by URL (then source path), each URL once: the order every later step relies on. */
function canonical(bulletins: readonly Bulletin[]): Bulletin[] {
  const sorted = [...bulletins].sort((a, b) => compare(a.url, b.url) || compare(a.sourcePath, b.sourcePath));
  return sorted.filter((b, i) => i === 0 || sorted[i - 1]!.url !== b.url);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 无锡, or 无锡新吴区 for a district: a reader should know the city. */
export function regionName(b: Bulletin): string {
  if (b.region.level === "district" && b.city) return `${b.city.shortName}${b.region.shortName}`;
  return b.region.shortName;
}

function entry(b: Bulletin, why: string[], fallback?: FallbackKind): RelatedEntry {
  return {
    url: b.url,
    title: b.title,
    date: b.date,
    regionName: regionName(b),
    lang: b.lang,
    reasons: why,
    ...(fallback ? { fallback } : {}),
  };
}

export function computeRelated(bulletins: readonly Bulletin[], opts: RelatedOptions): Map<string, RelatedEntry[]> {
  const docs = canonical(bulletins);
  const n = docs.length;
  const count = Math.max(0, Math.floor(opts.count));
  const nowMs = opts.now.toMillis();
  const params: TextParams = { ...TEXT_PARAMS, ...opts.text };
  // Only published bulletins are ever shown, whatever the caller passed; the others still get a sidebar.
  const listed = Uint8Array.from(docs, (b) => (!b.draft && !b.future && b.date.toMillis() <= nowMs ? 1 : 0));
  if (count === 0) return new Map(docs.map((b) => [b.url, []]));

  const vectors = buildVectors(docs, params);
  const neighbours = new TextNeighbours(vectors, buildPostings(vectors, listed), params.minSharedTerms);
  const { facts, packed, featureCount } = buildFacts(docs);
  const groups = new Groups(facts, listed);
  const fallbacks = new Fallbacks(facts, listed);
  const times = Float64Array.from(facts, (f) => f.time);

  const scorer = new PairScorer(packed, featureCount, opts.weights);
  const seen = new Int32Array(n);
  const candidates = new IntBuffer(1024);
  const top = new TopCandidates(count, times);
  const window = Math.max(GROUP_WINDOW_MIN, 2 * count);
  const wRecency = opts.weights.recency;
  const recencyMax = Math.max(0, wRecency);
  const { minSharedTerms, minCosine } = params;
  const { cosine, shared } = neighbours;
  const textOf = (o: number): number => (shared[o]! >= minSharedTerms && cosine[o]! >= minCosine ? cosine[o]! : 0);
  // Recency is the costliest term, so it is left out until the rest shows the candidate can make the list.
  const admit = (o: number, base: number, time: number): void => {
    if (base === -Infinity || base + recencyMax + MARGIN < top.bar()) return;
    top.offer(o, base + wRecency * recency(time, times[o]!));
  };

  const result = new Map<string, RelatedEntry[]>();
  for (let d = 0; d < n; d++) {
    const self = facts[d]!;
    const mark = d + 1;
    scorer.focus(d);
    neighbours.collect(d);
    top.clear();

    // Bulletins sharing a campaign, type or tag first: they set the bar that text-only candidates must pass.
    candidates.clear();
    for (const g of self.groups) {
      groups.around(g, self.time, window, (o) => {
        if (o === d || seen[o] === mark) return;
        seen[o] = mark;
        candidates.push(o);
      });
    }
    for (let i = 0; i < candidates.length; i++) {
      const o = candidates.data[i]!;
      admit(o, scorer.base(o, textOf(o)), self.time);
    }

    // A popular topic can give thousands of text neighbours; most cannot reach the bar even with the most
    // they could share besides text, and are passed over unscored. Only those sharing enough terms can count
    // (textOf), and the order they are offered in does not matter: the list keeps the best in one total order,
    // and the bar only passes over candidates that are already beaten.
    const rest = scorer.ceiling() + recencyMax + MARGIN;
    for (let i = 0; i < neighbours.similarCount; i++) {
      const o = neighbours.similar[i]!;
      if (seen[o] === mark) continue;
      const text = textOf(o);
      if (text === 0 || opts.weights.text * text + rest < top.bar()) continue;
      admit(o, scorer.base(o, text), self.time);
    }

    const list: RelatedEntry[] = [];
    const chosen = top.list();
    for (const o of chosen)
      list.push(
        entry(docs[o]!, reasons(docs[d]!, docs[o]!, scorer.match(o, textOf(o)), self.tagKeys, facts[o]!.tagKeys)),
      );
    if (list.length < count) {
      for (const { doc, kind } of fallbacks.pick(d, chosen, count - list.length)) {
        const b = docs[doc]!;
        const why = kind === "city" ? regionReason(b.city!) : kind === "province" ? regionReason(b.province) : "最新";
        list.push(entry(b, [why], kind));
      }
    }
    neighbours.reset();
    result.set(docs[d]!.url, list);
  }
  return result;
}
