// The hand-over to Eleventy takes no working directory, environment or module slot: two builds with different
// settings run at once in one process, from an unrelated working directory, and each writes exactly what it
// writes alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWith, tempDir } from "./helpers/site-build.ts";
import { fileContents } from "./helpers/files.ts";

function assertSameTree(actual: string, expected: string, label: string): void {
  const a = fileContents(actual);
  const e = fileContents(expected);
  assert.deepEqual([...a.keys()].sort(), [...e.keys()].sort(), `${label}: the same files`);
  const differing = [...e].filter(([path, content]) => a.get(path) !== content).map(([path]) => path);
  assert.deepEqual(differing, [], `${label}: the same bytes`);
}

test("two builds run side by side, from another working directory, each as it builds alone", async () => {
  const cwd = process.cwd();
  const env = { ...process.env };
  process.chdir(tmpdir());
  try {
    const variants = [
      { prefix: "/", url: "https://one.example.org", batch: "4000" },
      { prefix: "/fanzha/", url: "https://two.example.org", batch: "7" },
    ];
    const build = (v: (typeof variants)[number], label: string) => {
      const outDir = join(tempDir(label), "_site");
      return buildWith({
        outDir,
        search: false,
        env: { PATH_PREFIX: v.prefix, SITE_URL: v.url, FANZHA_RENDER_BATCH: v.batch },
      }).then(() => outDir);
    };
    const alone: string[] = [];
    for (const v of variants) alone.push(await build(v, "alone"));
    const together = await Promise.all(variants.map((v) => build(v, "together")));
    variants.forEach((v, i) => assertSameTree(together[i]!, alone[i]!, v.prefix));
    // The two differ, so the comparison above would catch one build's settings leaking into the other.
    assert.match(readFileSync(join(together[1]!, "index.html"), "utf8"), /href="\/fanzha\/regions\/"/);
    assert.doesNotMatch(readFileSync(join(together[0]!, "index.html"), "utf8"), /\/fanzha\//);
    assert.match(readFileSync(join(together[1]!, "robots.txt"), "utf8"), /two\.example\.org/);
    // Eleventy announces itself in ELEVENTY_* variables; nothing else may change.
    const ours = (e: NodeJS.ProcessEnv) => Object.entries(e).filter(([k]) => !k.startsWith("ELEVENTY_"));
    assert.deepEqual(ours(process.env), ours(env), "a build leaves the environment as it was");
    assert.equal(process.cwd(), tmpdir(), "a build leaves the working directory where it was");
  } finally {
    process.chdir(cwd);
  }
});
