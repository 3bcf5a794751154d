// The build's output as a whole: the same commit builds to byte-identical trees, a failed build leaves the
// last good site untouched, and a build under PATH_PREFIX keeps every link, asset and the search bundle
// under that prefix.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { cpSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { describe, test } from "node:test";
import { ContentError } from "../src/errors.ts";
import { copyContent, writeBulletin } from "./helpers/content-copy.ts";
import { checkLinks, formatLinkProblems, listFiles } from "./helpers/link-check.ts";
import { buildWith, builtSite, tempDir } from "./helpers/site-build.ts";

const PREFIX = "/fanzha/";

/** Every file of a tree with the sha256 of its bytes, by relative path. */
function treeHashes(dir: string): Map<string, string> {
  return new Map(
    listFiles(dir).map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(dir, f)))
        .digest("hex"),
    ]),
  );
}

function treeDifferences(a: Map<string, string>, b: Map<string, string>): string[] {
  const differences: string[] = [];
  for (const [file, hash] of a) {
    if (!b.has(file)) differences.push(`${file}: only in the first tree`);
    else if (b.get(file) !== hash) differences.push(`${file}: contents differ`);
  }
  for (const file of b.keys()) if (!a.has(file)) differences.push(`${file}: only in the second tree`);
  return differences;
}

describe("build output", () => {
  test("two builds of the same commit are byte-identical, whether rendered in one Eleventy run or in many", async () => {
    const first = await builtSite();
    assert.equal(first.result.renderRuns, 1);
    const second = join(tempDir("rebuild"), "_site");
    const rebuilt = await buildWith({ outDir: second, env: { PATH_PREFIX: "/", FANZHA_RENDER_BATCH: "3" } });
    assert.ok(rebuilt.renderRuns > 3, `the rebuild rendered in ${rebuilt.renderRuns} runs`);
    const a = treeHashes(first.dir);
    assert.ok(a.size > 50, `the first build has only ${a.size} files`);
    const differences = treeDifferences(a, treeHashes(second));
    assert.deepEqual(differences, [], `the rebuild differs:\n${differences.join("\n")}`);
  });

  test("a build that fails on bad content leaves the previous site byte-identical", async () => {
    const good = await builtSite();
    const outDir = join(tempDir("failed-build"), "_site");
    cpSync(good.dir, outDir, { recursive: true });
    const before = treeHashes(outDir);
    const contentDir = copyContent();
    writeBulletin(contentDir, "2025/broken.md", "---\ntitle: 缺少日期和地区的通报\nregoin: 无锡\n---\n\n正文。\n");

    try {
      await assert.rejects(buildWith({ outDir, contentDir }), (error: unknown) => {
        assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
        assert.match(error.message, /broken\.md:\d+: /);
        return true;
      });
    } finally {
      rmSync(contentDir, { recursive: true, force: true });
    }
    const differences = treeDifferences(before, treeHashes(outDir));
    assert.deepEqual(differences, [], `the failed build changed the previous site:\n${differences.join("\n")}`);
    const leftovers = readdirSync(dirname(outDir)).filter((name) => name !== basename(outDir));
    assert.deepEqual(leftovers, [], "the failed build left temporary folders beside the site");
  });

  test("a build that fails after rendering into its temporary folder leaves the previous site byte-identical", async () => {
    const outDir = join(tempDir("late-failure"), "_site");
    cpSync((await builtSite()).dir, outDir, { recursive: true });
    const before = treeHashes(outDir);
    // onPhase runs as each phase ends: failing there after "render" is a failure with a half-built temp folder.
    const failAfterRender = (phase: string) => {
      if (phase === "render") throw new Error("simulated failure after rendering");
    };
    await assert.rejects(buildWith({ outDir, onPhase: failAfterRender }), /simulated failure after rendering/);
    const differences = treeDifferences(before, treeHashes(outDir));
    assert.deepEqual(differences, [], `the failed build changed the previous site:\n${differences.join("\n")}`);
    assert.deepEqual(readdirSync(dirname(outDir)), [basename(outDir)], "the failed build left its temporary folder");
  });

  test(`a build with PATH_PREFIX=${PREFIX} keeps every link, asset and the search bundle under the prefix`, async () => {
    const site = await builtSite(PREFIX);
    const { problems, checked } = checkLinks({ dir: site.dir, prefix: PREFIX, siteUrl: site.siteUrl });
    assert.ok(checked > 500, `only ${checked} internal references were found`);
    assert.equal(problems.length, 0, `references outside ${PREFIX} or broken:\n${formatLinkProblems(problems)}`);

    // Feeds, sitemaps and page metadata: every absolute URL of the site carries the prefix too.
    const outside: string[] = [];
    let absolute = 0;
    for (const file of listFiles(site.dir).filter(
      (f) => /\.(html|xml|json|txt)$/.test(f) && !f.startsWith("pagefind/"),
    )) {
      const text = readFileSync(join(site.dir, file), "utf8");
      for (const m of text.matchAll(new RegExp(`${site.siteUrl.replace(/[.]/g, "\\.")}(/[^"'<\\s]*)?`, "g"))) {
        absolute++;
        if (!(m[1] ?? "/").startsWith(PREFIX)) outside.push(`${file}: ${m[0]}`);
      }
    }
    assert.ok(absolute > 100, `only ${absolute} absolute URLs of ${site.siteUrl} were found`);
    assert.deepEqual(outside, [], `absolute URLs without the prefix:\n${outside.join("\n")}`);

    const searchPage = readFileSync(join(site.dir, "search/index.html"), "utf8");
    const bundle = /data-bundle="([^"]*)"/.exec(searchPage)?.[1];
    assert.equal(bundle, `${PREFIX}pagefind/`, "the search page loads its bundle from outside the prefix");
    assert.ok(listFiles(site.dir).includes("pagefind/pagefind.js"), "no pagefind/pagefind.js in the prefixed build");
    const headers = readFileSync(join(site.dir, "_headers"), "utf8");
    assert.match(headers, new RegExp(`^${PREFIX}\\*$`, "m"), "_headers does not cover the prefixed paths");
  });
});
