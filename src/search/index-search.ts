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

/** Pagefind's own UIs and highlighter are not used: search.js talks to pagefind.js, highlight.js marks pages. */
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/;

export const FOLD_FILE = "fold-zh.txt";
const IN_FLIGHT = 32;

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
    // A bounded number of records in flight: the binary indexes while Node builds the next records, Node's
    // pipe buffer stays small, and the event loop stays free for page rendering running alongside.
    const inFlight = new Set<Promise<void>>();
    for (const b of opts.bulletins) {
      const sent: Promise<void> = index.addCustomRecord(searchRecord(b)).then((res) => {
        inFlight.delete(sent);
        if (res.errors.length) fail(`record ${b.sourcePath}`, res.errors);
      });
      sent.catch(() => undefined); // a failure surfaces through race/all below, once
      inFlight.add(sent);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
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
