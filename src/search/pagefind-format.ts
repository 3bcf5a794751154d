// The files of a Pagefind 1.6.0 bundle, written from Node: what pagefind.js and its WebAssembly read. The format
// is Pagefind's internal one (CBOR behind a signature, gzipped), learnt from the runtime's decoders and from
// bundles the 1.6.0 binary writes; no other version is promised to read it, hence PAGEFIND_VERSION and the test
// that fails when the installed package is another version.
import { gunzipSync, gzipSync } from "node:zlib";
import { Gzipper } from "./gzip.ts";

/** The only Pagefind whose runtime reads what this module writes. */
export const PAGEFIND_VERSION = "1.6.0";

/** Every file but pagefind-entry.json is gzip of this signature followed by the payload. */
const SIGNATURE = Buffer.from("pagefind_dcd");

/** A growable CBOR writer for the few major types the bundle uses. */
export class Cbor {
  private buf: Buffer;
  length = 0;

  /** `start`: bytes at the front that are not CBOR (the signature of a signed writer). */
  private constructor(
    initial: number,
    private readonly start: number,
  ) {
    this.buf = Buffer.allocUnsafe(initial);
    this.length = start;
  }

  static plain(initial = 1024): Cbor {
    return new Cbor(initial, 0);
  }

  /** A writer whose bytes begin with Pagefind's signature, so that FilePacker gzips them without a copy. */
  static signed(initial = 1024): Cbor {
    const c = new Cbor(initial + SIGNATURE.length, SIGNATURE.length);
    c.buf.set(SIGNATURE);
    return c;
  }

  /** Starts over, keeping the buffer (and the signature, when signed). */
  reset(): void {
    this.length = this.start;
  }

  /** Makes room for n more bytes; returns the buffer to write them into from `length`. */
  room(n: number): Buffer {
    if (this.length + n <= this.buf.length) return this.buf;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.length);
    return (this.buf = next);
  }

  private head(major: number, n: number): this {
    if (n >= 0x100000000) throw new Error(`CBOR: ${n} does not fit the bundle's 32-bit numbers`);
    this.room(5);
    this.length = cborHead(this.buf, this.length, n, major << 5);
    return this;
  }

  uint(n: number): this {
    return this.head(0, n);
  }

  text(s: string): this {
    const len = Buffer.byteLength(s);
    this.head(3, len);
    this.room(len);
    this.length += this.buf.write(s, this.length);
    return this;
  }

  array(n: number): this {
    return this.head(4, n);
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

/** Bytes of the CBOR head of n, as cborHead writes it. */
export function cborSize(n: number): number {
  return n < 24 ? 1 : n < 0x100 ? 2 : n < 0x10000 ? 3 : 5;
}

/**
 * The CBOR head of n (below 2^32) into s at `at`; `major` is the major type in its top three bits (0 an
 * unsigned number, 0x80 an array). Returns the offset after it.
 */
export function cborHead(s: Uint8Array, at: number, n: number, major: number): number {
  if (n < 24) {
    s[at] = major | n;
    return at + 1;
  }
  return cborLongHead(s, at, n, major);
}

function cborLongHead(s: Uint8Array, at: number, n: number, major: number): number {
  if (n < 0x100) {
    s[at++] = major | 24;
    s[at++] = n;
  } else if (n < 0x10000) {
    s[at++] = major | 25;
    s[at++] = n >>> 8;
    s[at++] = n & 0xff;
  } else {
    s[at++] = major | 26;
    s[at++] = n >>> 24;
    s[at++] = (n >>> 16) & 0xff;
    s[at++] = (n >>> 8) & 0xff;
    s[at++] = n & 0xff;
  }
  return at;
}

/** A file as pagefind.js fetches it: gzip of the signature and the payload. */
export function packFile(payload: Uint8Array, level = 6): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, payload]), { level });
}

/** The inverse of packFile, for tests and tools. */
export function unpackFile(file: Uint8Array): Buffer {
  const raw = gunzipSync(file);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error("not a Pagefind file: signature missing");
  return raw.subarray(SIGNATURE.length);
}

export interface MetaChunk {
  from: string;
  to: string;
  hash: string;
}

/**
 * pagefind.<hash>.pf_meta: the version, every page (its fragment name and word count; 1.6.0 writes a third,
 * empty field), the index chunks by word range, the filter files, the sorts and the meta fields.
 */
export function metaPayload(opts: {
  pages: readonly string[];
  wordCount: number;
  chunks: readonly MetaChunk[];
  metaFields: readonly string[];
}): Buffer {
  const c = Cbor.plain(64 + opts.pages.length * 8 + opts.chunks.length * 32);
  c.array(6).text(PAGEFIND_VERSION);
  c.array(opts.pages.length);
  for (const hash of opts.pages) c.array(3).text(hash).uint(opts.wordCount).text("");
  c.array(opts.chunks.length);
  for (const chunk of opts.chunks) c.array(3).text(chunk.from).text(chunk.to).text(chunk.hash);
  c.array(0); // filters: facets travel in their own file (src/search/facets.ts)
  c.array(0); // sorts: pages are numbered in the site's date order already
  c.array(opts.metaFields.length);
  for (const field of opts.metaFields) c.text(field);
  return c.bytes();
}

/** pagefind-entry.json: the version and the one language index. */
export function entryJson(language: string, metaHash: string, pageCount: number): string {
  return `${JSON.stringify({ version: PAGEFIND_VERSION, languages: { [language]: { hash: metaHash, wasm: null, page_count: pageCount } }, include_characters: [] })}\n`;
}

/**
 * Files as pagefind.js fetches them, like packFile, for the bundle's thousands of chunks and fragments: through
 * one gzip stream, and spelt into buffers kept from file to file. A file returned is valid until the next call.
 */
export class FilePacker {
  private readonly gzipper: Gzipper;
  /** Where fragments are spelt before gzip, behind the signature. */
  private fragmentBuffer = Buffer.allocUnsafe(1 << 16);

  /** `level`: gzip's. */
  constructor(level: number) {
    this.gzipper = new Gzipper(level);
  }

  /** The file of bytes that already begin with the signature (Cbor.signed). */
  signed(signed: Uint8Array): Buffer {
    if (!SIGNATURE.equals(signed.subarray(0, SIGNATURE.length))) throw new Error("FilePacker: no signature in front");
    return this.gzipper.gzip(signed);
  }

  /** A page's fragment: what `result.data()` resolves to. */
  fragment(f: { url: string; content: string; meta: Record<string, string> }): Buffer {
    const json = JSON.stringify({
      url: f.url,
      content: f.content,
      word_count: 0,
      filters: {},
      meta: f.meta,
      anchors: [],
    });
    // UTF-8 takes at most three bytes for each UTF-16 code unit.
    if (this.fragmentBuffer.length < SIGNATURE.length + json.length * 3)
      this.fragmentBuffer = Buffer.allocUnsafe(SIGNATURE.length + json.length * 3);
    SIGNATURE.copy(this.fragmentBuffer);
    const end = SIGNATURE.length + this.fragmentBuffer.write(json, SIGNATURE.length);
    return this.signed(this.fragmentBuffer.subarray(0, end));
  }

  close(): void {
    this.gzipper.close();
  }
}
