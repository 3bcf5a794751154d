// The inverted index of the search bundle, built page by page: for every unit, pair and triple of units
// (public/js/search-text.js says which positions each keeps) the list of pages holding it, already encoded as
// Pagefind's posting entries. Words and units are numbers while building, so that 20 million occurrences
// at 10,000 bulletins allocate no string each; postings live in ByteLists, not in JS objects.
import { fold } from "../text/script.ts";
import { KIND_HAN, KIND_WORD, TITLE_SPAN, TRIPLE_MARK, WORD_END, hanUnit, scan, wordUnit } from "../../public/js/search-text.js";
import { ByteLists } from "./arena.ts";

/** Unit numbers: a Han unit is its code point; a letter/digit unit counts from here. */
const WORD_BASE = 0x110000;
/** Packs two numbers below 2^21 (or a word number and a unit) into one exact double. */
const SHIFT = 2 ** 21;
const NO_POSITION = -1;

const UNIT = 0;
const PAIR = 1;
const TRIPLE = 2;

/** Double → int32 map by open addressing: millions of entries in two typed arrays. */
class IdTable {
  private keys = new Float64Array(1 << 12).fill(-1);
  private values = new Int32Array(1 << 12);
  private size = 0;

  private slot(key: number): number {
    const mask = this.keys.length - 1;
    const lo = key % 0x100000000;
    const hi = Math.floor(key / 0x100000000);
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let i = h & mask;
    while (this.keys[i] !== -1 && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  /** The id stored for key, or -1. */
  get(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === key ? this.values[i]! : -1;
  }

  /** Stores a key known to be absent. */
  add(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const i = this.slot(key);
    this.keys[i] = key;
    this.values[i] = value;
    this.size++;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.values = new Int32Array(oldKeys.length * 2);
    for (let i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] === -1) continue;
      const j = this.slot(oldKeys[i]!);
      this.keys[j] = oldKeys[i]!;
      this.values[j] = oldValues[i]!;
    }
  }
}

function grown<T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  let n = a.length * 2;
  while (n < size) n *= 2;
  const next = new (a.constructor as new (n: number) => T)(n);
  next.set(a);
  return next;
}

export interface IndexWord {
  id: number;
  word: string;
  /** Pages holding the word: the length of its posting list. */
  pages: number;
  /** Bytes of its encoded posting entries. */
  bytes: number;
}

export class WordIndexBuilder {
  private wordUnits: string[] = [];
  private wordUnitIds = new Map<string, number>();
  private tables = [new IdTable(), new IdTable(), new IdTable()];
  private count = 0;
  private codes = new Float64Array(1024);
  private classes = new Uint8Array(1024);
  private lastPage = new Int32Array(1024);
  private pageCounts = new Uint32Array(1024);
  private touchMark = new Int32Array(1024);
  private posHead = new Int32Array(1024);
  private posTail = new Int32Array(1024);
  private posCount = new Int32Array(1024);
  private readonly postings = new ByteLists();
  private pages = 0;
  private touched = new Int32Array(4096);
  private nTouched = 0;
  private nodePos = new Int32Array(8192);
  private nodeNext = new Int32Array(8192);
  private nNodes = 0;
  private unitBuf = new Int32Array(4096);
  private scratch = new Uint8Array(1024);

  /** Indexes one page (the next page number); title and body as in public/js/search-text.js. */
  addPage(title: string, body: string): number {
    const page = this.pages++;
    this.nTouched = 0;
    this.nNodes = 0;
    const titleUnits = this.cut(title);
    if (titleUnits > TITLE_SPAN) throw new Error(`search index: a title of ${titleUnits} units does not fit below position ${TITLE_SPAN}: ${JSON.stringify(title)}`);
    this.section(titleUnits, 0, page, true);
    this.section(this.cut(body), TITLE_SPAN, page, false);
    this.endPage(page);
    return page;
  }

  /** Unit numbers of a text into unitBuf (-1 for a gap); returns how many. */
  private cut(text: string): number {
    const folded = fold(text);
    let n = 0;
    const push = (unit: number): void => {
      if (n >= this.unitBuf.length) this.unitBuf = grown(this.unitBuf, n + 1);
      this.unitBuf[n++] = unit;
    };
    scan(folded, (kind, start, end) => {
      if (kind === KIND_HAN) {
        const cp = folded.codePointAt(start)!;
        // hanUnit leaves the two main blocks alone; asking it would cost a string per character.
        const plain = (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf);
        push(plain ? cp : hanUnit(folded.slice(start, end)).codePointAt(0)!);
        return;
      }
      const unit = kind === KIND_WORD ? wordUnit(folded.slice(start, end)) : "";
      if (unit) push(this.wordUnitId(unit));
      else if (n === 0 || this.unitBuf[n - 1] !== -1) push(-1); // one gap, as unitSpans makes it
    });
    return n;
  }

  private wordUnitId(unit: string): number {
    let id = this.wordUnitIds.get(unit);
    if (id === undefined) {
      id = WORD_BASE + this.wordUnits.length;
      this.wordUnits.push(unit);
      this.wordUnitIds.set(unit, id);
    }
    return id;
  }

  private section(n: number, base: number, page: number, inTitle: boolean): void {
    const units = this.unitBuf;
    for (let j = 0; j < n; j++) {
      const u = units[j]!;
      if (u < 0) continue;
      const p = base + j;
      // Unit and pair words keep title positions only (ranking); triples keep all (phrase checks).
      const shortPos = inTitle ? p : NO_POSITION;
      this.occur(this.wordId(UNIT, u), shortPos, page);
      const u2 = j + 1 < n ? units[j + 1]! : -1;
      if (u2 < 0) continue;
      const pair = this.wordId(PAIR, u * SHIFT + u2);
      this.occur(pair, shortPos, page);
      const u3 = j + 2 < n ? units[j + 2]! : -1;
      if (u3 < 0) continue;
      this.occur(this.wordId(TRIPLE, pair * SHIFT + u3), p, page);
    }
  }

  private wordId(cls: number, code: number): number {
    const table = this.tables[cls]!;
    const known = table.get(code);
    if (known >= 0) return known;
    const id = this.count++;
    if (id >= this.codes.length) {
      const size = id + 1;
      this.codes = grown(this.codes, size);
      this.classes = grown(this.classes, size);
      this.lastPage = grown(this.lastPage, size);
      this.pageCounts = grown(this.pageCounts, size);
      this.touchMark = grown(this.touchMark, size);
      this.posHead = grown(this.posHead, size);
      this.posTail = grown(this.posTail, size);
      this.posCount = grown(this.posCount, size);
    }
    this.codes[id] = code;
    this.classes[id] = cls;
    table.add(code, id);
    return id;
  }

  private occur(word: number, pos: number, page: number): void {
    if (this.touchMark[word] !== page + 1) {
      this.touchMark[word] = page + 1;
      if (this.nTouched >= this.touched.length) this.touched = grown(this.touched, this.nTouched + 1);
      this.touched[this.nTouched++] = word;
      this.posHead[word] = -1;
      this.posTail[word] = -1;
      this.posCount[word] = 0;
    }
    if (pos === NO_POSITION) return;
    const node = this.nNodes++;
    if (node >= this.nodePos.length) {
      this.nodePos = grown(this.nodePos, node + 1);
      this.nodeNext = grown(this.nodeNext, node + 1);
    }
    this.nodePos[node] = pos;
    this.nodeNext[node] = -1;
    const tail = this.posTail[word]!;
    if (tail < 0) this.posHead[word] = node;
    else this.nodeNext[tail] = node;
    this.posTail[word] = node;
    this.posCount[word] = this.posCount[word]! + 1;
  }

  /** Appends each touched word's entry for this page: [page delta, [position deltas], []]. */
  private endPage(page: number): void {
    for (let t = 0; t < this.nTouched; t++) {
      const word = this.touched[t]!;
      const positions = this.posCount[word]!;
      if (this.scratch.length < 16 + positions * 5) this.scratch = new Uint8Array(16 + positions * 10);
      let at = 0;
      this.scratch[at++] = 0x83;
      at = this.uint(at, page - this.lastPage[word]!, 0);
      at = this.uint(at, positions, 4);
      let last = 0;
      for (let node = this.posHead[word]!; node >= 0; node = this.nodeNext[node]!) {
        const p = this.nodePos[node]!;
        at = this.uint(at, p - last, 0);
        last = p;
      }
      this.scratch[at++] = 0x80;
      this.postings.append(word, this.scratch, at);
      this.lastPage[word] = page;
      this.pageCounts[word] = this.pageCounts[word]! + 1;
    }
  }

  /** A CBOR head (major type 0: unsigned, 4: array) into scratch. */
  private uint(at: number, n: number, major: number): number {
    const s = this.scratch;
    const m = major << 5;
    if (n < 24) s[at++] = m | n;
    else if (n < 0x100) {
      s[at++] = m | 24;
      s[at++] = n;
    } else if (n < 0x10000) {
      s[at++] = m | 25;
      s[at++] = n >>> 8;
      s[at++] = n & 0xff;
    } else {
      s[at++] = m | 26;
      s[at++] = n >>> 24;
      s[at++] = (n >>> 16) & 0xff;
      s[at++] = (n >>> 8) & 0xff;
      s[at++] = n & 0xff;
    }
    return at;
  }

  private unitText(unit: number, inTriple: boolean): string {
    if (unit < WORD_BASE) return String.fromCodePoint(unit);
    const word = this.wordUnits[unit - WORD_BASE]!;
    return inTriple ? word + WORD_END : word;
  }

  /** The word as pagefind.js looks it up (tripleWord and shortWord in search-text.js). */
  wordText(id: number): string {
    const code = this.codes[id]!;
    switch (this.classes[id]) {
      case UNIT:
        return this.unitText(code, false);
      case PAIR:
        return this.unitText(Math.floor(code / SHIFT), false) + this.unitText(code % SHIFT, false);
      default: {
        const pair = this.codes[Math.floor(code / SHIFT)]!;
        return TRIPLE_MARK + this.unitText(Math.floor(pair / SHIFT), true) + this.unitText(pair % SHIFT, true) + this.unitText(code % SHIFT, true);
      }
    }
  }

  /** Every word in the order Pagefind's chunks need: by UTF-8 bytes, which is code point order. */
  sortedWords(): IndexWord[] {
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
      if (i > 0 && keyed[i - 1]!.startsWith(`${word}\u0000`)) throw new Error(`search index: the word ${JSON.stringify(word)} was built twice`);
      return { id, word, pages: this.pageCounts[id]!, bytes: this.postings.length(id) };
    });
  }

  /** Copies a word's posting entries into out at offset; returns the offset after them. */
  copyPostings(id: number, out: Uint8Array, offset: number): number {
    return this.postings.copyTo(id, out, offset);
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
