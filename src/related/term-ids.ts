// Dense ids for term keys, by open addressing over typed arrays: a JS Map of millions of number keys was the
// slowest part of indexing. Ids are handed out in first-seen order, so the same corpus in the same order
// always gets the same ids.

const EMPTY = 0; // term keys are never 0 (see tokenise.ts)

export class TermIds {
  /** Slot i holds its key at 2i and its id at 2i + 1: one cache line per probe. */
  private table: Int32Array;
  private mask: number;
  private shift: number;
  size = 0;

  /** `bits`: log2 of the initial number of slots. */
  constructor(bits = 16) {
    this.table = new Int32Array(2 << bits);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** The id of `key`, assigning the next one when the key is new. */
  intern(key: number): number {
    const table = this.table;
    // Fibonacci hashing takes the top bits of the product: the low bits of a bigram key are just its second
    // character, and masking them would pile up collisions.
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = table[2 * slot]!;
      if (k === key) return table[2 * slot + 1]!;
      if (k === EMPTY) break;
      slot = (slot + 1) & this.mask;
    }
    const id = this.size++;
    table[2 * slot] = key;
    table[2 * slot + 1] = id;
    if (this.size * 2 > this.mask) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.table;
    this.table = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.shift--;
    for (let i = 0; i < old.length; i += 2) {
      const key = old[i]!;
      if (key === EMPTY) continue;
      let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.table[2 * slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.table[2 * slot] = key;
      this.table[2 * slot + 1] = old[i + 1]!;
    }
  }
}

/**
 * Term frequencies of one bulletin, keyed by raw term key. A table small enough to stay in cache, so that
 * the corpus-wide TermIds is consulted once per distinct term of a bulletin rather than once per occurrence.
 */
export class KeyCounter {
  private table: Int32Array;
  private counts: Int32Array;
  private shift: number;
  /** Distinct keys in first-seen order, their counts and table slots, valid up to `size`. */
  distinct: Int32Array;
  tally: Int32Array;
  private slots: Int32Array;
  size = 0;

  constructor(bits = 12) {
    this.table = new Int32Array(1 << bits);
    this.counts = new Int32Array(1 << bits);
    this.shift = 32 - bits;
    this.distinct = new Int32Array(1 << (bits - 1));
    this.tally = new Int32Array(1 << (bits - 1));
    this.slots = new Int32Array(1 << (bits - 1));
  }

  /** Counts `keys[0 … length - 1]`, replacing the previous contents. */
  count(keys: Int32Array, length: number): void {
    // Keep the table at most half full: size it for every key being distinct. It only ever grows, and is
    // left empty after each call by clearing just the slots used, so one long bulletin does not make every
    // later one pay for wiping a large table.
    let bits = 32 - this.shift;
    while (1 << (bits - 1) < length) bits++;
    if (bits !== 32 - this.shift) {
      this.table = new Int32Array(1 << bits);
      this.counts = new Int32Array(1 << bits);
      this.distinct = new Int32Array(1 << (bits - 1));
      this.tally = new Int32Array(1 << (bits - 1));
      this.slots = new Int32Array(1 << (bits - 1));
      this.shift = 32 - bits;
    }
    const { table, counts, distinct, slots } = this;
    const mask = table.length - 1;
    const shift = this.shift;
    let size = 0;
    for (let i = 0; i < length; i++) {
      const key = keys[i]!;
      let slot = Math.imul(key, 0x9e3779b1) >>> shift;
      for (;;) {
        const k = table[slot]!;
        if (k === key) {
          counts[slot]!++;
          break;
        }
        if (k === EMPTY) {
          table[slot] = key;
          counts[slot] = 1;
          distinct[size] = key;
          slots[size++] = slot;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    for (let j = 0; j < size; j++) {
      const slot = slots[j]!;
      this.tally[j] = counts[slot]!;
      table[slot] = EMPTY;
    }
    this.size = size;
  }
}
