// Growable typed arrays: the text index holds millions of numbers, which as plain JS arrays would cost
// several times the memory and keep the collector busy.

type Typed = Int32Array | Uint8Array;
type TypedCtor<T extends Typed> = new (length: number) => T;

class Growable<T extends Typed> {
  data: T;
  length = 0;

  constructor(
    private readonly ctor: TypedCtor<T>,
    capacity: number,
  ) {
    this.data = new ctor(Math.max(16, capacity));
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
    const next = new this.ctor(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  clear(): void {
    this.length = 0;
  }
}

export class IntBuffer extends Growable<Int32Array> {
  constructor(capacity = 1024) {
    super(Int32Array, capacity);
  }
}

export class ByteBuffer extends Growable<Uint8Array> {
  constructor(capacity = 1024) {
    super(Uint8Array, capacity);
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
