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

/** Fields of a list, side by side so that an append reads one cache line. */
const HEAD = 0;
const TAIL = 1;
const FILL_LOG = 2; // bytes used in the tail block << 4 | log2 of its size
const LENGTH = 3;
const STRIDE = 4;

export class ByteLists {
  private slabs: Uint8Array[] = [];
  /** Next free byte, as a global offset. */
  private top = UNIT;
  private lists = new Uint32Array(1024 * STRIDE);

  length(list: number): number {
    return list * STRIDE < this.lists.length ? this.lists[list * STRIDE + LENGTH]! : 0;
  }

  private ensure(list: number): void {
    if (list * STRIDE < this.lists.length) return;
    let size = this.lists.length * 2;
    while (size <= list * STRIDE) size *= 2;
    const next = new Uint32Array(size);
    next.set(this.lists);
    this.lists = next;
  }

  private allocate(log: number): number {
    const size = 1 << log;
    // A block never straddles two slabs.
    if (Math.floor(this.top / SLAB) !== Math.floor((this.top + size - 1) / SLAB))
      this.top = Math.ceil(this.top / SLAB) * SLAB;
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

  /** Appends bytes[from, from + count) to a list. */
  append(list: number, bytes: Uint8Array, from: number, count: number): void {
    this.ensure(list);
    const l = list * STRIDE;
    const lists = this.lists;
    let block = lists[l + TAIL]!;
    let log = lists[l + FILL_LOG]! & 15;
    let fill = lists[l + FILL_LOG]! >>> 4;
    lists[l + LENGTH] = lists[l + LENGTH]! + count;
    // Most appends are a few bytes that fit the list's last block.
    if (block !== 0 && fill + count <= (1 << log) - HEADER) {
      const slab = this.slabOf(block);
      const at = this.offsetOf(block) + HEADER + fill;
      if (count < 16) for (let i = 0; i < count; i++) slab[at + i] = bytes[from + i]!;
      else slab.set(bytes.subarray(from, from + count), at);
      lists[l + FILL_LOG] = ((fill + count) << 4) | log;
      return;
    }
    let done = 0;
    while (done < count) {
      if (block === 0 || fill === (1 << log) - HEADER) {
        const nextLog = block === 0 ? MIN_BLOCK_LOG : Math.min(log + 1, MAX_BLOCK_LOG);
        const fresh = this.allocate(nextLog);
        if (block === 0) this.lists[l + HEAD] = fresh;
        else this.setNext(block, fresh);
        block = fresh;
        log = nextLog;
        fill = 0;
      }
      const n = Math.min((1 << log) - HEADER - fill, count - done);
      const slab = this.slabOf(block);
      const at = this.offsetOf(block) + HEADER + fill;
      if (n < 16) for (let i = 0; i < n; i++) slab[at + i] = bytes[from + done + i]!;
      else slab.set(bytes.subarray(from + done, from + done + n), at);
      fill += n;
      done += n;
    }
    this.lists[l + TAIL] = block;
    this.lists[l + FILL_LOG] = (fill << 4) | log;
  }

  /** Copies a whole list into `out` at `offset`; returns the offset after it. */
  copyTo(list: number, out: Uint8Array, offset: number): number {
    let block = list * STRIDE < this.lists.length ? this.lists[list * STRIDE + HEAD]! : 0;
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
