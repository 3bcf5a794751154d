// How the search index is split. Pagefind's indexer needs memory in proportion to the distinct
// (word, page) pairs of one index and runs on one core, so a large site is indexed as several bundles,
// two at a time, and pagefind.js merges them at query time (public/js/search.js). Small sites keep one
// bundle and its bytes per query.

/** Bulletins per bundle: about 1.4 GiB of indexer memory each with one word per Han character. */
export const SHARD_SIZE = 2_500;

/** Read by tests and benchmarks that need several bundles from a small corpus. */
export const SHARD_SIZE_ENV = "FANZHA_SEARCH_SHARD_SIZE";

/**
 * When there are several bundles, each page carries its bundle's number under this filter: search.js
 * searches bundle by bundle to keep a sort by date in order (see bundleOrdered there).
 */
export const BUNDLE_FILTER = "bundle";

/** The sub-bundles' folders inside `pagefind/`, listed in MANIFEST for the browser. */
export const MANIFEST_FILE = "shards.json";

export interface Shard {
  /** 0 is the primary bundle, `pagefind/`; others are `pagefind/<folder>`. */
  index: number;
  /** Relative to `pagefind/`, ending in `/`; "" for the primary bundle. */
  folder: string;
  start: number;
  end: number;
}

export function shardSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[SHARD_SIZE_ENV];
  if (raw === undefined || raw === "") return SHARD_SIZE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${SHARD_SIZE_ENV}: expected a whole number of bulletins ≥ 1, got ${JSON.stringify(raw)}`);
  return n;
}

/**
 * Contiguous runs of the bulletins in the order given (the site's, newest first), as even as possible:
 * k = ceil(n / size) bundles, so a site of at most `size` bulletins has exactly one. Depends on n and size
 * only, so the same content gives the same bundles on every build.
 */
export function shardPlan(n: number, size: number): Shard[] {
  const k = Math.max(1, Math.ceil(n / size));
  const shards: Shard[] = [];
  for (let i = 0; i < k; i++) {
    const start = Math.floor((i * n) / k);
    const end = Math.floor(((i + 1) * n) / k);
    shards.push({ index: i, folder: i === 0 ? "" : `shard-${i}/`, start, end });
  }
  return shards;
}

/** What search.js reads: the folders of the bundles to merge into the primary one. */
export function manifest(shards: readonly Shard[]): string {
  return `${JSON.stringify({ merge: shards.filter((s) => s.index > 0).map((s) => s.folder) })}\n`;
}
