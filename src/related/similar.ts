// Text neighbours through an inverted index over the term vectors: a bulletin meets only the bulletins that
// share one of its distinctive terms, so the cost follows the posting lists, not the number of pairs.
import type { DocVectors } from "./vectors.ts";

export interface Postings {
  /** Bulletins holding term t are `docs[starts[t]] … docs[starts[t + 1] - 1]`, in ascending order. */
  readonly starts: Int32Array;
  readonly docs: Int32Array;
  readonly weights: Float64Array;
}

/** Postings of the vectors of the bulletins with `listed[d]` set (the ones that may be shown to readers). */
export function buildPostings(vectors: DocVectors, listed: Uint8Array): Postings {
  const { width, sizes, terms, weights } = vectors;
  const n = sizes.length;
  const starts = new Int32Array(vectors.termCount + 1);
  for (let d = 0; d < n; d++) {
    if (!listed[d]) continue;
    for (let k = 0; k < sizes[d]!; k++) starts[terms[d * width + k]! + 1]!++;
  }
  for (let t = 0; t < vectors.termCount; t++) starts[t + 1]! += starts[t]!;
  const fill = starts.slice(0, vectors.termCount);
  const docs = new Int32Array(starts[vectors.termCount]!);
  const postingWeights = new Float64Array(docs.length);
  for (let d = 0; d < n; d++) {
    if (!listed[d]) continue;
    for (let k = 0; k < sizes[d]!; k++) {
      const slot = fill[terms[d * width + k]!]!++;
      docs[slot] = d;
      postingWeights[slot] = weights[d * width + k]!;
    }
  }
  return { starts, docs, weights: postingWeights };
}

/**
 * Reusable accumulators for one bulletin at a time: after `collect(d)`, `touched` lists every other bulletin
 * that shares a term with d (in first-met order), `cosine[o]` and `shared[o]` hold the dot product of the
 * normalised vectors and the number of shared terms, and `similar` lists the bulletins among them that share
 * at least `minShared` terms (in the order they reached it). `reset()` clears them for the next bulletin.
 */
export class TextNeighbours {
  readonly cosine: Float64Array;
  readonly shared: Uint16Array;
  /** Bulletins met by the last `collect`, `touched[0 … touchedCount - 1]`. */
  readonly touched: Int32Array;
  touchedCount = 0;
  /**
   * Those of them that share enough terms to count as similar, `similar[0 … similarCount - 1]`: at 100,000
   * bulletins a bulletin meets about 4,300 others through its terms and 350 of them share enough, so the
   * caller looks at these rather than reading the sums of every bulletin met.
   */
  readonly similar: Int32Array;
  similarCount = 0;
  private readonly minShared: number;

  constructor(
    private readonly vectors: DocVectors,
    private readonly postings: Postings,
    minShared: number,
  ) {
    const n = vectors.sizes.length;
    this.cosine = new Float64Array(n);
    this.shared = new Uint16Array(n);
    this.touched = new Int32Array(n);
    this.similar = new Int32Array(n);
    // A bulletin never met shares no term and has no cosine: it is never similar, whatever the threshold.
    this.minShared = Math.max(1, minShared);
  }

  collect(d: number): void {
    const { width, sizes, terms, weights } = this.vectors;
    const { starts, docs, weights: pw } = this.postings;
    const { cosine, shared, touched, similar, minShared } = this;
    let count = this.touchedCount;
    let similarCount = this.similarCount;
    // Terms are visited best first, postings in ascending order: the sums add up in one fixed order.
    for (let k = 0, row = d * width; k < sizes[d]!; k++) {
      const t = terms[row + k]!;
      const w = weights[row + k]!;
      for (let p = starts[t]!, end = starts[t + 1]!; p < end; p++) {
        const o = docs[p]!;
        if (o === d) continue;
        const n = shared[o]! + 1;
        if (n === 1) touched[count++] = o;
        if (n === minShared) similar[similarCount++] = o;
        shared[o] = n;
        cosine[o]! += w * pw[p]!;
      }
    }
    this.touchedCount = count;
    this.similarCount = similarCount;
  }

  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const o = this.touched[i]!;
      this.cosine[o] = 0;
      this.shared[o] = 0;
    }
    this.touchedCount = 0;
    this.similarCount = 0;
  }
}
