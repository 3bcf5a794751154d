// Dense ids for term keys, by open addressing over typed arrays: a JS Map of millions of number keys was the
// slowest part of indexing. Ids are handed out in first-seen order, so the same corpus in the same order
// always gets the same ids.

const EMPTY = 0; // term keys are never 0 (see tokenise.ts)

export class TermIds {
  private keys: Int32Array;
  private ids: Int32Array;
  private mask: number;
  private shift: number;
  size = 0;

  /** `bits`: log2 of the initial table size. */
  constructor(bits = 16) {
    this.keys = new Int32Array(1 << bits);
    this.ids = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** Fibonacci hashing: the top bits of the product, since the low bits of a bigram key are its second character. */
  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** The id of `key`, assigning the next one when the key is new. */
  intern(key: number): number {
    let slot = this.slotOf(key);
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.ids[slot]!;
      if (k === EMPTY) break;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    this.keys[slot] = key;
    this.ids[slot] = id;
    if (this.size * 2 > this.keys.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const oldKeys = this.keys;
    const oldIds = this.ids;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.ids = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.shift--;
    for (let i = 0; i < oldKeys.length; i++) {
      const key = oldKeys[i]!;
      if (key === EMPTY) continue;
      let slot = this.slotOf(key);
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.ids[slot] = oldIds[i]!;
    }
  }
}
