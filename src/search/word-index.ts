// The inverted index of the search bundle, built page by page: for every unit, pair and triple of units
// (public/js/search-text.js says which positions each keeps) the list of pages holding it, as Pagefind's
// posting entries. Words and units are numbers while building, so that 20 million occurrences at 10,000
// bulletins allocate no string each; postings live in ByteLists, not in JS objects, in a compact form of their
// own (LEB128 numbers, no CBOR framing) that is spelt out as Pagefind's CBOR only when a chunk is written: an
// entry without positions (most of them) takes 1 byte instead of 4, a position delta of 24–127 one instead of two.
import { fold } from "../text/script.ts";
import {
  charKind,
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
const BATCH = 7; // 1 + its slot in the batch's words, 0 when it has no entry in the batch
const STRIDE = 8;

/** What a code unit is to cut, beside Han unit words (≥ 0): not yet known, letter or digit, gap, surrogate. */
const UNSEEN = -2;
const LETTER = -3;
const GAP_CHAR = -4;
const SURROGATE = -5;
const ASCII_UNIT = /^[0-9a-z]+$/;
/** Runs up to this long are keyed by number (37^8 < 2^53): 0–9 and a–z as 1–36, in base 37. */
const SHORT_RUN = 8;

/**
 * Entry bytes gathered from successive pages before they are sorted by word into the lists: a word gets one
 * append per batch it has entries in, so a larger batch means fewer appends at random list tails. 4 MB: 0.1–0.3 s
 * of CPU less than 1 MB at 10,000 bulletins, no less than 8 or 16 MB (docs/performance.md).
 */
const BATCH_BYTES = 1 << 22;

/** Int32s per KeyTable slot: three keys and the id, so that a slot never straddles a cache line. */
const SLOT = 4;

const UNIT = 0;
const PAIR = 1;
const TRIPLE = 2;

/**
 * Three int32 keys → word id by open addressing, each slot's keys and id side by side (a probe reads one cache
 * line, not one in each of four arrays): a pair is keyed by its two unit words, a triple by its three, so every
 * key is small integers, no string or double is made per occurrence, and a triple is found without its pair.
 */
class KeyTable {
  private slots = new Int32Array(SLOT << 12).fill(EMPTY);
  private mask = (1 << 12) - 1;
  private size = 0;

  /** The id stored for (a, b, c), or EMPTY. */
  find(a: number, b: number, c: number): number {
    const at = this.slotOf(a, b, c);
    return this.slots[at] === EMPTY ? EMPTY : this.slots[at + 3]!;
  }

  /** Stores id for keys that find did not find. */
  add(a: number, b: number, c: number, id: number): void {
    const slots = this.slots;
    const at = this.slotOf(a, b, c);
    slots[at] = a;
    slots[at + 1] = b;
    slots[at + 2] = c;
    slots[at + 3] = id;
    if (++this.size * 2 >= this.mask) this.grow();
  }

  /** The slot holding (a, b, c), or the empty one where they would go. */
  private slotOf(a: number, b: number, c: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
    h ^= h >>> 15;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const at = i * SLOT;
      const x = slots[at]!;
      if (x === EMPTY || (x === a && slots[at + 1] === b && slots[at + 2] === c)) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    const capacity = (old.length / SLOT) * 2;
    this.slots = new Int32Array(capacity * SLOT).fill(EMPTY);
    this.mask = capacity - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += SLOT)
      if (old[at] !== EMPTY) this.add(old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!);
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
  /** Unit word of each short run of lower-case ASCII letters and digits, by its number (endRun). */
  private shortRuns = new Map<number, number>();
  /** What cut makes of each UTF-16 code unit (UNSEEN until first met). */
  private codeWords = new Int32Array(0x10000).fill(UNSEEN);
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
  /** The word starting at each unit of the body: its triple, else its pair, else itself. */
  private startWords = new Int32Array(4096);
  private compact = new Uint8Array(1 << 16);
  private batch: Uint8Array;
  private batchLength = 0;
  private sorted: Uint8Array;
  /** The batch's entries: each one's word (its slot in batchWords) and where its bytes end in `batch`. */
  private entrySlots: Int32Array;
  private entryEnds: Int32Array;
  private nEntries = 0;
  /** The batch's words in order of first entry, and their bytes in it (then their cursors while sorted). */
  private batchWords = new Int32Array(4096);
  private slotBytes = new Int32Array(4096);
  private nBatchWords = 0;

  /** `batchBytes`: how many entry bytes to gather before sorting them into the lists (tests make it small). */
  constructor(private readonly batchBytes = BATCH_BYTES) {
    this.batch = new Uint8Array(batchBytes + 4096);
    this.sorted = new Uint8Array(batchBytes + 4096);
    this.entrySlots = new Int32Array(Math.ceil(batchBytes / 2) + 64);
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
    this.title(titleUnits, page);
    this.body(this.cut(body), page);
    this.endPage(page);
    if (this.batchLength >= this.batchBytes) this.flushBatch();
    return page;
  }

  /**
   * The unit words of a text into unitBuf (-1 for a gap); returns how many. What each UTF-16 code unit is
   * (its Han unit word once folded, or a letter, or a gap) is learnt once, so a text costs a table read a
   * character; a text with surrogates takes the general way (cutSlowly), which this must equal.
   */
  private cut(text: string): number {
    const length = text.length;
    if (this.unitBuf.length < length) this.unitBuf = grown(this.unitBuf, length);
    const buf = this.unitBuf;
    const codes = this.codeWords;
    let n = 0;
    let runKind = 0;
    let runStart = 0;
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      let w = codes[c]!;
      if (w === UNSEEN) w = codes[c] = this.codeWord(c);
      if (w >= 0) {
        if (runKind !== 0) ((n = this.endRun(text, runKind, runStart, i, n)), (runKind = 0));
        buf[n++] = w;
      } else if (w !== runKind) {
        if (w === SURROGATE) return this.cutSlowly(text);
        if (runKind !== 0) n = this.endRun(text, runKind, runStart, i, n);
        runKind = w;
        runStart = i;
      }
    }
    return runKind !== 0 ? this.endRun(text, runKind, runStart, length, n) : n;
  }

  /** What code unit c is to cut: its Han unit word, LETTER, GAP_CHAR, or SURROGATE. */
  private codeWord(c: number): number {
    if (c >= 0xd800 && c <= 0xdfff) return SURROGATE;
    const folded = fold(String.fromCharCode(c));
    const kind = charKind(folded.charCodeAt(0));
    if (kind === HAN_KIND) return this.hanWord(folded, 0, 1);
    return kind === WORD_KIND ? LETTER : GAP_CHAR;
  }

  /** The unit word of the Han character at folded[start, end). */
  private hanWord(folded: string, start: number, end: number): number {
    let cp = folded.charCodeAt(start);
    if (end - start === 2) cp = folded.codePointAt(start)!;
    // hanUnit leaves the two main blocks alone; asking it would cost a string per character.
    if (!((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf)))
      cp = hanUnit(folded.slice(start, end)).codePointAt(0)!;
    let word = this.hanWords[cp]!;
    if (word === EMPTY) word = this.hanWords[cp] = this.newWord(UNIT, cp, 0);
    return word;
  }

  /** Ends a run of letters or of gap characters at unitBuf[n]; returns the new n. */
  private endRun(text: string, kind: number, start: number, end: number, n: number): number {
    if (kind === LETTER) {
      // A short run of lower-case ASCII letters and digits (most runs: years, sums, "app") is found by a number
      // spelt from its characters, without making a string.
      if (end - start <= SHORT_RUN) {
        let key = 0;
        for (let i = start; i < end; i++) {
          const c = text.charCodeAt(i);
          const digit = c >= 0x30 && c <= 0x39 ? c - 0x2f : c >= 0x61 && c <= 0x7a ? c - 0x56 : 0;
          if (digit === 0) {
            key = -1;
            break;
          }
          key = key * 37 + digit;
        }
        if (key >= 0) {
          let word = this.shortRuns.get(key);
          if (word === undefined) this.shortRuns.set(key, (word = this.runWord(text.slice(start, end))));
          this.unitBuf[n] = word;
          return n + 1;
        }
      }
      const run = text.slice(start, end);
      // Lower-case ASCII letters and digits are their own unit (fold and wordUnit leave them alone).
      const unit = ASCII_UNIT.test(run) ? run : wordUnit(fold(run));
      if (unit) {
        this.unitBuf[n] = this.runWord(unit);
        return n + 1;
      }
    }
    return this.gap(n);
  }

  /** One gap, as unitSpans makes it: a gap next to a gap is not another. */
  private gap(n: number): number {
    if (n > 0 && this.unitBuf[n - 1] === EMPTY) return n;
    this.unitBuf[n] = EMPTY;
    return n + 1;
  }

  /** cut for any text: folded, then scanned as search-text.js scans it. */
  private cutSlowly(text: string): number {
    const folded = fold(text);
    let n = 0;
    scan(folded, (kind, start, end) => {
      if (kind === HAN_KIND) this.unitBuf[n++] = this.hanWord(folded, start, end);
      else n = kind === WORD_KIND ? this.endRun(folded, LETTER, start, end, n) : this.gap(n);
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

  private pairOf(u: number, u2: number): number {
    let pair = this.pairs.find(u, u2, 0);
    if (pair === EMPTY) this.pairs.add(u, u2, 0, (pair = this.newWord(PAIR, u, u2)));
    return pair;
  }

  private tripleOf(u: number, u2: number, u3: number): number {
    let triple = this.triples.find(u, u2, u3);
    if (triple === EMPTY) this.triples.add(u, u2, u3, (triple = this.newWord(TRIPLE, this.pairOf(u, u2), u3)));
    return triple;
  }

  /** The title's units, pairs and triples, each with its positions (a hit in the title ranks first). */
  private title(n: number, page: number): void {
    const units = this.unitBuf;
    for (let j = 0; j < n; j++) {
      const u = units[j]!;
      if (u < 0) continue;
      this.occur(u, j, page);
      const u2 = j + 1 < n ? units[j + 1]! : EMPTY;
      if (u2 < 0) continue;
      this.occur(this.pairOf(u, u2), j, page);
      const u3 = j + 2 < n ? units[j + 2]! : EMPTY;
      if (u3 >= 0) this.occur(this.tripleOf(u, u2, u3), j, page);
    }
  }

  /**
   * The body's words: units and pairs by page only, triples with every position (phrase checks). A unit or
   * pair with a triple after it is marked on the page through the triple's keys, once per triple and page,
   * so that a position costs one probe, not two. Words are found for the whole body first and marked
   * after: a loop of lookups alone lets the processor wait for several table lines at once.
   */
  private body(n: number, page: number): void {
    const units = this.unitBuf;
    if (this.startWords.length < n) this.startWords = grown(this.startWords, n);
    const starts = this.startWords;
    for (let j = 0; j < n; j++) {
      const u = units[j]!;
      if (u < 0) continue;
      const u2 = j + 1 < n ? units[j + 1]! : EMPTY;
      const u3 = u2 >= 0 && j + 2 < n ? units[j + 2]! : EMPTY;
      starts[j] = u3 >= 0 ? this.tripleOf(u, u2, u3) : u2 >= 0 ? this.pairOf(u, u2) : u;
    }
    const mark = page + 1;
    const state = this.state; // no word is made below, so it cannot grow
    this.roomForNodes(n);
    for (let j = 0; j < n; j++) {
      if (units[j]! < 0) continue;
      const word = starts[j]!;
      const at = word * STRIDE;
      if (state[at + TOUCHED_ON] !== mark) this.touchWithPrefixes(word, mark);
      if (j + 2 >= n || units[j + 1]! < 0 || units[j + 2]! < 0) continue;
      this.link(at, TITLE_SPAN + j); // a triple: its position joins its list for this page
    }
  }

  /**
   * Marks a word on this page and the pair and unit it starts with (key1 of a triple, then of a pair). A word
   * marked on a page always has its prefixes marked, so the walk stops at the first one that is.
   */
  private touchWithPrefixes(word: number, mark: number): void {
    for (;;) {
      this.touch(word, mark);
      if (this.classes[word] === UNIT) return;
      word = this.key1[word]!;
      if (this.state[word * STRIDE + TOUCHED_ON] === mark) return;
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
    this.roomForNodes(1);
    this.link(at, pos);
  }

  private roomForNodes(n: number): void {
    if (this.nodePos.length >= this.nNodes + n) return;
    this.nodePos = grown(this.nodePos, this.nNodes + n);
    this.nodeNext = grown(this.nodeNext, this.nNodes + n);
  }

  /** Appends a position to the page's list of the word whose record is at `at` (room made by roomForNodes). */
  private link(at: number, pos: number): void {
    const node = this.nNodes++;
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
   * compact form: twice the page delta, plus 1 when positions follow; then the number of positions and each
   * position delta. Entries go to the batch in page order; flushBatch moves them into the words' lists.
   */
  private endPage(page: number): void {
    const nTouched = this.nTouched;
    this.roomForPage();
    const { touched, state, nodePos, nodeNext, batch, entrySlots, entryEnds, batchWords, slotBytes } = this;
    let at = this.batchLength;
    let nEntries = this.nEntries;
    for (let t = 0; t < nTouched; t++) {
      const word = touched[t]!;
      const w = word * STRIDE;
      const positions = state[w + POS_COUNT]!;
      const start = at;
      const delta = page - state[w + LAST_PAGE]!;
      const head = delta * 2 + (positions !== 0 ? 1 : 0);
      at = leb128(batch, at, head);
      // 0x83, the delta, the positions' head, 0x80 (no meta positions).
      let cbor = 3 + cborSize(delta);
      if (positions !== 0) {
        at = leb128(batch, at, positions);
        cbor += cborSize(positions) - 1;
        let last = 0;
        for (let node = state[w + POS_HEAD]!; node >= 0; node = nodeNext[node]!) {
          const p = nodePos[node]!;
          at = leb128(batch, at, p - last);
          cbor += cborSize(p - last);
          last = p;
        }
      }
      let slot = state[w + BATCH]!;
      if (slot === 0) {
        slot = state[w + BATCH] = ++this.nBatchWords;
        batchWords[slot - 1] = word;
        slotBytes[slot - 1] = 0;
      }
      slotBytes[slot - 1]! += at - start;
      entrySlots[nEntries] = slot - 1;
      entryEnds[nEntries++] = at;
      state[w + LAST_PAGE] = page;
      state[w + PAGE_COUNT]!++;
      state[w + CBOR_BYTES]! += cbor;
    }
    this.batchLength = at;
    this.nEntries = nEntries;
  }

  /**
   * Room in the batch for the whole page at once (a number takes at most five bytes). Apart from endPage's
   * loop, as is the call to flushBatch: V8 compiles endPage again whenever a branch it never took is taken,
   * and both are first taken only after a few hundred pages.
   */
  private roomForPage(): void {
    const nTouched = this.nTouched;
    const room = this.batchLength + nTouched * 10 + this.nNodes * 5;
    if (this.batch.length < room) this.batch = grown(this.batch, room);
    if (this.entrySlots.length < this.nEntries + nTouched) {
      this.entrySlots = grown(this.entrySlots, this.nEntries + nTouched);
      this.entryEnds = grown(this.entryEnds, this.nEntries + nTouched);
    }
    if (this.batchWords.length < this.nBatchWords + nTouched) {
      this.batchWords = grown(this.batchWords, this.nBatchWords + nTouched);
      this.slotBytes = grown(this.slotBytes, this.nBatchWords + nTouched);
    }
  }

  /**
   * Sorts the batch's entries by word (a counting sort: each word's bytes are known) and appends each word's
   * run to its list at once. A list's tail lies at a random place in hundreds of megabytes; appending page by
   * page cost a cache miss per entry, 27 million of them at 10,000 bulletins. Entries name their word by its
   * slot in the batch, so that the sort's cursors sit in one small array rather than in the words' records.
   */
  private flushBatch(): void {
    const { state, batchWords, slotBytes, entrySlots, entryEnds, batch } = this;
    if (this.sorted.length < this.batchLength) this.sorted = grown(this.sorted, this.batchLength);
    const sorted = this.sorted;
    const nSlots = this.nBatchWords;
    let offset = 0;
    for (let i = 0; i < nSlots; i++) {
      const length = slotBytes[i]!;
      slotBytes[i] = offset;
      offset += length;
    }
    let from = 0;
    for (let e = 0; e < this.nEntries; e++) {
      const slot = entrySlots[e]!;
      const end = entryEnds[e]!;
      let to = slotBytes[slot]!;
      for (let k = from; k < end; k++) sorted[to++] = batch[k]!;
      slotBytes[slot] = to;
      from = end;
    }
    from = 0;
    for (let i = 0; i < nSlots; i++) {
      const word = batchWords[i]!;
      const end = slotBytes[i]!;
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
    const count = this.count;
    const words = new Array<string>(count);
    let astral = false;
    let high = false;
    for (let id = 0; id < count; id++) {
      const word = (words[id] = this.wordText(id));
      // A pair or triple holds only its units' characters and ASCII marks, so its units tell.
      if (this.classes[id] !== UNIT) continue;
      if (/[\ud800-\udfff]/.test(word)) astral = true;
      if (/[\ue000-\uffff]/.test(word)) high = true;
    }
    // UTF-16 order equals code point order unless surrogates meet characters above U+E000.
    const order = astral && high ? sortedBy(words, compareCodePoints) : radixSorted(words);
    return Array.from(order, (id, i) => {
      const word = words[id]!;
      // Two numbers naming one string would make Pagefind keep only the later list.
      if (i > 0 && words[order[i - 1]!] === word)
        throw new Error(`search index: the word ${JSON.stringify(word)} was built twice`);
      return { id, word, pages: this.state[id * STRIDE + PAGE_COUNT]!, bytes: this.state[id * STRIDE + CBOR_BYTES]! };
    });
  }

  /** Writes a word's posting entries as Pagefind's CBOR into out at offset; returns the offset after them. */
  copyPostings(id: number, out: Uint8Array, offset: number): number {
    const length = this.postings.length(id);
    if (this.compact.length < length) this.compact = new Uint8Array(length * 2);
    const s = this.compact;
    this.postings.copyTo(id, s, 0);
    // Most numbers are one LEB128 byte and one CBOR byte: those are read and written in line.
    let at = 0;
    while (at < length) {
      out[offset++] = 0x83;
      let head = s[at++]!;
      if (head >= 0x80) ((head = longLeb128(s, at - 1)), (at = longEnd));
      let n = Math.floor(head / 2);
      offset = n < 24 ? ((out[offset] = n), offset + 1) : cborHead(out, offset, n, 0);
      let positions = 0;
      if (head % 2 === 1) {
        positions = s[at++]!;
        if (positions >= 0x80) ((positions = longLeb128(s, at - 1)), (at = longEnd));
      }
      offset = positions < 24 ? ((out[offset] = 0x80 | positions), offset + 1) : cborHead(out, offset, positions, 0x80);
      for (let k = 0; k < positions; k++) {
        n = s[at++]!;
        if (n >= 0x80) ((n = longLeb128(s, at - 1)), (at = longEnd));
        offset = n < 24 ? ((out[offset] = n), offset + 1) : cborHead(out, offset, n, 0);
      }
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

/** Where the last longLeb128 ended. */
let longEnd = 0;

/** The LEB128 number at s[at] (of any length); sets longEnd to the offset after it. */
function longLeb128(s: Uint8Array, at: number): number {
  let n = 0;
  let scale = 1;
  for (;;) {
    const byte = s[at++]!;
    n += (byte & 0x7f) * scale;
    if (byte < 0x80) {
      longEnd = at;
      return n;
    }
    scale *= 0x80;
  }
}

/** Word ids in the order of their words under compare. */
function sortedBy(words: readonly string[], compare: (a: string, b: string) => number): Int32Array {
  return Int32Array.from(words.keys()).sort((a, b) => compare(words[a]!, words[b]!));
}

/** How many leading UTF-16 code units radixSorted orders by before comparing whole words. */
const RADIX_UNITS = 4;

/**
 * Word ids in the UTF-16 order of their words: a stable counting sort on each of the first four code units,
 * last first (an absent unit sorts first, as a shorter word does), then whole-word comparison only among words
 * that agree on those four and are longer. Most words (a triple of Han characters is "^" and three) are done by
 * the counting sorts, several times faster than sorting 300,000 strings by comparison.
 */
function radixSorted(words: readonly string[]): Int32Array {
  const n = words.length;
  // Each word's first code units (+1; 0 past its end), read once: the passes below then touch no string.
  const keys = new Uint32Array(n * RADIX_UNITS);
  for (let id = 0; id < n; id++) {
    const w = words[id]!;
    const length = Math.min(w.length, RADIX_UNITS);
    for (let k = 0; k < length; k++) keys[id * RADIX_UNITS + k] = w.charCodeAt(k) + 1;
  }
  let order = Int32Array.from(words.keys());
  let next = new Int32Array(n);
  const starts = new Int32Array(0x10002);
  for (let k = RADIX_UNITS - 1; k >= 0; k--) {
    starts.fill(0);
    for (let id = 0; id < n; id++) starts[keys[id * RADIX_UNITS + k]! + 1]!++;
    for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1]!;
    for (let i = 0; i < n; i++) {
      const id = order[i]!;
      next[starts[keys[id * RADIX_UNITS + k]!]!++] = id;
    }
    [order, next] = [next, order];
  }
  /** Whether two words agree on their first RADIX_UNITS code units (a shorter word counts its end). */
  const samePrefix = (a: number, b: number): boolean => {
    for (let k = 0; k < RADIX_UNITS; k++) if (keys[a * RADIX_UNITS + k] !== keys[b * RADIX_UNITS + k]) return false;
    return true;
  };
  for (let from = 0; from < n;) {
    let to = from + 1;
    let longer = words[order[from]!]!.length > RADIX_UNITS;
    while (to < n && samePrefix(order[from]!, order[to]!)) {
      longer ||= words[order[to]!]!.length > RADIX_UNITS;
      to++;
    }
    if (longer && to - from > 1) order.subarray(from, to).sort((a, b) => compareUtf16(words[a]!, words[b]!));
    from = to;
  }
  return order;
}

function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
