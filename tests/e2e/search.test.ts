// Search through the real /search/ page in headless Chromium, on a corpus written for this test where the
// right answers are known by plain string matching over folded title + body: cross-script pairs, phrase
// precision and recall, filters, sort, ?q=, a PATH_PREFIX deploy, all under the site's CSP.
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { cspHeader } from "../../src/security.ts";
import { fold } from "../../src/text/script.ts";
import { launchChromium, watchPage } from "../helpers/browser.ts";
import { copyContent, writeBulletin } from "../helpers/content-copy.ts";
import { buildWith, tempDir } from "../helpers/site-build.ts";
import { serve, type Served } from "../../bench/static-server.ts";

interface Doc {
  slug: string;
  date: string;
  region: string;
  city: string | undefined;
  campaign?: string;
  type?: string;
  lang?: "zh-Hant";
  title: string;
  body: string;
}

// Titles and bodies chosen so that each query has hits in both scripts, and near misses: the characters
// of 电诈警情 scattered, 诈 and 骗 split by punctuation, 無錫 only in the other script.
const DOCS: Doc[] = [
  {
    slug: "hans-wuxi",
    date: "2023-08-29",
    region: "无锡",
    city: "无锡",
    campaign: "心盾",
    type: "刷单返利",
    title: "无锡警方通报一起刷单返利诈骗案",
    body: "近日，无锡市公安局破获一起刷单返利诈骗案件。今年以来全市电诈警情同比下降。",
  },
  {
    slug: "hant-wuxi",
    date: "2024-03-02",
    region: "無錫",
    city: "无锡",
    campaign: "心盾",
    lang: "zh-Hant",
    title: "無錫反詐中心提醒：謹防刷單返利",
    body: "無錫市民李先生在網上兼職刷單，被騙三萬元。民警提醒，凡是要求先墊付資金的兼職都是詐騙。",
  },
  {
    slug: "hant-suzhou",
    date: "2022-11-15",
    region: "蘇州",
    city: "苏州",
    campaign: "天网",
    lang: "zh-Hant",
    title: "蘇州警方公布電詐警情",
    body: "蘇州警方通報：上月電詐警情下降兩成，冒充客服類詐騙仍然高發。",
  },
  {
    slug: "hans-suzhou",
    date: "2024-06-01",
    region: "苏州",
    city: "苏州",
    campaign: "心盾",
    title: "苏州社区开展反诈宣传",
    body: "社区民警走进小区，讲解常见骗局，提醒居民接到陌生电话要多留个心眼。",
  },
  {
    slug: "scattered",
    date: "2023-05-20",
    region: "杭州",
    city: "杭州",
    type: "刷单返利",
    title: "杭州提醒：接到电话先核实",
    body: "有人冒充警方来电，诈称涉案，情况紧急。电话那头说的都是假话，警惕诈，骗子的话术千变万化。",
  },
  {
    slug: "hangzhou-plain",
    date: "2021-01-10",
    region: "杭州",
    city: "杭州",
    title: "杭州举办网络安全周活动",
    body: "活动现场设置了互动展台，市民踊跃参与。",
  },
];

// The last: several words must all be present (each searched as its own phrase, results intersected).
const QUERIES = [
  "诈骗",
  "詐騙",
  "无锡",
  "無錫",
  "刷单返利",
  "刷單返利",
  "电诈警情",
  "電詐警情",
  "民警提醒",
  "无锡 刷單",
];

function urlOf(d: Doc): string {
  const [y, m] = d.date.split("-");
  return `bulletins/${y}/${m}/${d.slug}/`;
}

function expectedFor(query: string): string[] {
  const terms = fold(query).split(/\s+/).filter(Boolean);
  return DOCS.filter((d) => terms.every((t) => fold(`${d.title}\n${d.body}`).includes(t)))
    .map(urlOf)
    .sort();
}

function frontMatter(d: Doc): string {
  const lines = ["---", `title: ${d.title}`, `date: ${d.date}`, `region: ${d.region}`];
  if (d.campaign) lines.push(`campaign: ${d.campaign}`);
  if (d.type) lines.push(`types: [${d.type}]`);
  if (d.lang) lines.push(`lang: ${d.lang}`);
  lines.push("---", "", d.body, "");
  return lines.join("\n");
}

async function searchSuite(t: TestContext): Promise<void> {
  const context: BrowserContext | undefined = await launchChromium(t);
  if (!context) return;
  const contentDir = copyContent({ bulletins: false });
  for (const d of DOCS) writeBulletin(contentDir, `${d.date.slice(0, 4)}/${d.slug}.md`, frontMatter(d));
  const servers: Served[] = [];
  const buildAndServe = async (prefix: string): Promise<Served> => {
    const outDir = join(tempDir("search-site"), "_site");
    await buildWith({ contentDir, outDir, search: true, env: { PATH_PREFIX: prefix } });
    const served = await serve({ root: outDir, prefix, headers: { "Content-Security-Policy": cspHeader() } });
    servers.push(served);
    return served;
  };

  /** A fresh page; the test fails on any console error, exception, failed request or CSP violation in it. */
  async function openPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await context!.newPage();
    const watched = await watchPage(page);
    return { page, problems: watched.errors };
  }

  async function settled(page: Page): Promise<string> {
    const status = page.locator("[data-search-status]");
    await page.waitForFunction(() =>
      /找到|没有找到|没有可搜索|不可用/.test(document.querySelector("[data-search-status]")?.textContent ?? ""),
    );
    return (await status.textContent()) ?? "";
  }

  async function resultPaths(page: Page, base: string): Promise<string[]> {
    const hrefs = await page
      .locator("[data-search-results] a")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    return hrefs.map((h) => new URL(h).pathname.slice(new URL(base).pathname.length));
  }

  async function search(page: Page, base: string, query: string): Promise<string[]> {
    await page.goto(`${base}search/?q=${encodeURIComponent(query)}`);
    await settled(page);
    return resultPaths(page, base);
  }

  const site = await buildAndServe("/");
  const prefixed = await buildAndServe("/some/prefix/");
  try {
    await t.test("every query returns exactly the bulletins holding it, in either script", async () => {
      const { page, problems } = await openPage();
      for (const q of QUERIES) {
        const expected = expectedFor(q);
        assert.ok(expected.length > 0, `the corpus must hold ${q}`);
        assert.deepEqual((await search(page, site.url, q)).sort(), expected, `results for ${q}`);
      }
      // The scattered page holds 电, 诈, 警 and 情 (and 诈，骗) but neither phrase.
      assert.ok(!expectedFor("电诈警情").includes(urlOf(DOCS[4]!)));
      assert.deepEqual(problems, []);
    });

    await t.test("a query with no match says so and suggests what to try", async () => {
      const { page, problems } = await openPage();
      assert.deepEqual(expectedFor("银行卡冻结"), []);
      assert.deepEqual(await search(page, site.url, "银行卡冻结"), []);
      assert.match((await page.locator("[data-search-status]").textContent()) ?? "", /没有找到/);
      assert.equal(await page.locator("[data-search-empty]").isVisible(), true);
      // Punctuation alone must not turn into "every bulletin".
      assert.deepEqual(await search(page, site.url, "，。！"), []);
      assert.match((await page.locator("[data-search-status]").textContent()) ?? "", /没有可搜索/);
      assert.deepEqual(problems, []);
    });

    await t.test(
      "results show title, date, region and an excerpt in the page's own script with the match marked",
      async () => {
        const { page } = await openPage();
        await search(page, site.url, "刷单");
        const hant = page.locator("[data-search-results] li", { hasText: "無錫反詐中心" });
        assert.match((await hant.textContent()) ?? "", /2024年3月2日/);
        assert.match((await hant.textContent()) ?? "", /江苏 › 无锡/);
        const marks = await hant.locator(".search-excerpt mark").allTextContents();
        assert.ok(marks.length > 0 && marks.every((m) => m === "刷單"), `marks ${JSON.stringify(marks)}`);
      },
    );

    await t.test("filters: OR within a facet, AND across facets, with counts", async () => {
      const { page, problems } = await openPage();
      await search(page, site.url, "诈骗");
      const label = (facet: string, value: string) =>
        page.locator(`[data-search-facets] input[name=${facet}][value="${value}"]`);
      const wuxiLabel = page.locator(`label[for="${await label("city", "无锡").getAttribute("id")}"]`);
      const expectedWuxi = expectedFor("诈骗").filter((u) => DOCS.find((d) => urlOf(d) === u)!.city === "无锡").length;
      assert.match((await wuxiLabel.textContent()) ?? "", new RegExp(`\\(${expectedWuxi}\\)`));
      await label("city", "无锡").check();
      await settled(page);
      await label("city", "苏州").check();
      await settled(page);
      await label("campaign", "心盾").check();
      await settled(page);
      const expected = expectedFor("诈骗")
        .filter((u) => {
          const d = DOCS.find((x) => urlOf(x) === u)!;
          return (d.city === "无锡" || d.city === "苏州") && d.campaign === "心盾";
        })
        .sort();
      assert.ok(expected.length >= 2);
      assert.deepEqual((await resultPaths(page, site.url)).sort(), expected);
      // The choice lives in the URL, so a shared link reproduces it.
      const shared = page.url();
      await page.goto(shared);
      await settled(page);
      assert.deepEqual((await resultPaths(page, site.url)).sort(), expected);
      assert.deepEqual(problems, []);
    });

    await t.test("several words: facet counts count the pages holding all of them", async () => {
      const { page, problems } = await openPage();
      const query = "苏州 诈骗";
      const expected = expectedFor(query);
      assert.deepEqual((await search(page, site.url, query)).sort(), expected);
      const facetText = (await page.locator("[data-search-facets]").innerText()).replace(/\s+/g, " ");
      for (const city of ["无锡", "苏州", "杭州"]) {
        const n = expected.filter((u) => DOCS.find((d) => urlOf(d) === u)!.city === city).length;
        if (n) assert.match(facetText, new RegExp(`${city} \\(${n}\\)`), facetText);
        else assert.doesNotMatch(facetText, new RegExp(`${city} \\(`), facetText);
      }
      assert.deepEqual(problems, []);
    });

    await t.test("sort by date puts the newest first", async () => {
      const { page } = await openPage();
      await page.goto(`${site.url}search/?q=${encodeURIComponent("詐騙")}&sort=date`);
      await settled(page);
      const paths = await resultPaths(page, site.url);
      const dates = paths.map((p) => DOCS.find((d) => urlOf(d) === p)!.date);
      assert.ok(dates.length >= 3);
      assert.deepEqual(dates, [...dates].sort().reverse());
      const facetText = (await page.locator("[data-search-facets]").innerText()).replace(/\s+/g, " ");
      for (const city of ["无锡", "苏州"]) {
        const n = expectedFor("詐騙").filter((u) => DOCS.find((d) => urlOf(d) === u)!.city === city).length;
        assert.match(facetText, new RegExp(`${city} \\(${n}\\)`), facetText);
      }
      await page.selectOption("select[name=sort]", "relevance");
      await settled(page);
      assert.doesNotMatch(page.url(), /sort=date/);
    });

    await t.test("keyboard: labelled box, submit with Enter, results as links, polite live status", async () => {
      const { page } = await openPage();
      await page.goto(`${site.url}search/`);
      await page.waitForFunction(() => document.querySelector("[data-search]")?.classList.contains("search-ready"));
      await page.focus("#search-q");
      await page.keyboard.type("無錫");
      await page.keyboard.press("Enter");
      await settled(page);
      assert.deepEqual((await resultPaths(page, site.url)).sort(), expectedFor("無錫"));
      await page.locator("[data-search-results] a").first().focus();
      assert.equal(await page.evaluate(() => document.activeElement?.closest("[data-search-results]") !== null), true);
      assert.equal(await page.locator("[data-search-status]").getAttribute("aria-live"), "polite");
      assert.equal(await page.locator("label[for=search-q]").count(), 1);
    });

    await t.test("under PATH_PREFIX and the CSP: search, follow a result, see the words highlighted", async () => {
      const { page, problems } = await openPage();
      const response = await page.goto(`${prefixed.url}search/?q=${encodeURIComponent("詐騙")}`);
      assert.match(response?.headers()["content-security-policy"] ?? "", /script-src 'self' 'wasm-unsafe-eval'/);
      await settled(page);
      // Without JavaScript the form still submits ?q= to the page itself, under the prefix.
      assert.equal(await page.locator("form.search-form").getAttribute("action"), "/some/prefix/search/");
      assert.equal(await page.locator("form.search-form").getAttribute("method"), "get");
      const paths = await resultPaths(page, prefixed.url);
      assert.deepEqual(paths.sort(), expectedFor("詐騙"));
      const link = page.locator("[data-search-results] a", { hasText: "無錫反詐中心" });
      assert.match((await link.getAttribute("href")) ?? "", /^\/some\/prefix\/bulletins\//);
      await link.click();
      await page.waitForSelector("mark.search-highlight");
      const marked = await page.locator("mark.search-highlight").allTextContents();
      assert.ok(marked.includes("詐騙"), `highlighted ${JSON.stringify(marked)}`);
      assert.deepEqual(problems, []);
    });
  } finally {
    for (const served of servers) await served.close();
    await context.close();
  }
}

test("search page in Chromium", { timeout: 300_000 }, (t) => searchSuite(t));
