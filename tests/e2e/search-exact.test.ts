// Exactness at scale, in Chromium: 1,000 generated bulletins plus decoys written for the purpose (a query's
// characters scattered, split between title and body, split by a line break, only in the other script), and
// for 60 queries the pages that search-engine.js finds through Pagefind's runtime against a plain substring
// scan of the folded titles and bodies: no false hit, no miss, every facet value's count equal.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { generateCorpus } from "../../bench/corpus.ts";
import { mulberry32 } from "../../bench/random.ts";
import { loadSite } from "../../src/site.ts";
import { fold } from "../../src/text/script.ts";
import { searchFilters } from "../../src/search/records.ts";
import { FACET_NAMES } from "../../public/js/search-text.js";
import { launchChromium, watchPage } from "../helpers/browser.ts";
import { writeBulletin } from "../helpers/content-copy.ts";
import { buildWith, ROOT, tempDir } from "../helpers/site-build.ts";
import { serve } from "../../bench/static-server.ts";

const GENERATED = 1000;

/** Phrases with decoys: each is also written scattered, split, broken by a line, and in Traditional. */
const TARGETS = ["电诈警情", "养老诈骗", "冒充客服", "刷单返利", "虚假投资理财", "跨境赌博"];

function decoys(target: string, i: number): Array<{ slug: string; title: string; body: string; lang?: "zh-Hant" }> {
  const chars = [...target];
  const half = Math.ceil(chars.length / 2);
  return [
    { slug: `scattered-${i}`, title: `提醒第${i}号`, body: `${chars.join("，")}。${chars.reverse().join("")}。` },
    {
      slug: `split-title-${i}`,
      title: `关于${chars.slice(0, half).join("")}`,
      body: `${chars.slice(half).join("")}的通报。`,
    },
    {
      slug: `split-line-${i}`,
      title: `通报第${i}号`,
      body: `近期${[...target].slice(0, half).join("")}\n\n${[...target].slice(half).join("")}案件多发。`,
    },
    {
      slug: `hant-${i}`,
      title: `警方通報第${i}號`,
      body: `${toTraditional(target)}案件高發，請提高警惕。`,
      lang: "zh-Hant",
    },
    {
      slug: `prefix-${i}`,
      title: `提示第${i}号`,
      body: `${[...target].slice(0, -1).join("")}之外，${[...target].slice(1).join("")}也要留意。`,
    },
  ];
}

/** The few Traditional forms the targets need (writing the decoys by hand keeps them the test's own). */
function toTraditional(s: string): string {
  const map: Record<string, string> = {
    电: "電",
    诈: "詐",
    骗: "騙",
    养: "養",
    刷: "刷",
    单: "單",
    虚: "虛",
    假: "假",
    资: "資",
    财: "財",
    跨: "跨",
    赌: "賭",
    务: "務",
  };
  return [...s].map((c) => map[c] ?? c).join("");
}

test(
  "search finds exactly the bulletins holding each query, at 1,000 bulletins with decoys",
  { timeout: 600_000 },
  async (t) => {
    const context = await launchChromium(t);
    if (!context) return;
    const contentDir = join(tempDir("exact-content"), "content");
    await generateCorpus({ articles: GENERATED, seed: 12, dir: contentDir });
    TARGETS.forEach((target, i) => {
      for (const d of decoys(target, i)) {
        const lines = [
          "---",
          `title: ${d.title}`,
          "date: 2024-05-01",
          "region: 无锡",
          ...(d.lang ? [`lang: ${d.lang}`] : []),
          "---",
          "",
          d.body,
          "",
        ];
        writeBulletin(contentDir, `2024/decoy-${d.slug}.md`, lines.join("\n"));
      }
    });
    const outDir = join(tempDir("exact-site"), "_site");
    await buildWith({ contentDir, outDir, search: true, env: { PATH_PREFIX: "/" } });
    const site = loadSite({ root: ROOT, contentDir, mode: "production" });
    assert.equal(site.problems.length, 0);
    const bulletins = site.bulletins;
    assert.ok(bulletins.length >= GENERATED + TARGETS.length * 5);

    // Queries: the targets, pieces of generated text of 1 to 12 characters, two-word queries, no-match ones.
    const rnd = mulberry32(5);
    const queries = new Set<string>(TARGETS);
    for (const t of TARGETS) queries.add(toTraditional(t));
    while (queries.size < 46) {
      const b = rnd.pick(bulletins);
      const source = rnd.int(0, 4) === 0 ? b.title : b.text;
      const runs = source.split(/[^\p{Script=Han}]+/u).filter((r) => r.length >= 1);
      if (!runs.length) continue;
      const run = rnd.pick(runs);
      const len = Math.min(run.length, rnd.pick([1, 2, 3, 4, 5, 6, 8, 12]));
      const at = rnd.int(0, run.length - len);
      queries.add(run.slice(at, at + len));
    }
    for (const q of ["无锡 刷单", "蘇州 詐騙", "养老 冒充", "诈骗 宣传", "电诈警情 无锡", "民警 提醒 群众"])
      queries.add(q);
    for (const q of ["银行卡冻结解冻", "量子纠缠", "电诈警情跨境赌博", "情警诈电"]) queries.add(q);
    assert.ok(queries.size >= 50, `${queries.size} queries`);

    const folded = bulletins.map((b) => ({ title: fold(b.title), body: fold(b.text) }));
    const truth = (q: string): number[] => {
      const terms = fold(q).split(/\s+/).filter(Boolean);
      return folded.flatMap((f, i) =>
        terms.every((term) => f.title.includes(term) || f.body.includes(term)) ? [i] : [],
      );
    };
    const filters = bulletins.map(searchFilters);
    const expectedCounts = (pages: number[]): Record<string, Record<string, number>> => {
      const counts: Record<string, Record<string, number>> = {};
      for (const facet of FACET_NAMES) counts[facet] = {};
      for (const p of pages)
        for (const facet of FACET_NAMES)
          for (const v of filters[p]![facet] ?? []) counts[facet]![v] = (counts[facet]![v] ?? 0) + 1;
      return counts;
    };

    const served = await serve({ root: outDir });
    const page = await context.newPage();
    const watched = await watchPage(page);
    try {
      await page.goto(`${served.url}search/`);
      await page.waitForFunction(() => document.querySelector("[data-search]")?.classList.contains("search-ready"));
      let withHits = 0;
      let decoyChecks = 0;
      for (const q of queries) {
        const found = await page.evaluate(
          async ({ q, bundle }) => {
            const engine = await import(new URL("/js/search-engine.js", location.href).href);
            const text = await import(new URL("/js/search-text.js", location.href).href);
            const w = window as unknown as { __bundle?: Promise<any> };
            w.__bundle ??= engine.openBundle(bundle);
            const { pf, fold, facets, pageCount } = await w.__bundle;
            const matches: Map<number, { result: any }> = await engine.matchingPages(
              pf,
              text.queryPhrases(q, fold),
              pageCount,
            );
            const pages = [...matches.keys()].sort((a, b) => a - b);
            const { counts } = engine.filterAndCount(facets, pages, {});
            const urls = await Promise.all(
              pages.slice(0, 3).map(async (p) => (await matches.get(p)!.result.data()).url as string),
            );
            return { pages, counts, urls };
          },
          { q, bundle: `${served.url}pagefind/` },
        );
        const expected = truth(q);
        assert.deepEqual(found.pages, expected, `pages for ${JSON.stringify(q)}`);
        const counts = expectedCounts(expected);
        for (const facet of FACET_NAMES) {
          const nonZero = Object.fromEntries(
            Object.entries(found.counts[facet] ?? {}).filter(([, n]) => (n as number) > 0),
          );
          assert.deepEqual(nonZero, counts[facet], `${facet} counts for ${JSON.stringify(q)}`);
        }
        assert.deepEqual(
          found.urls,
          expected.slice(0, 3).map((p) => bulletins[p]!.url),
          `page numbers name the right bulletins for ${q}`,
        );
        if (expected.length) withHits++;
        if (TARGETS.includes(q)) {
          // Of the decoys only the Traditional one holds the phrase.
          const decoyHits = expected.map((p) => bulletins[p]!.url).filter((u) => u.includes("/decoy-"));
          assert.deepEqual(
            decoyHits.map((u) => u.replace(/.*decoy-([a-z-]+)-\d+\/$/, "$1")),
            ["hant"],
            `decoys hit by ${q}`,
          );
          decoyChecks++;
        }
      }
      assert.ok(withHits >= 40, `${withHits} queries with hits`);
      assert.equal(decoyChecks, TARGETS.length);
      assert.deepEqual(watched.errors, []);
    } finally {
      await served.close();
      await context.close();
    }
  },
);
