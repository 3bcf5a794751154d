// The search bundle written on a worker thread is the bundle written in process, byte for byte; a worker that
// fails rejects with its cause instead of leaving the build waiting.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadSite } from "../src/site.ts";
import { indexSearch } from "../src/search/index-search.ts";
import { indexSearchInWorker } from "../src/search/worker.ts";
import { ROOT, tempDir } from "./helpers/site-build.ts";
import { fileContents } from "./helpers/files.ts";

const { bulletins } = loadSite({ root: ROOT, mode: "production", env: { SOURCE_DATE_EPOCH: "1780000000" } });

test("the worker writes the same bundle as the main thread", async () => {
  const inProcess = tempDir("search-main");
  const inWorker = tempDir("search-worker");
  await indexSearch({ bulletins, outDir: inProcess });
  const stats = await indexSearchInWorker(bulletins, inWorker).done;
  assert.equal(stats.records, bulletins.length);
  assert.deepEqual(fileContents(inWorker), fileContents(inProcess));
  // Its own thread's CPU, start-up included, which the build reports as the search phase's.
  assert.ok((stats.threadCpuMs ?? 0) > 0, `the worker reported ${stats.threadCpuMs} ms of CPU on its thread`);
});

test("a worker that fails rejects with its cause", async () => {
  const blocked = join(tempDir("search-blocked"), "a-file");
  writeFileSync(blocked, "not a folder");
  await assert.rejects(indexSearchInWorker(bulletins, blocked).done, /ENOTDIR|not a directory/);
});
