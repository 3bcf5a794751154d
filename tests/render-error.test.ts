// Templates fail loudly: an undefined variable or a missing partial stops the build (throwOnUndefined, includes
// without `ignore missing`) with one line naming the template file, line and column; the previous site stays,
// no temporary folder is left behind and nothing rejects after the build has returned.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { runBuild } from "../src/commands/build.ts";
import { CommandError } from "../src/errors.ts";
import { repositoryCopy } from "./helpers/files.ts";

function repositoryWith(file: string, change: (text: string) => string): string {
  const root = repositoryCopy("render-error");
  const path = join(root, file);
  const before = readFileSync(path, "utf8");
  writeFileSync(path, change(before));
  assert.notEqual(readFileSync(path, "utf8"), before);
  return root;
}

const cases = [
  {
    what: "an undefined variable",
    file: "layouts/pages/404.njk",
    change: (t: string) => t.replace("{% block content %}", "{% block content %}{{ notGivenByTheData }}"),
    line: /^layouts\/pages\/404\.njk:\d+:\d+: attempted to output null or undefined value$/,
  },
  {
    what: "a missing partial",
    file: "layouts/pages/listing.njk",
    change: (t: string) =>
      t.replace('{% include "partials/pager.njk" %}', '{% include "partials/renamed-pager.njk" %}'),
    line: /^layouts\/pages\/listing\.njk: template not found: partials\/renamed-pager\.njk$/,
  },
];

for (const c of cases) {
  test(`${c.what} fails the build with the template's file and line, and keeps the previous site`, async () => {
    const root = repositoryWith(c.file, c.change);
    const outDir = join(root, "_site");
    mkdirSync(outDir);
    writeFileSync(join(outDir, "index.html"), "previous site");
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      const error = await runBuild({
        root,
        outDir,
        search: false,
        allowDrop: true,
        env: { SOURCE_DATE_EPOCH: "1780000000" },
      }).then(
        () => assert.fail("the build succeeded"),
        (e: unknown) => e,
      );
      assert.ok(error instanceof CommandError, String(error));
      assert.match(error.lines[0]!, c.line);
      assert.equal(readFileSync(join(outDir, "index.html"), "utf8"), "previous site");
      assert.deepEqual(
        readdirSync(dirname(outDir)).filter((n) => n.startsWith("_site.")),
        [],
        "no temporary folder is left",
      );
      // Eleventy's copies and writes still in flight would reject after the build returned.
      await sleep(1000);
      assert.deepEqual(rejections, []);
      assert.ok(!existsSync(join(outDir, "404.html")));
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });
}
