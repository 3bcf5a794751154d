// The reader experience in headless Chromium on the built sample site: the 简/繁 switch converts a bulletin in
// place and the choice carries over to the next bulletin; the dark theme follows the system setting; the
// layout fits a phone and puts the related sidebar beside the text only on a wide screen. Screenshots of the
// home page and a bulletin at 375 px and 1280 px, light and dark, go to test-results/screenshots/.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test, type TestContext } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { cspHeader } from "../../src/security.ts";
import { seriousViolations } from "../helpers/axe.ts";
import { launchChromium, watchPage, type PageErrors } from "../helpers/browser.ts";
import { listFiles } from "../helpers/link-check.ts";
import { serve, type Served } from "../../bench/static-server.ts";
import { builtSite, ROOT, type BuiltSite } from "../helpers/site-build.ts";

const TIMEOUT_MS = 20_000;
const SCREENSHOTS = join(ROOT, "test-results", "screenshots");
const PREFIX = "/fanzha/";
const BULLETIN_FILE = /^bulletins\/\d{4}\/\d{2}\/[^/]+\/index\.html$/;

let site: BuiltSite;
let server: Served;

/** Paths of built bulletin pages whose <article> markup passes `test`, in a stable order. */
function bulletinsWhere(test: (article: string) => boolean): string[] {
  return listFiles(site.dir)
    .filter((f) => BULLETIN_FILE.test(f))
    .filter((f) => {
      const html = readFileSync(join(site.dir, f), "utf8");
      return test(html.slice(html.indexOf("<article"), html.indexOf("</article>")));
    })
    .map((f) => f.replace(/index\.html$/, ""));
}

/** Bulletins written in Simplified that mention 诈骗. */
function simplifiedBulletins(): string[] {
  return bulletinsWhere((article) => !/^<article[^>]*\blang="zh-Hant"/.test(article) && article.includes("诈骗"));
}

/** A page with every browser error recorded; fails the test at the end if any was seen. */
async function openPage(t: TestContext, context: BrowserContext): Promise<{ page: Page; watched: PageErrors }> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const watched = await watchPage(page);
  t.after(() => assert.deepEqual(watched.errors, [], `errors in the browser:\n${watched.errors.join("\n")}`));
  return { page, watched };
}

async function articleText(page: Page): Promise<string> {
  return page.locator("article.article").innerText();
}

describe("reader experience in Chromium", () => {
  before(async () => {
    // Under a path prefix, so the switch's lazily imported converter is shown to resolve below it too.
    site = await builtSite(PREFIX);
    server = await serve({ root: site.dir, prefix: site.prefix, headers: { "Content-Security-Policy": cspHeader() } });
  });
  after(() => server?.close());

  test("the 简/繁 switch converts the article in place and the choice carries to the next bulletins", async (t) => {
    const context = await launchChromium(t);
    if (!context) return;
    try {
      const { page } = await openPage(t, context);
      const [first, second] = simplifiedBulletins();
      assert.ok(first && second, "the sample needs two Simplified bulletins that mention 诈骗");
      await page.goto(server.url + first);
      assert.match(await articleText(page), /诈骗/);
      const button = page.locator("[data-script-switch]");
      await button.waitFor({ state: "visible" });
      assert.equal((await button.innerText()).trim(), "繁體");

      await button.click();
      await page.locator(`article.article[lang="zh-Hant"]`).waitFor();
      const converted = await articleText(page);
      assert.match(converted, /詐騙/);
      assert.doesNotMatch(converted, /诈骗/);
      assert.equal((await button.innerText()).trim(), "简体");
      assert.equal(await page.evaluate(() => localStorage.getItem("fanzha:script")), "zh-Hant");

      await page.goto(server.url + second);
      await page.locator(`article.article[lang="zh-Hant"]`).waitFor();
      assert.match(await articleText(page), /詐騙/);

      // And back: the original text returns exactly, and Simplified is remembered.
      const original = readFileSync(join(site.dir, second, "index.html"), "utf8");
      await page.locator("[data-script-switch]").click();
      await page.waitForFunction(() => !document.querySelector("article.article")?.hasAttribute("lang"));
      const restored = await page.locator("article.article h1").innerText();
      assert.ok(original.includes(`<h1>${restored}</h1>`), `headline not restored: ${restored}`);
      assert.equal(await page.evaluate(() => localStorage.getItem("fanzha:script")), "zh-Hans");

      // A Traditional bulletin is then shown in Simplified, through the other converter.
      const traditional = bulletinsWhere(
        (article) => /^<article[^>]*\blang="zh-Hant"/.test(article) && article.includes("詐騙"),
      )[0];
      assert.ok(traditional, "the sample needs a Traditional bulletin that mentions 詐騙");
      await page.goto(server.url + traditional);
      await page.locator(`article.article[lang="zh-Hans"]`).waitFor();
      assert.match(await articleText(page), /诈骗/);
      assert.doesNotMatch(await articleText(page), /詐騙/);
    } finally {
      await context.close();
    }
  });

  test("the dark theme follows prefers-color-scheme", async (t) => {
    const context = await launchChromium(t);
    if (!context) return;
    try {
      const { page } = await openPage(t, context);
      const luminance = async (): Promise<number> =>
        page.evaluate(() => {
          const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(Number);
          return (0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)) / 255;
        });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(server.url);
      const dark = await luminance();
      assert.ok(dark < 0.2, `dark theme background is not dark: luminance ${dark.toFixed(2)}`);
      await page.emulateMedia({ colorScheme: "light" });
      const light = await luminance();
      assert.ok(light > 0.8, `light theme background is not light: luminance ${light.toFixed(2)}`);
    } finally {
      await context.close();
    }
  });

  test("pages fit 375 px and 1280 px, light and dark; screenshots written", async (t) => {
    const context = await launchChromium(t);
    if (!context) return;
    try {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const { page } = await openPage(t, context);
      const bulletin = simplifiedBulletins()[0]!;
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
        for (const scheme of ["light", "dark"] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          for (const [name, path] of [
            ["home", ""],
            ["bulletin", bulletin],
          ] as const) {
            await page.goto(server.url + path);
            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            );
            assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
            const file = join(SCREENSHOTS, `${name}-${width}-${scheme}.png`);
            await page.screenshot({ path: file, fullPage: true });
            assert.ok(statSync(file).size > 10_000, `${file} is suspiciously small`);
          }
          // Where the related sidebar sits: beside the article on a wide screen, after it on a phone.
          const article = await page.locator("article.article").boundingBox();
          const aside = await page.locator(".article-aside").boundingBox();
          assert.ok(article && aside, "the bulletin has no article or sidebar box");
          if (width >= 1280)
            assert.ok(aside.x >= article.x + article.width, "the sidebar is not beside the article at 1280 px");
          else assert.ok(aside.y >= article.y + article.height, "the sidebar is not after the article at 375 px");
        }
      }
    } finally {
      await context.close();
    }
  });

  test("the dark theme keeps axe's contrast and other serious checks clean", async (t) => {
    const context = await launchChromium(t, { bypassCSP: true });
    if (!context) return;
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(TIMEOUT_MS);
      await page.emulateMedia({ colorScheme: "dark" });
      const problems: string[] = [];
      for (const path of ["", simplifiedBulletins()[0]!, "campaigns/", "404.html"]) {
        await page.goto(server.url + path);
        for (const v of await seriousViolations(page)) problems.push(`/${path}: ${v}`);
      }
      assert.deepEqual(problems, [], problems.join("\n"));
    } finally {
      await context.close();
    }
  });

  test("printing a bulletin prints the article alone, external link addresses and its own URL", async (t) => {
    const context = await launchChromium(t);
    if (!context) return;
    try {
      const { page } = await openPage(t, context);
      const withLink = listFiles(site.dir).find(
        (f) =>
          BULLETIN_FILE.test(f) && /class="prose"[\s\S]*<a href="https?:/.test(readFileSync(join(site.dir, f), "utf8")),
      );
      assert.ok(withLink, "no sample bulletin links to another site");
      await page.goto(server.url + withLink.replace(/index\.html$/, ""));
      await page.emulateMedia({ media: "print" });
      for (const selector of [
        ".masthead",
        ".hotline-bar",
        ".site-footer",
        ".article-aside",
        ".prev-next",
        "[data-script-switch]",
      ]) {
        assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} is printed`);
      }
      assert.ok(await page.locator("article.article").isVisible());
      const printUrl = page.locator(".print-url");
      assert.ok(await printUrl.isVisible(), "the bulletin's URL is not printed");
      assert.match(await printUrl.innerText(), new RegExp(`${site.siteUrl.replace(/\./g, "\\.")}${PREFIX}bulletins/`));
      const after = await page
        .locator(`.prose a[href^="http"]`)
        .first()
        .evaluate((a) => getComputedStyle(a, "::after").content);
      const href = await page.locator(`.prose a[href^="http"]`).first().getAttribute("href");
      assert.ok(after.includes(href!), `the printed link does not show its address: ${after}`);
      await page.emulateMedia({ media: "screen" });
      assert.equal(await printUrl.isVisible(), false, "the print-only URL shows on screen");
    } finally {
      await context.close();
    }
  });

  test("at 360 px the text can be enlarged to 200% without sideways scrolling", async (t) => {
    const context = await launchChromium(t);
    if (!context) return;
    try {
      const { page } = await openPage(t, context);
      await page.setViewportSize({ width: 360, height: 740 });
      for (const path of ["", simplifiedBulletins()[0]!, "regions/", "campaigns/xindun/", "404.html"]) {
        await page.goto(server.url + path);
        await page.evaluate(() => {
          document.documentElement.style.fontSize = "200%";
        });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `/${path} with text at 200% scrolls sideways by ${overflow} px`);
      }
    } finally {
      await context.close();
    }
  });
});
