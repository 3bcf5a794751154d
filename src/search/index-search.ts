// Writes the Pagefind bundles for the site from search records, through Pagefind's Node API. The Pagefind
// binary runs as a child process, so indexing proceeds while the caller renders pages: start it early,
// await it at the end. A large site is split into several bundles (src/search/shards.ts), indexed by
// separate binaries two at a time, and merged by the browser.
import { readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Bulletin, SiteSettings } from "../model.ts";
import { searchRecord, type SearchRecord } from "./records.ts";
import { foldPairs, serialiseFoldPairs } from "./fold-table.ts";
import { BUNDLE_FILTER, MANIFEST_FILE, manifest, shardPlan, shardSize, type Shard } from "./shards.ts";

export interface SearchStats {
  records: number;
  /** Bundles written: `pagefind/` and its merged sub-bundles. */
  bundles: number;
  /** Files written under `<outDir>/pagefind/`. */
  files: number;
  bytes: number;
  ms: number;
}

/** Pagefind's own UIs and highlighter are not used: search.js talks to pagefind.js, highlight.js marks pages. */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;
/** A merged bundle is searched by the primary bundle's pagefind.js, worker and WebAssembly. */
const RUNTIME_FILES = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

export const FOLD_FILE = "fold-zh.txt";
const IN_FLIGHT = 32;
/** The machine's two cores: one indexer each, the render sharing them while it lasts. */
const PARALLEL = 2;

/**
 * pagefind's Node API keeps one binary per loaded module and that binary indexes one message at a time,
 * so two indexes in one module do not run in parallel. Importing the module under distinct URLs gives
 * each bundle its own module instance, hence its own binary process.
 */
const PAGEFIND_URL = import.meta.resolve("pagefind");
type PagefindApi = typeof import("pagefind");

function fail(step: string, errors: readonly string[]): never {
  throw new Error(`search index: ${step} failed: ${errors.join("; ")}`);
}

async function treeSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

function shardRecord(b: Bulletin, shard: Shard, shards: number): SearchRecord {
  const record = searchRecord(b);
  if (shards > 1) record.filters[BUNDLE_FILTER] = [String(shard.index)];
  return record;
}

async function indexShard(shard: Shard, shards: number, bulletins: readonly Bulletin[], bundleDir: string): Promise<void> {
  const pagefind = (await import(`${PAGEFIND_URL}?bundle=${shard.index}`)) as PagefindApi;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) fail("createIndex", errors);
  try {
    // A bounded number of records in flight: the binary indexes while Node builds the next records, Node's
    // pipe buffer stays small, and the event loop stays free for page rendering running alongside.
    const inFlight = new Set<Promise<void>>();
    for (const b of bulletins.slice(shard.start, shard.end)) {
      const sent: Promise<void> = index.addCustomRecord(shardRecord(b, shard, shards)).then((res) => {
        inFlight.delete(sent);
        if (res.errors.length) fail(`record ${b.sourcePath}`, res.errors);
      });
      sent.catch(() => undefined); // a failure surfaces through race/all below, once
      inFlight.add(sent);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const outputPath = join(bundleDir, shard.folder);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) fail(`writeFiles ${outputPath}`, written.errors);
    const unused = shard.index === 0 ? UNUSED_FILES : new RegExp(`${UNUSED_FILES.source}|${RUNTIME_FILES.source}`);
    const names = await readdir(outputPath);
    await Promise.all(names.filter((n) => unused.test(n)).map((n) => rm(join(outputPath, n))));
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

/** Runs the tasks with at most `limit` at once; the first failure rejects once all started ones settle. */
async function pool(tasks: ReadonlyArray<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const lane = async (): Promise<void> => {
    while (next < tasks.length && !errors.length) {
      const task = tasks[next++]!;
      await task().catch((e: unknown) => void errors.push(e));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  if (errors.length) throw errors[0];
}

export async function indexSearch(opts: {
  site: SiteSettings;
  bulletins: readonly Bulletin[];
  outDir: string;
  /** Bulletins per bundle; default SHARD_SIZE, or FANZHA_SEARCH_SHARD_SIZE in `env` (default process.env). */
  shardSize?: number;
  env?: NodeJS.ProcessEnv;
}): Promise<SearchStats> {
  const started = performance.now();
  const bundleDir = join(opts.outDir, "pagefind");
  // A bundle left from an earlier build would keep stale chunks next to the new entry file.
  await rm(bundleDir, { recursive: true, force: true });
  const shards = shardPlan(opts.bulletins.length, opts.shardSize ?? shardSize(opts.env));
  await pool(shards.map((s) => () => indexShard(s, shards.length, opts.bulletins, bundleDir)), PARALLEL);
  await writeFile(join(bundleDir, FOLD_FILE), serialiseFoldPairs(foldPairs()));
  await writeFile(join(bundleDir, MANIFEST_FILE), manifest(shards));
  const { files, bytes } = await treeSize(bundleDir);
  return { records: opts.bulletins.length, bundles: shards.length, files, bytes, ms: Math.round(performance.now() - started) };
}
