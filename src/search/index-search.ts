// Writes the Pagefind bundle for the site from search records, through Pagefind's Node API. The Pagefind
// binary runs as a child process, so indexing proceeds while the caller renders pages: start it early,
// await it at the end.
import { readdir, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";
import type { Bulletin, SiteSettings } from "../model.ts";
import { searchRecord } from "./records.ts";
import { foldPairs, serialiseFoldPairs } from "./fold-table.ts";

export interface SearchStats {
  records: number;
  /** Files written under `<outDir>/pagefind/`. */
  files: number;
  bytes: number;
  ms: number;
}

/** Files the bundle needs in the browser; Pagefind's own UIs are not used (search.js talks to pagefind.js). */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui)\.(js|css)$/;

export const FOLD_FILE = "fold-zh.txt";

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

export async function indexSearch(opts: {
  site: SiteSettings;
  bulletins: readonly Bulletin[];
  outDir: string;
}): Promise<SearchStats> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) fail("createIndex", errors);
  try {
    // Sent in one burst: the service queues the messages and the binary indexes while Node moves on.
    const added = await Promise.all(opts.bulletins.map((b) => index.addCustomRecord(searchRecord(b))));
    for (const [i, res] of added.entries()) {
      if (res.errors.length) fail(`record ${opts.bulletins[i]!.sourcePath}`, res.errors);
    }
    const bundleDir = join(opts.outDir, "pagefind");
    // A bundle left from an earlier build would keep stale chunks next to the new entry file.
    await rm(bundleDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length) fail("writeFiles", written.errors);
    const names = await readdir(bundleDir);
    await Promise.all(names.filter((n) => UNUSED_FILES.test(n)).map((n) => rm(join(bundleDir, n))));
    await writeFile(join(bundleDir, FOLD_FILE), serialiseFoldPairs(foldPairs()));
    const { files, bytes } = await treeSize(bundleDir);
    return { records: opts.bulletins.length, files, bytes, ms: Math.round(performance.now() - started) };
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
