// Readers on phones and the readers fraud targets most, in headless Chromium at 375 × 667 and 1280 × 800, on
// a site of 1,000 generated bulletins (the bench corpus) served under a path prefix with the site's CSP:
// search results before the filters, the filters folded on a phone and working, the text size (字号) kept
// across pages without sideways scrolling at 200 %, 朗读 against a recording stub of speechSynthesis, touch
// targets of at least 44 × 44 on every kind of page, and the printed poster's QR code decoded back to the
// bulletin's canonical URL. Screenshots of each go to test-results/screenshots/.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test, type TestContext } from "node:test";
import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import type { BrowserContext, Page } from "playwright-core";
import { generateCorpus } from "../../bench/corpus.ts";
import { cspHeader } from "../../src/security.ts";
import { seriousViolations } from "../helpers/axe.ts";
import { launchChromium, watchPage, type LaunchOptions } from "../helpers/browser.ts";
import { listFiles } from "../helpers/link-check.ts";
import { serve, type Served } from "../../bench/static-server.ts";
import { BUILD_ENV, ROOT, buildWith, tempDir } from "../helpers/site-build.ts";

// jsqr is CommonJS with an ES-style default in its types: under NodeNext the default import is the module.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

const ARTICLES = 1000;
const PREFIX = "/fanzha/";
const TIMEOUT_MS = 20_000;
const SCREENSHOTS = join(ROOT, "test-results", "screenshots");
const PHONE = { width: 375, height: 667 };
const WIDE = { width: 1280, height: 800 };
/** A search a reader would type, common enough in the generated corpus to fill several screens. */
const QUERY = "养老";
/** Smallest target, in CSS px (WCAG 2.5.5); half a pixel of layout rounding allowed. */
const MIN_TARGET = 44 - 0.5;
/** What a finger must hit: buttons and form controls, filter options, every link in a navigation list, the hotline. */
const TARGETS =
  "button, select, input[type=search], nav a, .chips a, .term-cards a, [data-search-facets] label, .hotline-bar a";

let dir: string;
let server: Served;
let files: string[];

/** Paths (under the prefix) of built bulletin pages whose <article> opening tag passes `test`. */
function bulletins(test: (articleTag: string) => boolean): string[] {
  return files
    .filter((f) => /^bulletins\/\d{4}\/\d{2}\/[^/]+\/index\.html$/.test(f))
    .filter((f) => {
      const html = readFileSync(join(dir, f), "utf8");
      return test(html.slice(html.indexOf("<article"), html.indexOf(">", html.indexOf("<article")) + 1));
    })
    .map((f) => f.replace(/index\.html$/, ""));
}

const simplified = () => bulletins((tag) => !tag.includes('lang="zh-Hant"'));

/** A browser context and page; the test fails on any console error, exception, failed request or CSP violation. */
async function open(
  t: TestContext,
  options: LaunchOptions = {},
): Promise<{ context: BrowserContext; page: Page } | undefined> {
  const context = await launchChromium(t, options);
  if (!context) return undefined;
  t.after(() => context.close());
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const watched = await watchPage(page);
  t.after(() => assert.deepEqual(watched.errors, [], `errors in the browser:\n${watched.errors.join("\n")}`));
  return { context, page };
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** How far the page scrolls sideways, in px (0 or less: it does not). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The number in the search status line (找到 N 条结果). */
async function resultCount(page: Page): Promise<number> {
  await page.waitForFunction(() =>
    /找到 \d+ 条结果|没有找到/.test(document.querySelector("[data-search-status]")?.textContent ?? ""),
  );
  return Number(/找到 (\d+) 条结果/.exec((await page.locator("[data-search-status]").textContent()) ?? "")?.[1] ?? 0);
}

/** Every page kind of the site, as paths under the prefix. */
function pageKinds(): Record<string, string> {
  const listing = files.find((f) => /^regions\/[a-z0-9-]+\/page\/2\/index\.html$/.test(f));
  assert.ok(listing, "no region listing has a second page");
  const year = files.find((f) => /^archive\/\d{4}\/index\.html$/.test(f));
  assert.ok(year, "no year archive");
  return {
    home: "",
    bulletin: simplified()[0]!,
    listing: listing.replace(/page\/2\/index\.html$/, ""),
    "listing-page-2": listing.replace(/index\.html$/, ""),
    regions: "regions/",
    campaigns: "campaigns/",
    types: "types/",
    archive: "archive/",
    year: year.replace(/index\.html$/, ""),
    search: `search/?q=${encodeURIComponent(QUERY)}`,
    "not-found": "404.html",
  };
}

/**
 * A recording stand-in for the browser's speech synthesis, as page script: `__tts.spoken` lists what was
 * asked, `__tts.end()` finishes the current utterance. Plain text rather than a function, because tsx adds
 * helpers to compiled functions that do not exist in the page.
 */
function speechStub(voices: Array<{ name: string; lang: string }>): { content: string } {
  return {
    content: `(() => {
  const spoken = [];
  let current;
  class Utterance extends EventTarget {
    constructor(text = "") { super(); this.text = text; this.lang = ""; this.voice = null; }
  }
  const synth = new EventTarget();
  synth.paused = false;
  synth.voices = ${JSON.stringify(voices)}.map((v) => ({ ...v, voiceURI: v.name, default: false, localService: true }));
  synth.getVoices = () => synth.voices;
  synth.speak = (u) => { spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null }); current = u; };
  synth.cancel = () => { spoken.push({ cancel: true }); current = undefined; };
  synth.pause = () => { synth.paused = true; };
  synth.resume = () => { synth.paused = false; };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
  window.__tts = { spoken, synth, end() { const u = current; current = undefined; if (u) u.dispatchEvent(new Event("end")); } };
})();`,
  };
}

type Tts = {
  spoken: Array<{ text?: string; lang?: string; voice?: string | null; cancel?: true }>;
  synth: EventTarget & { paused: boolean; voices: unknown[] };
  end(): void;
};
const spoken = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tts: Tts }).__tts.spoken.filter((s) => !s.cancel));
const highlighted = (page: Page) =>
  page.evaluate(() => {
    const registry = CSS.highlights as unknown as Map<string, Set<AbstractRange>>;
    return [...(registry.get("read-aloud") ?? [])].map((r) => (r as Range).toString()).join("");
  });

describe("readers on phones, and the readers fraud targets most", () => {
  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const contentDir = tempDir("readers-content");
    await generateCorpus({ articles: ARTICLES, seed: 17, dir: contentDir });
    dir = join(tempDir("readers-site"), "_site");
    await buildWith({ contentDir, outDir: dir, search: true, env: { PATH_PREFIX: PREFIX } });
    files = listFiles(dir);
    server = await serve({ root: dir, prefix: PREFIX, headers: { "Content-Security-Policy": cspHeader() } });
  });
  after(() => server?.close());

  test(`search results come first at 375 × 667 and 1280 × 800 on a site of ${ARTICLES} bulletins`, async (t) => {
    const opened = await open(t);
    if (!opened) return;
    const { page } = opened;
    assert.ok(
      files.filter((f) => f.startsWith("bulletins/")).length >= ARTICLES,
      "the site has fewer bulletins than generated",
    );
    for (const viewport of [PHONE, WIDE]) {
      await page.setViewportSize(viewport);
      await page.goto(`${server.url}search/?q=${encodeURIComponent(QUERY)}`);
      const count = await resultCount(page);
      assert.ok(count > 10, `“${QUERY}” found only ${count} results: too few to show anything`);
      const first = page.locator("[data-search-results] > li").first();
      await first.waitFor();
      const top = await first.evaluate((el) => el.getBoundingClientRect().top + scrollY);
      assert.ok(
        top < viewport.height,
        `at ${viewport.width} px the first result starts at ${top} px, below the first screen (${viewport.height} px)`,
      );
      const status = await page.locator("[data-search-status]").boundingBox();
      assert.ok(status && status.y + status.height <= viewport.height, "the result count is not in the first screen");
      const panel = page.locator("[data-filter-panel]");
      const toggle = page.locator("[data-filter-toggle]");
      if (viewport === PHONE) {
        assert.equal(await panel.isVisible(), false, "the filters are not folded on a phone");
        assert.equal(await toggle.isVisible(), true, "no 筛选 button on a phone");
      } else {
        assert.equal(await toggle.isVisible(), false, "the 筛选 button shows on a wide screen");
        await page.locator("[data-search-facets] input").first().waitFor();
        const side = await panel.boundingBox();
        const results = await page.locator("[data-search-results]").boundingBox();
        assert.ok(side && results, "no filter or result box");
        assert.ok(side.x + side.width <= results.x, "the filters are not beside the results");
        assert.ok(
          side.y < results.y + results.height && results.y < side.y + side.height,
          "the filters and the results do not share a row",
        );
      }
      await shot(page, `search-${viewport.width}`);
    }
  });

  test("on a phone the filters open as a panel, a filter changes the results and the count, Escape closes it", async (t) => {
    const opened = await open(t);
    if (!opened) return;
    const { page } = opened;
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}search/?q=${encodeURIComponent(QUERY)}`);
    const before = await resultCount(page);
    const toggle = page.locator("[data-filter-toggle]");
    const panel = page.locator("[data-filter-panel]");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    assert.equal(await panel.isVisible(), true, "筛选 does not open the panel");
    assert.ok(await panel.evaluate((p) => p.contains(document.activeElement)), "the focus did not move into the panel");

    // A year with fewer results than the whole search.
    const option = page
      .locator(`[data-search-facets] label:has(input[name="year"])`)
      .filter({ hasNotText: `(${before})` })
      .first();
    const year = await option.locator("input").getAttribute("value");
    const expected = Number(/\((\d+)\)/.exec(await option.innerText())?.[1]);
    assert.ok(year && expected > 0 && expected < before, `no year narrows the ${before} results`);
    await shot(page, "search-filters-open-375");
    await option.click();
    await page.waitForFunction(
      (n) => new RegExp(`找到 ${n} 条结果`).test(document.querySelector("[data-search-status]")?.textContent ?? ""),
      expected,
    );
    assert.equal(
      (await page.locator("[data-filter-count]").innerText()).trim(),
      "1",
      "the 筛选 button does not show one active filter",
    );
    assert.match(page.url(), new RegExp(`[?&]year=${year}`));

    await page.keyboard.press("Escape");
    assert.equal(await panel.isVisible(), false, "Escape does not close the panel");
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.ok(await toggle.evaluate((b) => b === document.activeElement), "closing did not return the focus to 筛选");
    assert.equal(await resultCount(page), expected);
    const dates = await page.locator("[data-search-results] .search-result-meta").allInnerTexts();
    assert.ok(
      dates.length > 0 && dates.every((d) => d.includes(year)),
      `results outside ${year}:\n${dates.join("\n")}`,
    );
    const top = await page
      .locator("[data-search-results] > li")
      .first()
      .evaluate((el) => el.getBoundingClientRect().top + scrollY);
    assert.ok(top < PHONE.height, `with a filter the first result starts at ${top} px`);
    await shot(page, "search-filtered-375");

    // Keyboard: the panel opens from the button and its options take the focus in order.
    await toggle.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    assert.ok(
      await panel.evaluate((p) => p.contains(document.activeElement)),
      "Tab from the panel's heading leaves the panel",
    );
  });

  test("the text size goes to 200 %, carries to the next page, and never scrolls sideways", async (t) => {
    const opened = await open(t);
    if (!opened) return;
    const { page } = opened;
    const kinds = pageKinds();
    await page.setViewportSize(PHONE);
    await page.goto(server.url);
    const plus = page.locator("[data-text-size-control] button[data-step='1']");
    const rootSize = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const base = await rootSize();
    for (let i = 0; i < 4; i++) await plus.click();
    assert.equal(await rootSize(), base * 2, "four presses of A+ are not 200 %");
    assert.equal(await plus.isDisabled(), true, "A+ goes past 200 %");
    for (const viewport of [PHONE, WIDE]) {
      await page.setViewportSize(viewport);
      for (const [kind, path] of Object.entries(kinds)) {
        await page.goto(server.url + path);
        assert.equal(await rootSize(), base * 2, `the text size did not carry to ${kind}`);
        const over = await sideways(page);
        assert.ok(over <= 0, `${kind} (/${path}) at 200 % and ${viewport.width} px scrolls sideways by ${over} px`);
        if (kind === "bulletin" || kind === "search") await shot(page, `text-200-${kind}-${viewport.width}`);
      }
    }
    await page.locator("[data-text-size-control] button[data-step='-1']").click();
    assert.equal(await rootSize(), base * 1.75);
    await page.goto(server.url);
    assert.equal(await rootSize(), base * 1.75, "a smaller size is not remembered");
  });

  test("without JavaScript the text-size and 朗读 buttons stay hidden and the pages still read", async (t) => {
    const opened = await open(t, { javaScriptEnabled: false });
    if (!opened) return;
    const { page } = opened;
    await page.goto(server.url + simplified()[0]!);
    assert.equal(await page.locator("[data-text-size-control]").isVisible(), false);
    assert.equal(await page.locator("[data-read-aloud]").isVisible(), false);
    assert.ok((await page.locator("article .prose").innerText()).length > 500);
  });

  test("朗读 speaks the title first, then the body sentence by sentence, highlighted, with pause and stop", async (t) => {
    const opened = await open(t);
    if (!opened) return;
    const { page } = opened;
    await page.addInitScript(
      speechStub([
        { name: "Stub English", lang: "en-US" },
        { name: "Stub Putonghua", lang: "zh-CN" },
        { name: "Stub Taiwan", lang: "zh-TW" },
      ]),
    );
    await page.setViewportSize(PHONE);
    const path = simplified()[0]!;
    const player = () => server.log.filter((r) => r.path.endsWith("/js/read-aloud-player.js")).length;
    const loadedBefore = player();
    await page.goto(server.url + path);
    const box = page.locator("[data-read-aloud]");
    await box.waitFor({ state: "visible" });
    assert.equal(player(), loadedBefore, "the player was loaded before anyone pressed 朗读");
    const play = page.locator("[data-read-aloud-play]");
    await play.click();
    await page.waitForFunction(() => (window as unknown as { __tts: Tts }).__tts.spoken.some((s) => s.text));
    assert.equal(player(), loadedBefore + 1, "the player was not loaded on demand");
    const title = (await page.locator("article h1").innerText()).trim();
    const [first] = await spoken(page);
    assert.deepEqual(
      first,
      { text: title, lang: "zh-CN", voice: "Stub Putonghua" },
      "the title is not spoken first, in a zh-CN voice",
    );
    assert.equal(await highlighted(page), title);
    assert.equal((await play.innerText()).trim(), "暂停");

    await page.evaluate(() => (window as unknown as { __tts: Tts }).__tts.end());
    await page.waitForFunction(
      () => (window as unknown as { __tts: Tts }).__tts.spoken.filter((s) => s.text).length === 2,
    );
    const second = (await spoken(page))[1]!;
    const paragraph = (await page.locator("article .prose p").first().innerText()).replace(/\s+/g, "");
    assert.ok(
      second.text && paragraph.startsWith(second.text.replace(/\s+/g, "")),
      `the body does not start with its first sentence: ${second.text}`,
    );
    assert.equal(await highlighted(page), second.text, "the sentence being read is not the one highlighted");
    await shot(page, "read-aloud-375");
    await page.setViewportSize(WIDE);
    await shot(page, "read-aloud-1280");

    await play.click();
    assert.equal((await play.innerText()).trim(), "继续");
    assert.equal(
      await page.evaluate(() => (window as unknown as { __tts: Tts }).__tts.synth.paused),
      true,
      "暂停 does not pause",
    );
    await play.click();
    assert.equal(
      await page.evaluate(() => (window as unknown as { __tts: Tts }).__tts.synth.paused),
      false,
      "继续 does not resume",
    );
    await page.locator("[data-read-aloud-stop]").click();
    assert.equal((await play.innerText()).trim(), "朗读");
    assert.equal(await page.locator("[data-read-aloud-stop]").isVisible(), false);
    assert.equal(await highlighted(page), "", "the highlight stays after 停止");
    const spokenCount = (await spoken(page)).length;
    await page.evaluate(() => (window as unknown as { __tts: Tts }).__tts.end());
    assert.equal((await spoken(page)).length, spokenCount, "speech goes on after 停止");

    // Read to the end: one utterance a sentence, so more utterances than the title and the body's blocks.
    await play.click();
    const blocks = await page.locator("article .prose :is(p, h2, h3, li)").count();
    await page.evaluate(() => {
      const { end } = (window as unknown as { __tts: Tts }).__tts;
      for (let i = 0; i < 5000; i++) end();
    });
    const all = (await spoken(page)).slice(spokenCount);
    assert.equal(all[0]?.text, title, "朗读 after 停止 does not start again from the title");
    assert.ok(
      all.length > blocks + 1,
      `${all.length} utterances for a title and ${blocks} blocks: the body is not read by sentence`,
    );
    assert.equal((await play.innerText()).trim(), "朗读", "the player does not return to 朗读 at the end");

    // A Traditional bulletin is read in a Taiwan or Hong Kong voice.
    const traditional = bulletins((tag) => tag.includes('lang="zh-Hant"'))[0];
    assert.ok(traditional, "the corpus has no Traditional bulletin");
    await page.goto(server.url + traditional);
    await page.locator("[data-read-aloud-play]").click();
    await page.waitForFunction(() => (window as unknown as { __tts: Tts }).__tts.spoken.some((s) => s.text));
    const [hant] = await spoken(page);
    assert.deepEqual(hant, {
      text: (await page.locator("article h1").innerText()).trim(),
      lang: "zh-TW",
      voice: "Stub Taiwan",
    });
  });

  test("朗读 is absent without a Chinese voice or without speech synthesis, and appears when a voice arrives late", async (t) => {
    const opened = await open(t);
    if (!opened) return;
    const { page, context } = opened;
    const path = simplified()[0]!;
    await page.addInitScript(speechStub([{ name: "Stub English", lang: "en-US" }]));
    await page.goto(server.url + path);
    const box = page.locator("[data-read-aloud]");
    await page.evaluate(() =>
      (window as unknown as { __tts: Tts }).__tts.synth.dispatchEvent(new Event("voiceschanged")),
    );
    assert.equal(await box.isVisible(), false, "朗读 shows with only an English voice");
    // Voices often load after the page: the button appears when a Chinese one does.
    await page.evaluate(() => {
      const { synth } = (window as unknown as { __tts: Tts }).__tts;
      synth.voices.push({ name: "Stub Putonghua", lang: "zh-CN" });
      synth.dispatchEvent(new Event("voiceschanged"));
    });
    await box.waitFor({ state: "visible" });

    const bare = await context.newPage();
    await bare.addInitScript({ content: "delete window.speechSynthesis; delete Window.prototype.speechSynthesis;" });
    await bare.goto(server.url + path);
    await bare.locator("article h1").waitFor();
    assert.equal(await bare.evaluate(() => "speechSynthesis" in window), false);
    assert.equal(await bare.locator("[data-read-aloud]").isVisible(), false, "朗读 shows without speech synthesis");
  });

  test("every button, filter option, pager and navigation link is at least 44 × 44 on every kind of page", async (t) => {
    const opened = await open(t);
    if (!opened) return;
    const { page } = opened;
    await page.addInitScript(speechStub([{ name: "Stub Putonghua", lang: "zh-CN" }]));
    const small: string[] = [];
    let measured = 0;
    for (const viewport of [PHONE, WIDE]) {
      await page.setViewportSize(viewport);
      for (const [kind, path] of Object.entries(pageKinds())) {
        await page.goto(server.url + path);
        if (kind === "search") {
          await page.locator("[data-search-facets] input").first().waitFor({ state: "attached" });
          if (viewport === PHONE) await page.locator("[data-filter-toggle]").click();
          await page.locator("[data-search-facets] label").first().waitFor();
        }
        if (kind === "bulletin") await page.locator("[data-read-aloud]").waitFor();
        const boxes = await page.locator(TARGETS).evaluateAll((els) =>
          els
            .filter((el) => el.checkVisibility())
            .map((el) => {
              const r = el.getBoundingClientRect();
              const name = (el.textContent ?? "").trim().slice(0, 20) || el.getAttribute("aria-label") || el.tagName;
              return {
                what: `${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ")[0] : ""} “${name}”`,
                width: r.width,
                height: r.height,
              };
            }),
        );
        assert.ok(boxes.length > 0, `${kind}: no target found`);
        measured += boxes.length;
        for (const b of boxes) {
          if (b.width < MIN_TARGET || b.height < MIN_TARGET)
            small.push(`${kind} at ${viewport.width} px: ${b.what} is ${b.width.toFixed(1)} × ${b.height.toFixed(1)}`);
        }
        if (kind === "search" || kind === "listing") await shot(page, `targets-${kind}-${viewport.width}`);
      }
    }
    assert.deepEqual(small, [], `targets under 44 × 44:\n${small.join("\n")}`);
    assert.ok(measured > 200, `only ${measured} targets measured`);
  });

  test("a printed bulletin carries a QR code of its canonical URL beside the 96110 hotline, on paper only", async (t) => {
    const opened = await open(t);
    if (!opened) return;
    const { page } = opened;
    const path = simplified()[0]!;
    await page.goto(server.url + path);
    const canonical = await page.locator(`link[rel="canonical"]`).getAttribute("href");
    assert.equal(canonical, `${BUILD_ENV.SITE_URL}${PREFIX}${path}`);
    const poster = page.locator(".print-poster");
    assert.equal(await poster.isVisible(), false, "the poster strip shows on screen");
    await page.emulateMedia({ media: "print" });
    assert.equal(await poster.isVisible(), true, "the poster strip is not printed");
    assert.match(await poster.innerText(), /96110/);
    const png = PNG.sync.read(await poster.locator("svg.qr").screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(code, `no QR code found in the printed ${png.width} × ${png.height} px image`);
    assert.equal(code.data, canonical);
    // Beside the hotline: the code and the words share a row.
    const qr = await poster.locator("svg.qr").boundingBox();
    const words = await poster.locator(".print-poster-call").boundingBox();
    assert.ok(
      qr && words && words.x >= qr.x + qr.width && words.y < qr.y + qr.height,
      "the hotline is not beside the code",
    );
    await page.setViewportSize({ width: 794, height: 1123 }); // an A4 sheet at 96 dpi
    await shot(page, "print-qr", true);
  });

  test("axe finds nothing serious on the folded and open filters, 朗读 and 200 % text", async (t) => {
    const opened = await open(t, { bypassCSP: true });
    if (!opened) return;
    const { page } = opened;
    await page.addInitScript(speechStub([{ name: "Stub Putonghua", lang: "zh-CN" }]));
    await page.setViewportSize(PHONE);
    const problems: string[] = [];
    const check = async (what: string) => {
      for (const v of await seriousViolations(page)) problems.push(`${what}: ${v}`);
    };
    await page.goto(`${server.url}search/?q=${encodeURIComponent(QUERY)}`);
    await resultCount(page);
    await check("search, filters folded");
    await page.locator("[data-filter-toggle]").click();
    await page.locator("[data-search-facets] label").first().waitFor();
    await check("search, filters open");
    await page.goto(server.url + simplified()[0]!);
    await page.locator("[data-read-aloud]").waitFor();
    for (let i = 0; i < 4; i++) await page.locator("[data-text-size-control] button[data-step='1']").click();
    await check("bulletin at 200 % with 朗读");
    assert.deepEqual(problems, [], problems.join("\n"));
  });
});
