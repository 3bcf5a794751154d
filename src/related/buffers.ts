// Growable integer arrays: the text index handles millions of numbers, which as plain JS arrays would cost
// several times the memory and keep the collector busy.

export class IntBuffer {
  data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(16, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) this.reserve(1);
    this.data[this.length++] = value;
  }

  /** Makes room for `extra` more values, so a caller may write to `data` directly up to that. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < need) cap *= 2;
    const next = new Int32Array(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  clear(): void {
    this.length = 0;
  }
}

/** `arr`, or a zero-filled larger copy of it, long enough for index `i`. */
export function ensureIndex(arr: Int32Array, i: number): Int32Array {
  if (i < arr.length) return arr;
  let cap = Math.max(16, arr.length * 2);
  while (cap <= i) cap *= 2;
  const next = new Int32Array(cap);
  next.set(arr);
  return next;
}
