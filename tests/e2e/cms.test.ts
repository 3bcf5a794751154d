// The web editor at /admin/ in Chromium, on Decap's local backend over a temporary copy of the content:
// a bulletin created through the form (Chinese title, region found by typing 无锡, a campaign, a type) lands
// as a file that `npm run check` accepts and a build publishes at its URL; editing an existing bulletin's
// title changes that file and no other. The page runs under its own CSP and any violation fails the test.
// A screenshot of the filled form goes to test-results/screenshots/ (and to docs/images/ with
// UPDATE_SCREENSHOTS=1, for the README).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test, type TestContext } from "node:test";
import matter from "gray-matter";
import type { BrowserContext, Page } from "playwright-core";
import { ADMIN_PATH } from "../../src/cms/config.ts";
import { startLocalBackend, type LocalBackend } from "../../src/cms/local-backend.ts";
import { slugify } from "../../src/importer/slug.ts";
import { adminCspDirectives, cspHeader } from "../../src/security.ts";
import { launchChromium, watchPage } from "../helpers/browser.ts";
import { listFiles } from "../helpers/link-check.ts";
import { serve, type Served } from "../../bench/static-server.ts";
import { buildWith, ROOT, tempDir } from "../helpers/site-build.ts";

const TIMEOUT_MS = 30_000;
const TITLE = "无锡警方破获冒充电商客服退款诈骗案";
const EXISTING = "2023/wuxi-tianwang-xindun-2023";
const SCREENSHOT = "cms-editor.png";

let repo: string;
let backend: LocalBackend;
let server: Served;

function contentFiles(): Map<string, string> {
  const dir = join(repo, "content");
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

function check(): { status: number | null; output: string } {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", join(ROOT, "src/commands/check.ts"), "--content", join(repo, "content")],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The editor, logged in to the local backend, with every browser error recorded for the end of the test. */
async function openEditor(t: TestContext, context: BrowserContext, hash: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  const watched = await watchPage(page);
  t.after(() => assert.deepEqual(watched.errors, [], `errors in the browser:\n${watched.errors.join("\n")}`));
  await page.goto(`${server.url}${ADMIN_PATH.slice(1)}`);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByText("通报").first().waitFor();
  await page.goto(`${server.url}${ADMIN_PATH.slice(1)}${hash}`);
  await page.locator("#nc-root [aria-label='string field'] input").first().waitFor();
  return page;
}

async function pick(page: Page, field: string, typed: string, option: string): Promise<void> {
  const input = page.locator(`input[id^='${field}-field-']`);
  await input.click();
  await input.pressSequentially(typed);
  await page.getByRole("option", { name: option, exact: true }).click();
}

async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "发布" }).first().click();
  await page.getByText("立即发布").click();
  await page.getByText("内容已保存").waitFor();
}

describe("the web editor at /admin/ on the local backend", () => {
  before(async () => {
    repo = tempDir("cms-repo");
    cpSync(join(ROOT, "content"), join(repo, "content"), { recursive: true });
    backend = await startLocalBackend({ repo });
    const outDir = join(tempDir("cms-site"), "_site");
    await buildWith({
      outDir,
      contentDir: join(repo, "content"),
      search: false,
      env: { DECAP_LOCAL_BACKEND: backend.url, PATH_PREFIX: "/" },
    });
    const admin = cspHeader(
      adminCspDirectives({
        backend: { name: "github", repo: "fanzha-press/fanzha-press", branch: "main" },
        localBackend: backend.url,
      }),
    );
    server = await serve({
      root: outDir,
      headers: (path) => ({ "Content-Security-Policy": path.startsWith(ADMIN_PATH) ? admin : cspHeader() }),
    });
  });
  after(async () => {
    await server?.close();
    await backend?.stop();
  });

  test("a bulletin created through the form is written, passes check and is built at its URL", async (t) => {
    const context = await launchChromium(t);
    if (!context) return;
    try {
      const page = await openEditor(t, context, "#/collections/bulletins/new");
      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.locator("input[id^='title-field-']").fill(TITLE);
      await page.locator("input[id^='date-field-']").fill("2025-06-18T10:30");
      await pick(page, "region", "无锡", "无锡市 · 江苏省");
      await pick(page, "campaign", "心盾", "心盾");
      await pick(page, "types", "客服", "冒充电商物流客服");
      await page.locator("input[id^='source-field-']").fill("无锡市公安局");
      const body = page.locator("[data-slate-editor='true']");
      await body.click();
      await page.keyboard.type("民警提醒：正规客服不会要求转账退款。");
      // The preview lays the bulletin out with the site's stylesheet.
      const preview = page.frameLocator("#preview-pane");
      await preview.locator("article.article h1").getByText(TITLE).waitFor();
      await preview.locator(".badge-campaign").getByText("心盾").waitFor();
      await page.locator("input[id^='title-field-']").scrollIntoViewIfNeeded();
      const screenshots = join(ROOT, "test-results", "screenshots");
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: join(screenshots, SCREENSHOT) });
      if (process.env.UPDATE_SCREENSHOTS === "1")
        copyFileSync(join(screenshots, SCREENSHOT), join(ROOT, "docs", "images", SCREENSHOT));

      const before = contentFiles();
      await publish(page);
      const slug = slugify(TITLE);
      const file = `bulletins/2025/${slug}.md`;
      const text = await waitFor(file, () => contentFiles().get(file));
      const added = [...contentFiles().keys()].filter((f) => !before.has(f));
      assert.deepEqual(added, [file]);

      const { data, content } = matter(text);
      assert.equal(data.title, TITLE);
      assert.equal(data.region, "wuxi");
      assert.deepEqual(data.campaign, ["xindun"]);
      assert.equal(data.slug, slug);
      assert.match(String(data.date), /^2025-06-18 10:30$/);
      assert.match(content, /正规客服不会要求转账退款/);
      for (const empty of ["summary", "tags", "authors", "image", "image_alt", "draft", "lang", "updated"]) {
        assert.ok(!(empty in data), `empty optional field "${empty}" was written:\n${text}`);
      }

      const checked = check();
      assert.equal(checked.status, 0, checked.output);

      const built = join(tempDir("cms-built"), "_site");
      await buildWith({ outDir: built, contentDir: join(repo, "content"), search: false, env: { PATH_PREFIX: "/" } });
      const pagePath = join(built, "bulletins", "2025", "06", slug, "index.html");
      assert.ok(existsSync(pagePath), `no page at /bulletins/2025/06/${slug}/`);
      assert.match(readFileSync(pagePath, "utf8"), new RegExp(`<h1>${TITLE}</h1>`));
    } finally {
      await context.close();
    }
  });

  test("editing an existing bulletin's title changes that file only", async (t) => {
    const context = await launchChromium(t);
    if (!context) return;
    try {
      const page = await openEditor(t, context, `#/collections/bulletins/entries/${EXISTING}`);
      const before = contentFiles();
      const title = page.locator("input[id^='title-field-']");
      const old = await title.inputValue();
      assert.ok(old.length > 0, "the existing title was not loaded");
      await title.fill(`${old}（更新）`);
      await publish(page);
      const file = `bulletins/${EXISTING}.md`;
      await waitFor(`${file} to change`, () => (contentFiles().get(file) !== before.get(file) ? true : undefined));
      const after = contentFiles();
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
      assert.deepEqual(changed, [file]);
      const was = matter(before.get(file)!);
      const now = matter(after.get(file)!);
      assert.equal(now.data.title, `${old}（更新）`);
      assert.equal(now.content.trim(), was.content.trim(), "the body changed");
      const checked = check();
      assert.equal(checked.status, 0, checked.output);
    } finally {
      await context.close();
    }
  });
});
