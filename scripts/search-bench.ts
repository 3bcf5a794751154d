// Measures indexSearch alone: wall time and peak resident memory of this process and its children (the
// Pagefind binary), sampled from /proc. Usage: npx tsx scripts/search-bench.ts <count> [outDir]
import { readFileSync, readdirSync } from "node:fs";
import { indexSearch } from "../src/search/index-search.ts";
import { syntheticBulletins } from "./search-corpus.ts";
import type { SiteSettings } from "../src/model.ts";

function rssOfTree(pid: number): number {
  let kb = 0;
  const kids = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(name)]);
    } catch {}
  }
  const walk = (p: number): void => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    } catch {}
    for (const k of kids.get(p) ?? []) walk(k);
  };
  walk(pid);
  return kb * 1024;
}

const count = Number(process.argv[2] ?? 1000);
const outDir = process.argv[3] ?? `/tmp/search-bench-${count}`;
const t0 = performance.now();
const bulletins = syntheticBulletins(count);
console.log(`corpus ${count} in ${Math.round(performance.now() - t0)} ms`);
const site = { url: "https://example.org", pathPrefix: "/" } as SiteSettings;
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, rssOfTree(process.pid))), 250);
const stats = await indexSearch({ site, bulletins, outDir });
clearInterval(timer);
console.log(JSON.stringify({ ...stats, peakMiB: Math.round(peak / 2 ** 20) }));
