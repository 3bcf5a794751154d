// The best few candidates of one bulletin, in one total order: score (higher first), then date (newer
// first), then URL. Candidates are bulletin indices in URL order, so a lower index means an earlier URL.

export class TopCandidates {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  size = 0;

  constructor(
    private readonly limit: number,
    private readonly times: Float64Array,
  ) {
    this.docs = new Int32Array(Math.max(0, limit));
    this.scores = new Float64Array(Math.max(0, limit));
  }

  private before(scoreA: number, a: number, scoreB: number, b: number): boolean {
    if (scoreA !== scoreB) return scoreA > scoreB;
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    if (ta !== tb) return ta > tb;
    return a < b;
  }

  /** The score a newcomer must reach to have a chance: the last one's once the list is full. */
  bar(): number {
    if (this.limit <= 0) return Infinity;
    return this.size < this.limit ? -Infinity : this.scores[this.limit - 1]!;
  }

  offer(doc: number, score: number): void {
    if (this.limit <= 0) return;
    const n = this.size;
    if (n === this.limit && !this.before(score, doc, this.scores[n - 1]!, this.docs[n - 1]!)) return;
    // Insertion into a short sorted list, shifting the worse ones down (the last falls off when full).
    let i = n === this.limit ? n - 1 : n;
    while (i > 0 && this.before(score, doc, this.scores[i - 1]!, this.docs[i - 1]!)) {
      this.docs[i] = this.docs[i - 1]!;
      this.scores[i] = this.scores[i - 1]!;
      i--;
    }
    this.docs[i] = doc;
    this.scores[i] = score;
    if (n < this.limit) this.size = n + 1;
  }

  /** The candidates, best first. */
  list(): number[] {
    return Array.from(this.docs.subarray(0, this.size));
  }

  clear(): void {
    this.size = 0;
  }
}
