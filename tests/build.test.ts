// Builds the sample site into a temporary folder and checks what issue 2 promises of it.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { runBuild, type BuildResult } from "../src/commands/build.ts";
import { loadSite } from "../src/site.ts";
import { ROOT } from "./helpers/content-copy.ts";

const EPOCH = "1795000000"; // 2026-11-18: fixed, so that "future" means the same in every run
const site = loadSite({ root: ROOT, mode: "development", env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } });
let out: string;
let result: BuildResult;
const progress: string[] = [];

const pageOf = (url: string) => join(out, url, "index.html");
const times = (html: string) =>
  [...html.matchAll(/<time datetime="([^"]+)">([^<]+)<\/time>/g)].map((m) => `${m[1]} ${m[2]}`);

describe("sample build", () => {
  before(async () => {
    out = join(mkdtempSync(join(tmpdir(), "fanzha-build-")), "site");
    result = await runBuild({
      root: ROOT,
      outDir: out,
      search: false,
      env: { SOURCE_DATE_EPOCH: EPOCH, FANZHA_RENDER_BATCH: "20" },
      progress: (line) => progress.push(line),
    });
  });

  it("reports each phase once, with its counts and times, and each render run", () => {
    const n = result.bulletins;
    const time = String.raw`in \d+\.\d s \(at \d+\.\d s\)`;
    assert.match(progress[0]!, new RegExp(`^load and validate: ${n} bulletins ${time}$`));
    assert.match(progress[1]!, new RegExp(`^related headlines: ${n} bulletins ${time}$`));
    const runs = progress.filter((l) => l.startsWith("render and write: run "));
    assert.equal(runs.length, result.renderRuns);
    assert.ok(result.renderRuns > 1, "the sample site renders in several runs of 20 pages");
    assert.match(
      runs.at(-1)!,
      new RegExp(
        `^render and write: run ${result.renderRuns} of ${result.renderRuns}, (\\d+) of \\1 bulletin and listing pages ${time}$`,
      ),
    );
    assert.match(
      progress.at(-1)!,
      new RegExp(`^render and write: ${result.pages} files in ${result.renderRuns} runs ${time}$`),
    );
    assert.equal(progress.length, 2 + result.renderRuns + 1);
  });

  it("writes one page per published bulletin and none for drafts or future ones", () => {
    const published = site.all.filter((b) => !b.draft && !b.future);
    const hidden = site.all.filter((b) => b.draft || b.future);
    assert.ok(published.length >= 24, `only ${published.length} published sample bulletins`);
    assert.ok(
      hidden.some((b) => b.draft) && hidden.some((b) => b.future),
      "the sample needs a draft and a future bulletin",
    );
    for (const b of published) assert.ok(existsSync(pageOf(b.url)), `missing ${b.url}`);
    for (const b of hidden) assert.ok(!existsSync(pageOf(b.url)), `${b.url} must not be built`);
    // Feeds and sitemaps are made from the published list only.
    for (const file of ["index.html", "feed.xml", "feed.json", "news-sitemap.xml", "sitemap-1.xml"]) {
      const text = readFileSync(join(out, file), "utf8");
      for (const b of hidden) assert.ok(!text.includes(b.url), `${file} links to hidden ${b.url}`);
    }
    assert.equal(result.bulletins, published.length);
  });

  it("lists every city's bulletins on its province page (all pages of it)", () => {
    const published = site.all.filter((b) => !b.draft && !b.future);
    for (const province of new Set(published.map((b) => b.province.key))) {
      let html = "";
      for (
        let n = 1, path = `/regions/${province}/`;
        existsSync(pageOf(path));
        n++, path = `/regions/${province}/page/${n}/`
      ) {
        html += readFileSync(pageOf(path), "utf8");
      }
      for (const b of published.filter((x) => x.province.key === province)) {
        assert.ok(html.includes(`href="${b.url}"`), `${province} does not list ${b.url}`);
      }
    }
  });

  it("paginates the largest province listing with working page links", () => {
    const page2 = readFileSync(pageOf("/regions/jiangsu/page/2/"), "utf8");
    assert.match(page2, /rel="prev" href="\/regions\/jiangsu\/"/);
  });

  it("shows every date in the site's zone whatever the machine's TZ", () => {
    const script = `import { runBuild } from ${JSON.stringify(join(ROOT, "src/commands/build.ts"))};
      await runBuild({ root: ${JSON.stringify(ROOT)}, outDir: process.argv[1], search: false, env: { SOURCE_DATE_EPOCH: "${EPOCH}" } });`;
    const laOut = join(mkdtempSync(join(tmpdir(), "fanzha-la-")), "site");
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, laOut], {
      env: { ...process.env, TZ: "America/Los_Angeles" },
      encoding: "utf8",
    });
    assert.equal(run.status, 0, run.stderr);
    const wuxi = site.all.find((b) => b.slug === "wuxi-tianwang-xindun-2023")!;
    assert.ok(times(readFileSync(pageOf(wuxi.url), "utf8")).some((t) => t.endsWith("+08:00 2023年8月29日")));
    for (const b of site.all.filter((x) => !x.draft && !x.future)) {
      const here = times(readFileSync(pageOf(b.url), "utf8"));
      const there = times(readFileSync(join(laOut, b.url, "index.html"), "utf8"));
      assert.deepEqual(there, here, b.url);
    }
  });

  it("neutralises raw HTML and javascript: links from bulletin bodies", () => {
    for (const b of site.all.filter((x) => !x.draft && !x.future)) {
      const html = readFileSync(pageOf(b.url), "utf8");
      const body = html.slice(html.indexOf('class="prose"'), html.indexOf("</article>"));
      assert.ok(!/<script/i.test(body), `${b.url} has a script in its body`);
      assert.ok(!/href\s*=\s*"?\s*javascript:/i.test(html), `${b.url} has a javascript: link`);
    }
  });
});
