// The best few candidates of one bulletin, in one total order: score (higher first), then date (newer
// first), then URL. Candidates are bulletin indices in URL order, so a lower index means an earlier URL.

export class TopCandidates {
  readonly docs: number[] = [];
  private readonly scores: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly times: Float64Array,
  ) {}

  private before(scoreA: number, a: number, scoreB: number, b: number): boolean {
    if (scoreA !== scoreB) return scoreA > scoreB;
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    if (ta !== tb) return ta > tb;
    return a < b;
  }

  offer(doc: number, score: number): void {
    if (this.limit <= 0) return;
    const n = this.docs.length;
    if (n === this.limit && !this.before(score, doc, this.scores[n - 1]!, this.docs[n - 1]!)) return;
    let i = n;
    while (i > 0 && this.before(score, doc, this.scores[i - 1]!, this.docs[i - 1]!)) i--;
    this.docs.splice(i, 0, doc);
    this.scores.splice(i, 0, score);
    if (this.docs.length > this.limit) {
      this.docs.pop();
      this.scores.pop();
    }
  }

  /** The score a newcomer must reach to have a chance: the last one's once the list is full. */
  bar(): number {
    return this.docs.length < this.limit ? -Infinity : this.scores[this.limit - 1]!;
  }

  clear(): void {
    this.docs.length = 0;
    this.scores.length = 0;
  }
}
