// Measures the search bundle writer alone on the benchmark corpus (bench/corpus.ts): wall and CPU time and
// peak resident memory of this process, then leaves the bundle in a copy of a built site so that
// `npm run bench:search-bytes` can measure what a reader downloads. FANZHA_CHUNK_BYTES tries another chunk
// size (src/search/index-search.ts). The script runs with the V8 flags of `npm run build` (package.json), whose
// search worker has the same young generation: the collector's share of the writer's CPU depends on it.
// Usage: npm run bench:search -- <articles> <built sample site> [work dir]
import { cp, mkdir, rm, stat } from "node:fs/promises";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { generateCorpus } from "./corpus.ts";
import { startTreeSampler } from "./memory.ts";
import { loadSiteInParallel } from "../src/site.ts";
import { indexSearch } from "../src/search/index-search.ts";

const articles = Number(process.argv[2] ?? 1000);
const sample = process.argv[3];
if (!sample) throw new Error("usage: npm run bench:search -- <articles> <built sample site> [work dir]");
const work = resolve(process.argv[4] ?? `/tmp/fanzha-search-bench-${articles}`);
const contentDir = join(work, "content");
const exists = await stat(join(contentDir, "site.yaml")).then(
  () => true,
  () => false,
);
if (!exists) await generateCorpus({ articles, seed: 1, dir: contentDir });
const t0 = performance.now();
const site = await loadSiteInParallel({ root: resolve("."), contentDir, mode: "production" });
if (site.problems.length)
  throw new Error(`corpus has ${site.problems.length} problems, first: ${JSON.stringify(site.problems[0])}`);
console.log(`loaded ${site.bulletins.length} bulletins in ${Math.round(performance.now() - t0)} ms`);
const outDir = join(work, "site");
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
const load = loadavg()[0]!;
const chunkBytes = process.env.FANZHA_CHUNK_BYTES ? Number(process.env.FANZHA_CHUNK_BYTES) : undefined;
// What the process holds before the writer starts (the loaded model, which the build's worker does not have):
// the writer's own share of the peak is what it adds to this.
const rssBefore = process.memoryUsage.rss();
const sampler = await startTreeSampler(50);
const cpu0 = process.cpuUsage();
const stats = await indexSearch({ bulletins: site.bulletins, outDir, ...(chunkBytes ? { chunkBytes } : {}) });
const cpu = process.cpuUsage(cpu0);
const memory = await sampler.stop();
const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
console.log(
  JSON.stringify({
    articles,
    ...stats,
    cpuMs,
    // The memory sampler's own thread, part of cpuMs; the writer's share is what remains.
    samplerCpuMs: memory.samplerCpuMs,
    writerCpuMs: cpuMs - memory.samplerCpuMs,
    userMs: Math.round(cpu.user / 1000),
    systemMs: Math.round(cpu.system / 1000),
    peakTreeMiB: Math.round(memory.peakTreeRssBytes / 2 ** 20),
    rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
    loadBefore: load,
    loadAfter: loadavg()[0],
  }),
);
for (const part of ["search", "js", "css"]) await cp(join(sample, part), join(outDir, part), { recursive: true });
console.log(`site for npm run bench:search-bytes: ${outDir}`);
