// Writes the site's search bundle into `<outDir>/pagefind/` from the content model: the word index built here
// (src/search/word-index.ts) in Pagefind 1.6.0's format (src/search/pagefind-format.ts), one fragment per
// bulletin, the facets file, the fold table, and Pagefind's browser runtime, which answers the queries.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Bulletin } from "../model.ts";
import { foldPairs, serialiseFoldPairs } from "./fold-table.ts";
import { Cbor, entryJson, FilePacker, metaPayload, packFile, type MetaChunk } from "./pagefind-format.ts";
import { copyRuntime } from "./pagefind-runtime.ts";
import { facetsFile } from "./facets.ts";
import { pageFragment, searchRecord, type SearchRecord } from "./records.ts";
import { FACETS_FILE, FOLD_FILE, SEARCH_LANGUAGE } from "../../public/js/search-text.js";
import { WordIndexBuilder, type IndexWord } from "./word-index.ts";

export interface SearchStats {
  records: number;
  /** Distinct index words and the chunks they were written in. */
  words: number;
  chunks: number;
  /** Files written under `<outDir>/pagefind/`, and their bytes. */
  files: number;
  bytes: number;
  ms: number;
}

/**
 * Posting bytes (before gzip) gathered into one index chunk. A query fetches the whole chunk of each of its
 * words, and the metadata every search loads lists every chunk: the size weighs one against the other
 * (docs/performance.md).
 */
export const CHUNK_BYTES = 48 * 1024;

/** Pages indexed before their fragments are written (see writeSearchBundle). */
const FRAGMENTS_AT_ONCE = 64;

/** A page's fragment name: its number, which is also its rank in the site's date order. */
export function pageHash(page: number): string {
  return page.toString(36);
}

/**
 * Writes and counts the bundle's files. Synchronously: tens of thousands of small files cost half the CPU this
 * way that fs/promises spends on its file handles and thread hand-offs (docs/performance.md).
 */
class Writer {
  files = 0;
  bytes = 0;

  write(path: string, data: Uint8Array | string): void {
    this.files++;
    this.bytes += typeof data === "string" ? Buffer.byteLength(data) : data.length;
    writeFileSync(path, data);
  }
}

function contentHash(data: Uint8Array, length: number): string {
  return createHash("sha1").update(data).digest("hex").slice(0, length);
}

/** Groups the sorted words into chunks of about CHUNK_BYTES and writes each; returns the meta's chunk list. */
function writeChunks(
  builder: WordIndexBuilder,
  words: readonly IndexWord[],
  dir: string,
  writer: Writer,
  packer: FilePacker,
  chunkBytes: number,
): MetaChunk[] {
  const chunks: MetaChunk[] = [];
  const names = new Set<string>();
  const c = Cbor.signed(2 * chunkBytes);
  let start = 0;
  while (start < words.length) {
    let end = start;
    let size = 0;
    while (end < words.length && (end === start || size + words[end]!.bytes <= chunkBytes)) size += words[end++]!.bytes;
    c.reset();
    c.array(1).array(end - start);
    for (let i = start; i < end; i++) {
      const w = words[i]!;
      c.array(3).text(w.word).array(w.pages);
      c.length = builder.copyPostings(w.id, c.room(w.bytes), c.length);
      c.array(0);
    }
    const file = packer.signed(c.bytes());
    // Named by content, as Pagefind does, so that a cached chunk is never a stale one; lengthened on a clash.
    let length = 7;
    let hash = contentHash(file, length);
    while (names.has(hash)) hash = contentHash(file, ++length);
    names.add(hash);
    writer.write(join(dir, "index", `${hash}.pf_index`), file);
    chunks.push({ from: words[start]!.word, to: words[end - 1]!.word, hash });
    start = end;
  }
  return chunks;
}

export interface SearchOptions {
  outDir: string;
  chunkBytes?: number;
}

export function indexSearch(opts: SearchOptions & { bulletins: readonly Bulletin[] }): Promise<SearchStats> {
  return writeSearchBundle({ ...opts, records: opts.bulletins.map(searchRecord) });
}

export async function writeSearchBundle(
  opts: SearchOptions & {
    /**
     * In the site's order, newest first: page numbers follow it, so results come out in date order. Read once,
     * in order, so that a caller may let each record go once it is written (worker-thread.ts).
     */
    records: Iterable<SearchRecord>;
  },
): Promise<SearchStats> {
  const started = performance.now();
  const dir = join(opts.outDir, "pagefind");
  // A bundle left from an earlier build would keep stale chunks next to the new entry file.
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, "index"), { recursive: true });
  await mkdir(join(dir, "fragment"), { recursive: true });
  const writer = new Writer();
  // Level 1: for chunks 4 % larger than level 3 and 10 % larger than level 6, for 80 % and 35 % of their
  // compression time; for fragments 3 % larger than level 6, for three quarters of it (measured on these files).
  const packer = new FilePacker(1);
  const builder = new WordIndexBuilder();
  const hashes: string[] = [];
  const filters: Array<Record<string, string[]>> = [];
  // Pages are indexed a few dozen at a time and then their fragments written: done page by page, the index's
  // tables and zlib's state take turns evicting each other from the cache.
  let pending: SearchRecord[] = [];
  const writeFragments = () => {
    let page = hashes.length - pending.length;
    for (const r of pending)
      writer.write(join(dir, "fragment", `${hashes[page++]}.pf_fragment`), packer.fragment(pageFragment(r)));
    pending = [];
  };
  for (const r of opts.records) {
    filters.push(r.filters);
    hashes.push(pageHash(builder.addPage(r.title, r.text)));
    pending.push(r);
    if (pending.length === FRAGMENTS_AT_ONCE) writeFragments();
  }
  writeFragments();
  const words = builder.sortedWords();
  const chunks = writeChunks(builder, words, dir, writer, packer, opts.chunkBytes ?? CHUNK_BYTES);
  packer.close();
  // Scores are never used (search.js ranks), so every page gets the same word count: it gzips to nothing.
  const meta = packFile(metaPayload({ pages: hashes, wordCount: 1, chunks, metaFields: [] }));
  const metaHash = `${SEARCH_LANGUAGE}_${contentHash(meta, 10)}`;
  writer.write(join(dir, `pagefind.${metaHash}.pf_meta`), meta);
  writer.write(join(dir, "pagefind-entry.json"), entryJson(SEARCH_LANGUAGE, metaHash, hashes.length));
  writer.write(join(dir, FACETS_FILE), JSON.stringify(facetsFile(filters)));
  writer.write(join(dir, FOLD_FILE), serialiseFoldPairs(foldPairs()));
  await copyRuntime(dir);
  return {
    records: hashes.length,
    words: words.length,
    chunks: chunks.length,
    files: writer.files,
    bytes: writer.bytes,
    ms: Math.round(performance.now() - started),
  };
}
