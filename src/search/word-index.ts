// The inverted index of the search bundle, built page by page: for every unit, pair and triple of units
// (public/js/search-text.js says which positions each keeps) the list of pages holding it, as Pagefind's
// posting entries. Words and units are numbers while building, so that 20 million occurrences at 10,000
// bulletins allocate no string each; postings live in ByteLists, not in JS objects, in a compact form of their
// own (LEB128 numbers, no CBOR framing) that is spelt out as Pagefind's CBOR only when a chunk is written: an
// entry without positions takes 2 bytes instead of 4, a position delta of 24–127 one instead of two.
import { fold } from "../text/script.ts";
import {
  KIND_HAN,
  KIND_WORD,
  TITLE_SPAN,
  TRIPLE_MARK,
  WORD_END,
  hanUnit,
  scan,
  wordUnit,
} from "../../public/js/search-text.js";
import { ByteLists } from "./arena.ts";
import { cborHead as importedCborHead, cborSize as importedCborSize } from "./pagefind-format.ts";

// Read once: imported bindings are getters when tsx runs the build, one call per unit or per posting number.
const HAN_KIND = KIND_HAN;
const WORD_KIND = KIND_WORD;
const cborHead = importedCborHead;
const cborSize = importedCborSize;

/** Unit numbers: a Han unit is its code point; a letter/digit unit counts from here. */
const WORD_BASE = 0x110000;
const EMPTY = -1;

/** Fields of a word's build state. */
const TOUCHED_ON = 0; // 1 + the last page that met the word
const POS_HEAD = 1; // its positions on that page: a list through nodePos/nodeNext
const POS_TAIL = 2;
const POS_COUNT = 3;
const LAST_PAGE = 4; // the page of its last posting entry (entries hold page deltas)
const PAGE_COUNT = 5;
const CBOR_BYTES = 6; // the length of its posting entries once written as CBOR
const BATCH = 7; // its bytes in the batch not yet in its list, then its cursor while the batch is sorted
const STRIDE = 8;

/** Entry bytes gathered from successive pages before they are sorted by word into the lists. */
const BATCH_BYTES = 1 << 20;

/** Int32s per KeyTable slot: two keys and the id, and one spare so that a slot never straddles a cache line. */
const SLOT = 4;

const UNIT = 0;
const PAIR = 1;
const TRIPLE = 2;

/**
 * (int32, int32) → word id by open addressing, each slot's two keys and id side by side (a probe reads one cache
 * line, not one in each of three arrays): a pair is keyed by its two unit words, a triple by its pair word and
 * third unit word, so every key is two small integers and no string or double is made per occurrence.
 */
class KeyTable {
  private slots = new Int32Array(SLOT << 12).fill(EMPTY);
  private mask = (1 << 12) - 1;
  private size = 0;

  /** The id of (a, b); when absent, `fresh` is stored for it and returned. */
  idOf(a: number, b: number, fresh: number): number {
    if (this.size * 2 >= this.mask) this.grow();
    const slots = this.slots;
    const mask = this.mask;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
    h ^= h >>> 15;
    let i = h & mask;
    for (;;) {
      const at = i * SLOT;
      const x = slots[at]!;
      if (x === a && slots[at + 1] === b) return slots[at + 2]!;
      if (x === EMPTY) {
        slots[at] = a;
        slots[at + 1] = b;
        slots[at + 2] = fresh;
        this.size++;
        return fresh;
      }
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (old.length / SLOT) * 2;
    this.slots = new Int32Array(capacity * SLOT).fill(EMPTY);
    this.mask = capacity - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += SLOT)
      if (old[at] !== EMPTY) this.idOf(old[at]!, old[at + 1]!, old[at + 2]!);
  }
}

function grown<T extends Int32Array | Uint32Array | Uint8Array>(a: T, size: number, fill = 0): T {
  if (a.length >= size) return a;
  let n = a.length * 2;
  while (n < size) n *= 2;
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  if (fill) next.fill(fill, a.length);
  return next;
}

export interface IndexWord {
  id: number;
  word: string;
  /** Pages holding the word: the length of its posting list. */
  pages: number;
  /** Bytes of its posting entries as Pagefind's CBOR (what copyPostings writes). */
  bytes: number;
}

export class WordIndexBuilder {
  private wordUnits: string[] = [];
  private wordUnitIds = new Map<string, number>();
  /** Unit word of each Han code point (-1: none yet), and of each letter/digit unit by its number. */
  private hanWords = new Int32Array(WORD_BASE).fill(EMPTY);
  private runWords = new Int32Array(64).fill(EMPTY);
  private pairs = new KeyTable();
  private triples = new KeyTable();
  private count = 0;
  /** A word is its class and two numbers: a unit's code, a pair's unit words, a triple's pair and unit word. */
  private classes = new Uint8Array(1024);
  private key1 = new Int32Array(1024);
  private key2 = new Int32Array(1024);
  /**
   * What the build keeps per word, side by side (word * STRIDE + field) so that one occurrence reads one cache
   * line rather than one line in each of six arrays: ten million words' worth of random access at 10,000.
   */
  private state = new Int32Array(1024 * STRIDE);
  private readonly postings = new ByteLists();
  private pages = 0;
  private touched = new Int32Array(4096);
  private nTouched = 0;
  private nodePos = new Int32Array(8192);
  private nodeNext = new Int32Array(8192);
  private nNodes = 0;
  private unitBuf = new Int32Array(4096);
  private compact = new Uint8Array(1 << 16);
  private batch: Uint8Array;
  private batchLength = 0;
  private sorted: Uint8Array;
  /** The batch's entries: each one's word and where its bytes end in `batch`. */
  private entryWords: Int32Array;
  private entryEnds: Int32Array;
  private nEntries = 0;
  /** The batch's words in order of first entry. */
  private batchWords = new Int32Array(4096);
  private nBatchWords = 0;

  /** `batchBytes`: how many entry bytes to gather before sorting them into the lists (tests make it small). */
  constructor(private readonly batchBytes = BATCH_BYTES) {
    this.batch = new Uint8Array(batchBytes + 4096);
    this.sorted = new Uint8Array(batchBytes + 4096);
    this.entryWords = new Int32Array(Math.ceil(batchBytes / 2) + 64);
    this.entryEnds = new Int32Array(Math.ceil(batchBytes / 2) + 64);
  }

  /** Indexes one page (the next page number); title and body as in public/js/search-text.js. */
  addPage(title: string, body: string): number {
    const page = this.pages++;
    this.nTouched = 0;
    this.nNodes = 0;
    const titleUnits = this.cut(title);
    if (titleUnits > TITLE_SPAN)
      throw new Error(
        `search index: a title of ${titleUnits} units does not fit below position ${TITLE_SPAN}: ${JSON.stringify(title)}`,
      );
    this.section(titleUnits, 0, page, true);
    this.section(this.cut(body), TITLE_SPAN, page, false);
    this.endPage(page);
    return page;
  }

  /** The unit words of a text into unitBuf (-1 for a gap); returns how many. */
  private cut(text: string): number {
    const folded = fold(text);
    if (this.unitBuf.length < folded.length) this.unitBuf = grown(this.unitBuf, folded.length);
    const buf = this.unitBuf;
    let n = 0;
    scan(folded, (kind, start, end) => {
      if (kind === HAN_KIND) {
        let cp = folded.charCodeAt(start);
        if (end - start === 2) cp = folded.codePointAt(start)!;
        // hanUnit leaves the two main blocks alone; asking it would cost a string per character.
        if (!((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)))
          cp = hanUnit(folded.slice(start, end)).codePointAt(0)!;
        let word = this.hanWords[cp]!;
        if (word === EMPTY) word = this.hanWords[cp] = this.newWord(UNIT, cp, 0);
        buf[n++] = word;
        return;
      }
      const unit = kind === WORD_KIND ? wordUnit(folded.slice(start, end)) : "";
      if (unit) buf[n++] = this.runWord(unit);
      else if (n === 0 || buf[n - 1] !== EMPTY) buf[n++] = EMPTY; // one gap, as unitSpans makes it
    });
    return n;
  }

  private runWord(unit: string): number {
    let id = this.wordUnitIds.get(unit);
    if (id === undefined) {
      id = this.wordUnits.length;
      this.wordUnits.push(unit);
      this.wordUnitIds.set(unit, id);
      this.runWords = grown(this.runWords, id + 1, EMPTY);
      this.runWords[id] = this.newWord(UNIT, WORD_BASE + id, 0);
    }
    return this.runWords[id]!;
  }

  private section(n: number, base: number, page: number, inTitle: boolean): void {
    const units = this.unitBuf;
    const mark = page + 1;
    for (let j = 0; j < n; j++) {
      const u = units[j]!;
      if (u < 0) continue;
      const p = base + j;
      // Unit and pair words keep title positions only (ranking); triples keep all (phrase checks).
      if (inTitle) this.occur(u, p, page);
      else if (this.state[u * STRIDE + TOUCHED_ON]! !== mark) this.touch(u, mark);
      const u2 = j + 1 < n ? units[j + 1]! : EMPTY;
      if (u2 < 0) continue;
      let pair = this.pairs.idOf(u, u2, this.count);
      if (pair === this.count) pair = this.newWord(PAIR, u, u2);
      if (inTitle) this.occur(pair, p, page);
      else if (this.state[pair * STRIDE + TOUCHED_ON]! !== mark) this.touch(pair, mark);
      const u3 = j + 2 < n ? units[j + 2]! : EMPTY;
      if (u3 < 0) continue;
      let triple = this.triples.idOf(pair, u3, this.count);
      if (triple === this.count) triple = this.newWord(TRIPLE, pair, u3);
      this.occur(triple, p, page);
    }
  }

  private newWord(cls: number, k1: number, k2: number): number {
    const id = this.count++;
    if (id >= this.classes.length) {
      const size = id + 1;
      this.classes = grown(this.classes, size);
      this.key1 = grown(this.key1, size);
      this.key2 = grown(this.key2, size);
      this.state = grown(this.state, size * STRIDE);
    }
    this.classes[id] = cls;
    this.key1[id] = k1;
    this.key2[id] = k2;
    return id;
  }

  /** First sight of a word on this page. */
  private touch(word: number, mark: number): void {
    const at = word * STRIDE;
    this.state[at + TOUCHED_ON] = mark;
    if (this.nTouched >= this.touched.length) this.touched = grown(this.touched, this.nTouched + 1);
    this.touched[this.nTouched++] = word;
    this.state[at + POS_HEAD] = -1;
    this.state[at + POS_TAIL] = -1;
    this.state[at + POS_COUNT] = 0;
  }

  private occur(word: number, pos: number, page: number): void {
    const at = word * STRIDE;
    if (this.state[at + TOUCHED_ON] !== page + 1) this.touch(word, page + 1);
    const node = this.nNodes++;
    if (node >= this.nodePos.length) {
      this.nodePos = grown(this.nodePos, node + 1);
      this.nodeNext = grown(this.nodeNext, node + 1);
    }
    this.nodePos[node] = pos;
    this.nodeNext[node] = -1;
    const state = this.state;
    const tail = state[at + POS_TAIL]!;
    if (tail < 0) state[at + POS_HEAD] = node;
    else this.nodeNext[tail] = node;
    state[at + POS_TAIL] = node;
    state[at + POS_COUNT]!++;
  }

  /**
   * Writes each touched word's entry for this page, Pagefind's [page delta, [position deltas], []] in the
   * compact form: the page delta, the number of positions, each position delta. Entries go to the batch in page
   * order; flushBatch moves them into the words' lists.
   */
  private endPage(page: number): void {
    const { touched, state, nodePos, nodeNext } = this;
    for (let t = 0; t < this.nTouched; t++) {
      const word = touched[t]!;
      const w = word * STRIDE;
      const positions = state[w + POS_COUNT]!;
      if (this.batch.length < this.batchLength + 16 + positions * 5)
        this.batch = grown(this.batch, this.batchLength + 16 + positions * 5);
      const s = this.batch;
      const start = this.batchLength;
      const delta = page - state[w + LAST_PAGE]!;
      let at = leb128(s, start, delta);
      at = leb128(s, at, positions);
      let cbor = 2 + cborSize(delta) + cborSize(positions);
      let last = 0;
      for (let node = state[w + POS_HEAD]!; node >= 0; node = nodeNext[node]!) {
        const p = nodePos[node]!;
        at = leb128(s, at, p - last);
        cbor += cborSize(p - last);
        last = p;
      }
      this.batchLength = at;
      if (this.nEntries >= this.entryWords.length) {
        this.entryWords = grown(this.entryWords, this.nEntries + 1);
        this.entryEnds = grown(this.entryEnds, this.nEntries + 1);
      }
      this.entryWords[this.nEntries] = word;
      this.entryEnds[this.nEntries++] = at;
      if (state[w + BATCH] === 0) {
        if (this.nBatchWords >= this.batchWords.length) this.batchWords = grown(this.batchWords, this.nBatchWords + 1);
        this.batchWords[this.nBatchWords++] = word;
      }
      state[w + BATCH]! += at - start;
      state[w + LAST_PAGE] = page;
      state[w + PAGE_COUNT]!++;
      state[w + CBOR_BYTES]! += cbor;
    }
    if (this.batchLength >= this.batchBytes) this.flushBatch();
  }

  /**
   * Sorts the batch's entries by word (a counting sort: each word's bytes are known) and appends each word's
   * run to its list at once. A list's tail lies at a random place in hundreds of megabytes; appending page by
   * page cost a cache miss per entry, 27 million of them at 10,000 bulletins.
   */
  private flushBatch(): void {
    const { state, batchWords, entryWords, entryEnds, batch } = this;
    if (this.sorted.length < this.batchLength) this.sorted = grown(this.sorted, this.batchLength);
    const sorted = this.sorted;
    let offset = 0;
    for (let i = 0; i < this.nBatchWords; i++) {
      const w = batchWords[i]! * STRIDE;
      const length = state[w + BATCH]!;
      state[w + BATCH] = offset;
      offset += length;
    }
    let from = 0;
    for (let e = 0; e < this.nEntries; e++) {
      const w = entryWords[e]! * STRIDE;
      const end = entryEnds[e]!;
      let to = state[w + BATCH]!;
      for (let k = from; k < end; k++) sorted[to++] = batch[k]!;
      state[w + BATCH] = to;
      from = end;
    }
    from = 0;
    for (let i = 0; i < this.nBatchWords; i++) {
      const word = batchWords[i]!;
      const end = state[word * STRIDE + BATCH]!;
      this.postings.append(word, sorted, from, end - from);
      state[word * STRIDE + BATCH] = 0;
      from = end;
    }
    this.batchLength = 0;
    this.nEntries = 0;
    this.nBatchWords = 0;
  }

  private unitText(word: number, inTriple: boolean): string {
    const code = this.key1[word]!;
    if (code < WORD_BASE) return String.fromCodePoint(code);
    const run = this.wordUnits[code - WORD_BASE]!;
    return inTriple ? run + WORD_END : run;
  }

  /** The word as pagefind.js looks it up (tripleWord and shortWord in search-text.js). */
  wordText(id: number): string {
    const k1 = this.key1[id]!;
    const k2 = this.key2[id]!;
    switch (this.classes[id]) {
      case UNIT:
        return this.unitText(id, false);
      case PAIR:
        return this.unitText(k1, false) + this.unitText(k2, false);
      default:
        return (
          TRIPLE_MARK +
          this.unitText(this.key1[k1]!, true) +
          this.unitText(this.key2[k1]!, true) +
          this.unitText(k2, true)
        );
    }
  }

  /** Every word in the order Pagefind's chunks need: by UTF-8 bytes, which is code point order. */
  sortedWords(): IndexWord[] {
    this.flushBatch();
    const keyed: string[] = new Array<string>(this.count);
    const mixed = { astral: false, high: false };
    for (let id = 0; id < this.count; id++) {
      const word = this.wordText(id);
      if (/[\ud800-\udfff]/.test(word)) mixed.astral = true;
      if (/[\ue000-\uffff]/.test(word)) mixed.high = true;
      keyed[id] = `${word}\u0000${id}`;
    }
    // UTF-16 order equals code point order unless surrogates meet characters above U+E000.
    if (mixed.astral && mixed.high) keyed.sort(compareCodePoints);
    else keyed.sort();
    return keyed.map((k, i) => {
      const cut = k.lastIndexOf("\u0000");
      const id = Number(k.slice(cut + 1));
      const word = k.slice(0, cut);
      // Two numbers naming one string would make Pagefind keep only the later list.
      if (i > 0 && keyed[i - 1]!.startsWith(`${word}\u0000`))
        throw new Error(`search index: the word ${JSON.stringify(word)} was built twice`);
      return { id, word, pages: this.state[id * STRIDE + PAGE_COUNT]!, bytes: this.state[id * STRIDE + CBOR_BYTES]! };
    });
  }

  /** Writes a word's posting entries as Pagefind's CBOR into out at offset; returns the offset after them. */
  copyPostings(id: number, out: Uint8Array, offset: number): number {
    const length = this.postings.length(id);
    if (this.compact.length < length) this.compact = new Uint8Array(length * 2);
    this.postings.copyTo(id, this.compact, 0);
    const r = new Leb128Reader(this.compact);
    while (r.at < length) {
      out[offset++] = 0x83;
      offset = cborHead(out, offset, r.next(), 0);
      const positions = r.next();
      offset = cborHead(out, offset, positions, 0x80);
      for (let k = 0; k < positions; k++) offset = cborHead(out, offset, r.next(), 0);
      out[offset++] = 0x80;
    }
    return offset;
  }
}

/** n as LEB128 (seven bits a byte, low first, the top bit set on all but the last) into s at `at`. */
function leb128(s: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    s[at++] = (n & 0x7f) | 0x80;
    n >>>= 7;
  }
  s[at] = n;
  return at + 1;
}

/** Reads LEB128 numbers one after another. */
class Leb128Reader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  next(): number {
    let byte = this.bytes[this.at++]!;
    if (byte < 0x80) return byte;
    let n = 0;
    let scale = 1;
    for (;;) {
      n += (byte & 0x7f) * scale;
      if (byte < 0x80) return n;
      scale *= 0x80;
      byte = this.bytes[this.at++]!;
    }
  }
}

function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
    if (y >= 0xd800) y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    return x - y;
  }
  return a.length - b.length;
}
