// Each bulletin's text as a short vector of its most distinctive terms, tf-idf weighted and L2-normalised.
// Weights are (1 + ln tf) · idf: a term a bulletin keeps coming back to (刷单 ×12) outranks a name met once,
// so two bulletins on one subject share their vectors' terms rather than chance rarities.
// Terms found in more than a fixed share of the corpus are dropped: the boilerplate every bulletin shares
// (民警, 提醒, 诈骗, 反诈) would otherwise make everything look related. Terms found in only one bulletin are
// dropped too: they can never link two bulletins, yet would crowd the top of every vector.
import { IntBuffer, ensureIndex } from "./buffers.ts";
import { KeyCounter, TermIds } from "./term-ids.ts";
import { Tokeniser } from "./tokenise.ts";

export interface TextParams {
  /** A title's terms count this many times over the body's. */
  titleRepeat: number;
  /** Terms in more than this share of bulletins are boilerplate… */
  maxDocShare: number;
  /** …unless they are in at most this many (a small site has few bulletins to tell boilerplate by). */
  minDocLimit: number;
  /**
   * Terms in more bulletins than this are dropped whatever the share. It bounds every posting list, so each
   * bulletin's look-up costs at most topTerms × maxDocCount whatever the size of the site: without it a
   * popular topic's terms grow with the site and the cost with its square.
   */
  maxDocCount: number;
  /** Length of each bulletin's term vector. */
  topTerms: number;
  /** Cosine below which two texts do not count as similar. */
  minCosine: number;
  /** Distinct shared terms below which two texts do not count as similar. */
  minSharedTerms: number;
}

export const TEXT_PARAMS: Readonly<TextParams> = {
  titleRepeat: 3,
  maxDocShare: 0.1,
  minDocLimit: 4,
  maxDocCount: 1000,
  topTerms: 40,
  minCosine: 0.12,
  minSharedTerms: 3,
};

export interface DocText {
  title: string;
  text: string;
}

/** Row `d` holds bulletin d's terms in slots `d * width … d * width + sizes[d] - 1`, best term first. */
export interface DocVectors {
  readonly width: number;
  readonly sizes: Uint8Array;
  readonly terms: Int32Array;
  readonly weights: Float64Array;
  /** One more than the largest term id. */
  readonly termCount: number;
}

/**
 * Reads one bulletin at a time as distinct term ids and their frequencies. The corpus is read twice (once
 * to count in how many bulletins each term occurs, once to weigh), rather than keeping every bulletin's
 * terms in between: that store came to five bytes per character of text (a hundred megabytes at 10,000
 * bulletins), and allocating it set off full collections of the build's whole heap.
 */
class TermReader {
  private readonly tokeniser = new Tokeniser();
  private readonly termIds = new TermIds();
  private readonly keys = new IntBuffer(8192);
  private readonly counter = new KeyCounter();
  /** The last bulletin's distinct term ids, `ids[0 … size - 1]`, and the frequency of each (capped at 255). */
  ids = new Int32Array(4096);
  size = 0;

  constructor(private readonly titleRepeat: number) {}

  /** One more than the largest term id handed out so far. */
  get termCount(): number {
    return this.termIds.size;
  }

  /** Frequency of the last bulletin's j-th distinct term. */
  tf(j: number): number {
    return Math.min(255, this.counter.tally[j]!);
  }

  read(doc: DocText): void {
    const { keys, counter } = this;
    keys.clear();
    this.tokeniser.keys(doc.title, keys, this.titleRepeat);
    this.tokeniser.keys(doc.text, keys);
    counter.count(keys.data, keys.length);
    if (this.ids.length < counter.size) this.ids = new Int32Array(counter.size * 2);
    for (let j = 0; j < counter.size; j++) this.ids[j] = this.termIds.intern(counter.distinct[j]!);
    this.size = counter.size;
  }
}

/** Keeps the `width` best (weight, term) pairs seen: higher weight first, then lower term id. */
class TopTerms {
  readonly w: Float64Array;
  readonly t: Int32Array;
  size = 0;

  constructor(readonly width: number) {
    this.w = new Float64Array(width);
    this.t = new Int32Array(width);
  }

  /**
   * False when the pair could not enter. Callers test this before `offer`: a double passed to a call that
   * is not inlined is boxed, and millions of rejected pairs were the collector's main work.
   */
  admits(weight: number, term: number): boolean {
    if (this.size < this.width) return true;
    const rootW = this.w[0]!;
    return weight > rootW || (weight === rootW && term < this.t[0]!);
  }

  /** True when slot i ranks below slot j; the heap keeps its worst entry at the root. */
  private worse(i: number, j: number): boolean {
    const wi = this.w[i]!;
    const wj = this.w[j]!;
    return wi < wj || (wi === wj && this.t[i]! > this.t[j]!);
  }

  private swap(i: number, j: number): void {
    const w = this.w[i]!;
    this.w[i] = this.w[j]!;
    this.w[j] = w;
    const t = this.t[i]!;
    this.t[i] = this.t[j]!;
    this.t[j] = t;
  }

  private siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  /** Adds a pair that `admits` accepted, dropping the worst when full. */
  offer(weight: number, term: number): void {
    if (this.size < this.width) {
      let i = this.size++;
      this.w[i] = weight;
      this.t[i] = term;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(i, parent)) break;
        this.swap(i, parent);
        i = parent;
      }
      return;
    }
    this.w[0] = weight;
    this.t[0] = term;
    this.siftDown(0);
  }

  /** Writes the entries best first into the given row, empties the heap and returns how many there were. */
  drain(terms: Int32Array, weights: Float64Array, offset: number): number {
    const n = this.size;
    // Pop the worst repeatedly into the tail, so the row ends up best first.
    for (let k = n - 1; k >= 0; k--) {
      terms[offset + k] = this.t[0]!;
      weights[offset + k] = this.w[0]!;
      this.size--;
      this.w[0] = this.w[this.size]!;
      this.t[0] = this.t[this.size]!;
      this.siftDown(0);
    }
    return n;
  }
}

export function buildVectors(docs: readonly DocText[], params: Readonly<TextParams> = TEXT_PARAMS): DocVectors {
  const n = docs.length;
  const reader = new TermReader(params.titleRepeat);
  let df: Int32Array = new Int32Array(1 << 16);
  for (const doc of docs) {
    reader.read(doc);
    for (let j = 0; j < reader.size; j++) {
      const id = reader.ids[j]!;
      if (id >= df.length) df = ensureIndex(df, id);
      df[id]!++;
    }
  }
  const termCount = reader.termCount;
  // A term in every bulletin says nothing, even in a corpus of two.
  const byShare = Math.max(params.minDocLimit, Math.floor(params.maxDocShare * n));
  const maxDf = Math.min(n - 1, params.maxDocCount, byShare);
  // BM25's form of idf, which stays positive however common a term is; 0 marks a term left out. One
  // four-byte table: it is read at random once per term of every bulletin, and at 100,000 bulletins the
  // cache misses on a larger one (or on two) cost more than all the arithmetic.
  const idf = new Float32Array(termCount);
  for (let t = 0; t < termCount; t++) {
    const f = df[t]!;
    if (f >= 2 && f <= maxDf) idf[t] = Math.log(1 + (n - f + 0.5) / (f + 0.5));
  }

  const tfWeight = Float64Array.from({ length: 256 }, (_, tf) => (tf > 0 ? 1 + Math.log(tf) : 0));
  const width = Math.min(255, Math.max(1, Math.floor(params.topTerms)));
  const sizes = new Uint8Array(n);
  const terms = new Int32Array(n * width);
  const weights = new Float64Array(n * width);
  const top = new TopTerms(width);
  for (let d = 0; d < n; d++) {
    reader.read(docs[d]!);
    for (let j = 0; j < reader.size; j++) {
      const t = reader.ids[j]!;
      const termIdf = idf[t]!;
      if (termIdf === 0) continue;
      const w = termIdf * tfWeight[reader.tf(j)]!;
      if (top.admits(w, t)) top.offer(w, t);
    }
    const offset = d * width;
    const size = top.drain(terms, weights, offset);
    sizes[d] = size;
    let sq = 0;
    for (let k = 0; k < size; k++) sq += weights[offset + k]! ** 2;
    const len = Math.sqrt(sq);
    for (let k = 0; k < size; k++) weights[offset + k] = weights[offset + k]! / len;
  }
  return { width, sizes, terms, weights, termCount };
}
