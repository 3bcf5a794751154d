// A reader in headless Chromium on the built sample site, served on 127.0.0.1 with the site's CSP header:
// home → bulletin → related headline → region → campaign → pages of a list → search with a filter. The
// same journey runs at the root and under a path prefix. Every step fails on a console error, an uncaught
// exception, a failed or 4xx/5xx request, or a CSP violation.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test, type TestContext } from "node:test";
import type { Locator, Page } from "playwright-core";
import { cspHeader } from "../../src/security.ts";
import { launchChromium, watchPage, type PageErrors } from "../helpers/browser.ts";
import { listFiles } from "../helpers/link-check.ts";
import { serve } from "../../bench/static-server.ts";
import { builtSite, type BuiltSite } from "../helpers/site-build.ts";

const TIMEOUT_MS = 15_000;
const BULLETIN_PATH = /\/bulletins\/\d{4}\/\d{2}\/[a-z0-9-]+\/$/;

/** Clicks a link and waits until the browser is on its target; returns the target. */
async function follow(page: Page, link: Locator): Promise<URL> {
  const href = await link.getAttribute("href");
  assert.ok(href, "the link has no href");
  const target = new URL(href, page.url());
  await Promise.all([page.waitForURL(target.href, { timeout: TIMEOUT_MS }), link.click()]);
  return target;
}

async function heading(page: Page): Promise<string> {
  return (await page.locator("main h1").first().innerText()).trim();
}

/** The listing the reader pages through: 江苏 when it has a pager, else the first listing that has one. */
function pagedListing(site: BuiltSite): string | undefined {
  const files = listFiles(site.dir);
  if (files.includes("regions/jiangsu/page/2/index.html")) return "regions/jiangsu/";
  return files.find((f) => f.endsWith("/page/2/index.html"))?.replace(/page\/2\/index\.html$/, "");
}

async function journey(t: TestContext, site: BuiltSite): Promise<void> {
  const context = await launchChromium(t);
  if (!context) return;
  const server = await serve({
    root: site.dir,
    prefix: site.prefix,
    headers: { "Content-Security-Policy": cspHeader() },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const watched: PageErrors = await watchPage(page);
  /** A step, then no error may have been seen during it. */
  const step = (name: string, body: (st: TestContext) => Promise<void>) =>
    t.test(name, async (st) => {
      watched.errors.length = 0;
      await body(st);
      assert.deepEqual(watched.errors, [], `errors in the browser during "${name}":\n${watched.errors.join("\n")}`);
      assert.ok(page.url().startsWith(server.url), `left the site or its prefix: ${page.url()}`);
    });

  try {
    await step("opens the home page and a bulletin from it", async () => {
      await page.goto(server.url);
      assert.match(await page.title(), /反诈快报/);
      const target = await follow(page, page.locator(`main a[href*="/bulletins/"]`).first());
      assert.match(target.pathname, BULLETIN_PATH);
      assert.ok((await heading(page)).length > 0, "the bulletin has no headline");
      assert.equal((await page.locator("article time[datetime]").count()) > 0, true, "the bulletin shows no <time>");
    });

    await step("follows a related headline", async () => {
      const related = page.locator(`aside.related a[href*="/bulletins/"]`);
      assert.ok((await related.count()) > 0, "the bulletin has no related headlines (aside.related)");
      const title = (await related.first().innerText()).trim();
      const target = await follow(page, related.first());
      assert.match(target.pathname, BULLETIN_PATH);
      assert.equal(await heading(page), title, "the related headline and the page it opens disagree");
    });

    await step("opens the bulletin's region page, then a campaign page", async () => {
      if ((await page.locator(`article a[href*="/campaigns/"]`).count()) === 0) {
        // Not every bulletin reports on a campaign; the home page lists some that do.
        await page.goto(server.url);
        await follow(page, page.locator(`main li:has(a[href*="/campaigns/"]) a[href*="/bulletins/"]`).first());
      }
      const bulletin = page.url();
      const region = page.locator(`article a[href*="/regions/"]`).last();
      const regionName = (await region.innerText()).trim();
      assert.match((await follow(page, region)).pathname, /\/regions\/[a-z0-9-]+\/$/);
      assert.equal(await heading(page), regionName);
      assert.ok((await page.locator(`main a[href*="/bulletins/"]`).count()) > 0, "the region page lists no bulletin");

      await page.goto(bulletin);
      const campaign = page.locator(`article a[href*="/campaigns/"]`).first();
      const campaignName = (await campaign.innerText()).trim();
      assert.match((await follow(page, campaign)).pathname, /\/campaigns\/[a-z0-9-]+\/$/);
      assert.equal(await heading(page), campaignName);
      assert.ok((await page.locator(`main a[href*="/bulletins/"]`).count()) > 0, "the campaign page lists no bulletin");
    });

    await step("pages through a list and back", async () => {
      const listing = pagedListing(site);
      assert.ok(listing, "no listing of the sample site has a second page: nothing to page through");
      await page.goto(server.url + listing);
      const firstPage = await page.locator(`main a[href*="/bulletins/"]`).allInnerTexts();
      const pager = page.locator("nav.pager");
      assert.match((await follow(page, pager.locator(`a[rel="next"]`))).pathname, /\/page\/2\/$/);
      assert.equal(await pager.locator(`[aria-current="page"]`).innerText(), "2");
      const secondPage = await page.locator(`main a[href*="/bulletins/"]`).allInnerTexts();
      assert.ok(secondPage.length > 0, "page 2 lists no bulletin");
      assert.ok(!secondPage.some((title) => firstPage.includes(title)), "page 2 repeats bulletins of page 1");
      assert.ok(
        (await follow(page, pager.locator(`a[rel="prev"]`))).pathname.endsWith(`/${listing}`),
        "上一页 does not lead back to page 1",
      );
    });

    await step("searches in Traditional script and narrows by city", async () => {
      await page.goto(server.url);
      await page.locator(`main form[role="search"] input[name="q"]`).fill("詐騙");
      await Promise.all([
        page.waitForURL(/\/search\/\?q=/),
        page.locator(`main form[role="search"] button[type="submit"]`).click(),
      ]);
      const results = page.locator("[data-search-results] > li");
      await results.first().waitFor();
      const status = page.locator("[data-search-status]");
      const before = Number(/(\d+)/.exec(await status.innerText())?.[1]);
      assert.ok(before > 1, `“詐騙” found ${before} results`);

      const wuxi = page.locator(`[data-search-facets] input[name="city"][value="无锡"]`);
      await wuxi.check();
      await page.waitForFunction(() => /[?&]city=/.test(location.search));
      await page.waitForFunction((n) => {
        const m = /(\d+) 条结果/.exec(document.querySelector("[data-search-status]")?.textContent ?? "");
        return m !== null && Number(m[1]) < n;
      }, before);
      const metas = await page.locator("[data-search-results] > li .search-result-meta").allInnerTexts();
      assert.ok(metas.length > 0, "the 无锡 filter left no result");
      assert.ok(
        metas.every((m) => m.includes("无锡")),
        `results outside 无锡:\n${metas.join("\n")}`,
      );

      const target = await follow(page, results.first().locator("a").first());
      assert.match(target.pathname, BULLETIN_PATH);
    });
  } finally {
    await context.close();
    await server.close();
  }
}

test("a reader's journey through the site", async (t) => {
  await journey(t, await builtSite());
});

test("the same journey under the path prefix /fanzha/", async (t) => {
  await journey(t, await builtSite("/fanzha/"));
});
