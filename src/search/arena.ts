// Byte lists that grow by appending, many of them, without a JS object each: every list is a chain of blocks
// in large shared slabs, blocks doubling in size up to a limit. The index builder keeps each word's encoded
// posting list here (tens of millions of entries at 10,000 bulletins) at a few bytes of overhead a word.

const SLAB_BITS = 26; // 64 MiB slabs
const SLAB = 1 << SLAB_BITS;
/** Blocks are 16-byte aligned, so a u32 block number addresses 64 GiB. */
const UNIT = 16;
/** A block number's slab and 16-byte unit within it, by shifts (UNIT is 2^4). */
const BLOCK_SLAB_SHIFT = SLAB_BITS - 4;
const BLOCK_IN_SLAB = (1 << BLOCK_SLAB_SHIFT) - 1;
const HEADER = 4; // next block number (0: none; block 0 is never handed out)
const MIN_BLOCK_LOG = 4;
const MAX_BLOCK_LOG = 12;

export class ByteLists {
  private slabs: Uint8Array[] = [];
  /** Next free byte, as a global offset. */
  private top = UNIT;
  private head = new Uint32Array(1024);
  private tail = new Uint32Array(1024);
  private tailLog = new Uint8Array(1024);
  private tailFill = new Uint16Array(1024);
  private lengths = new Uint32Array(1024);

  length(list: number): number {
    return list < this.lengths.length ? this.lengths[list]! : 0;
  }

  private ensure(list: number): void {
    if (list < this.head.length) return;
    let size = this.head.length * 2;
    while (size <= list) size *= 2;
    const grow = <T extends Uint32Array | Uint16Array | Uint8Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(size);
      next.set(a);
      return next;
    };
    this.head = grow(this.head);
    this.tail = grow(this.tail);
    this.tailLog = grow(this.tailLog);
    this.tailFill = grow(this.tailFill);
    this.lengths = grow(this.lengths);
  }

  private allocate(log: number): number {
    const size = 1 << log;
    // A block never straddles two slabs.
    if (Math.floor(this.top / SLAB) !== Math.floor((this.top + size - 1) / SLAB)) this.top = Math.ceil(this.top / SLAB) * SLAB;
    const slab = Math.floor(this.top / SLAB);
    while (this.slabs.length <= slab) this.slabs.push(new Uint8Array(SLAB));
    const block = this.top / UNIT;
    this.top += size;
    this.setNext(block, 0);
    return block;
  }

  private slabOf(block: number): Uint8Array {
    return this.slabs[block >>> BLOCK_SLAB_SHIFT]!;
  }

  private offsetOf(block: number): number {
    return (block & BLOCK_IN_SLAB) << 4;
  }

  private setNext(block: number, next: number): void {
    const slab = this.slabOf(block);
    const at = this.offsetOf(block);
    slab[at] = next & 0xff;
    slab[at + 1] = (next >>> 8) & 0xff;
    slab[at + 2] = (next >>> 16) & 0xff;
    slab[at + 3] = (next >>> 24) & 0xff;
  }

  private nextOf(block: number): number {
    const slab = this.slabOf(block);
    const at = this.offsetOf(block);
    return (slab[at]! | (slab[at + 1]! << 8) | (slab[at + 2]! << 16) | (slab[at + 3]! << 24)) >>> 0;
  }

  append(list: number, bytes: Uint8Array, count: number): void {
    // Most appends are a few bytes that fit the list's last block.
    if (list < this.head.length) {
      const block = this.tail[list]!;
      const fill = this.tailFill[list]!;
      if (block !== 0 && fill + count <= (1 << this.tailLog[list]!) - HEADER) {
        const slab = this.slabs[block >>> BLOCK_SLAB_SHIFT]!;
        const at = ((block & BLOCK_IN_SLAB) << 4) + HEADER + fill;
        for (let i = 0; i < count; i++) slab[at + i] = bytes[i]!;
        this.tailFill[list] = fill + count;
        this.lengths[list] = this.lengths[list]! + count;
        return;
      }
    }
    this.ensure(list);
    let done = 0;
    while (done < count) {
      let block = this.tail[list]!;
      let log = this.tailLog[list]!;
      let fill = this.tailFill[list]!;
      if (block === 0 || fill === (1 << log) - HEADER) {
        const nextLog = block === 0 ? MIN_BLOCK_LOG : Math.min(log + 1, MAX_BLOCK_LOG);
        const fresh = this.allocate(nextLog);
        if (block === 0) this.head[list] = fresh;
        else this.setNext(block, fresh);
        this.tail[list] = block = fresh;
        this.tailLog[list] = log = nextLog;
        fill = 0;
      }
      const n = Math.min((1 << log) - HEADER - fill, count - done);
      const slab = this.slabOf(block);
      const at = this.offsetOf(block) + HEADER + fill;
      if (n < 16) for (let i = 0; i < n; i++) slab[at + i] = bytes[done + i]!;
      else slab.set(bytes.subarray(done, done + n), at);
      this.tailFill[list] = fill + n;
      done += n;
    }
    this.lengths[list] = this.lengths[list]! + count;
  }

  /** Copies a whole list into `out` at `offset`; returns the offset after it. */
  copyTo(list: number, out: Uint8Array, offset: number): number {
    let block = list < this.head.length ? this.head[list]! : 0;
    let log = MIN_BLOCK_LOG;
    let left = this.length(list);
    while (block !== 0 && left > 0) {
      const n = Math.min(left, (1 << log) - HEADER);
      const at = this.offsetOf(block) + HEADER;
      out.set(this.slabOf(block).subarray(at, at + n), offset);
      offset += n;
      left -= n;
      block = this.nextOf(block);
      log = Math.min(log + 1, MAX_BLOCK_LOG);
    }
    return offset;
  }
}
