// Times computeRelated on the benchmark's generated corpus (bench/corpus.ts), loaded as a real build
// loads it: `npm run bench:related -- [articles] [repeat]`.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { PerformanceObserver } from "node:perf_hooks";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCorpus } from "./corpus.ts";
import { loadSite } from "../src/site.ts";
import { computeRelated } from "../src/related/index.ts";

const articles = Number(process.argv[2] ?? 1000);
const repeat = Number(process.argv[3] ?? 1);
// RELATED_CORPUS=<dir> reuses (or creates and keeps) a generated corpus between runs.
const keep = process.env.RELATED_CORPUS;
const dir = keep ?? (await mkdtemp(join(tmpdir(), "related-corpus-")));
try {
  if (!keep || !existsSync(join(dir, "content")))
    await generateCorpus({ articles, seed: 1, dir: join(dir, "content") });
  const site = loadSite({ root: process.cwd(), contentDir: join(dir, "content"), mode: "production" });
  const han = site.bulletins.reduce((s, b) => s + (b.text.match(/\p{Script=Han}/gu)?.length ?? 0), 0);
  const runs: string[] = [];
  let related = new Map<string, ReturnType<typeof computeRelated> extends Map<string, infer E> ? E : never>();
  const rssBefore = process.memoryUsage().rss;
  let gcMs = 0;
  let counting = false;
  const gc = new PerformanceObserver((list) => {
    if (counting) for (const e of list.getEntries()) gcMs += e.duration;
  });
  gc.observe({ entryTypes: ["gc"] });
  for (let r = 0; r < repeat; r++) {
    counting = true;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    related = computeRelated(site.bulletins, { ...site.settings.related, now: site.now });
    const cpu = process.cpuUsage(cpu0);
    await new Promise((r) => setTimeout(r, 50));
    counting = false;
    runs.push(`${Math.round(performance.now() - t0)} ms wall / ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU`);
  }
  const entries = [...related.values()].flat();
  console.log(
    JSON.stringify({
      bulletins: site.bulletins.length,
      hanPerBulletin: Math.round(han / site.bulletins.length),
      runs,
      gcMs: Math.round(gcMs),
      rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      fallbacks: entries.filter((e) => e.fallback).length,
      textReasons: entries.filter((e) => e.reasons.includes("内容相近")).length,
      entries: entries.length,
    }),
  );
} finally {
  if (!keep) await rm(dir, { recursive: true, force: true });
}
