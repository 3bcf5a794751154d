// How much heap the loaded content model holds per bulletin, on the benchmark corpus: the part of the build's
// memory that grows with the site and stays for the whole render.
// Usage: npm run bench:model-memory -- [articles, default 10000]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateCorpus } from "./corpus.ts";
import { loadSite } from "../src/site.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (npm run bench:model-memory)");
const articles = Number(process.argv[2] ?? 10000);
const contentDir = join(mkdtempSync(join(tmpdir(), "fanzha-model-memory-")), "content");
await generateCorpus({ articles, seed: 1, dir: contentDir });

const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const before = heap();
const site = loadSite({ root: resolve("."), contentDir, mode: "production" });
const held = heap() - before;
const n = site.bulletins.length;
const chars = (pick: (b: (typeof site.bulletins)[number]) => string) =>
  Math.round(site.bulletins.reduce((sum, b) => sum + pick(b).length, 0) / n);
console.log(
  `${n} bulletins: model ${(held / 2 ** 20).toFixed(0)} MiB, ${(held / n / 1024).toFixed(1)} KiB a bulletin ` +
    `(HTML ${chars((b) => b.html)} and text ${chars((b) => b.text)} characters, two bytes each)`,
);
console.log(`corpus left in ${contentDir}`);
