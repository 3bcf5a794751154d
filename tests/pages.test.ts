// Pages are JavaScript templates made from layouts/pages/ (src/eleventy/pages.ts), so Eleventy renders
// `.11ty.js` templates; neither one nor a Nunjucks template placed in content/, where editors write, may run or
// become a page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runBuild } from "../src/commands/build.ts";
import { createRequire } from "node:module";
import { repositoryCopy } from "./helpers/files.ts";
import { buildWith, tempDir } from "./helpers/site-build.ts";

test("each page template's body and permalink compile once per build, however many pages they render", async () => {
  // Eleventy's own copy of Nunjucks (hoisted beside it): every template it compiles passes through _compile.
  const require = createRequire(join(process.cwd(), "node_modules/@11ty/eleventy/package.json"));
  const { Template } = require("nunjucks") as { Template: { prototype: Record<string, unknown> } };
  const original = Template.prototype._compile as (this: { path?: string; tmplStr?: string }) => void;
  const compiled = new Map<string, number>();
  Template.prototype._compile = function (this: { path?: string; tmplStr?: string }) {
    const key = `${this.path} ${String(this.tmplStr).slice(0, 80)}`;
    compiled.set(key, (compiled.get(key) ?? 0) + 1);
    original.call(this);
  };
  try {
    const result = await buildWith({ outDir: join(tempDir("compile-once"), "_site"), search: false });
    assert.ok(result.pages > 100, `only ${result.pages} pages`);
  } finally {
    Template.prototype._compile = original;
  }
  const again = [...compiled].filter(([, n]) => n > 1);
  assert.ok(compiled.size > 0, "no template was seen compiling");
  assert.deepEqual(again, [], "templates compiled more than once in one build");
});

test("a JavaScript or Nunjucks template in content/ is never run nor written as a page", async () => {
  const root = repositoryCopy("pages-js-template");
  const marker = join(root, "ran.txt");
  for (const file of ["content/evil.11ty.js", "content/registries/evil.11ty.js"]) {
    writeFileSync(
      join(root, file),
      `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(marker)}, "ran");\n` +
        `export const data = { permalink: "/evil/" };\nexport const render = () => "evil";\n`,
    );
  }
  writeFileSync(join(root, "content/evil-page.njk"), '---\npermalink: "/evil-njk/"\n---\n{{ fz.site.title }}\n');
  const outDir = join(root, "_site");
  await runBuild({ root, outDir, search: false, env: { SOURCE_DATE_EPOCH: "1780000000" } });
  assert.ok(existsSync(join(outDir, "index.html")), "the site was built");
  assert.ok(!existsSync(join(outDir, "evil")), "a page was written from a JavaScript template in content/");
  assert.ok(!existsSync(join(outDir, "evil-njk")), "a page was written from a Nunjucks template in content/");
  assert.ok(!existsSync(marker), "a template in content/ ran");
});
