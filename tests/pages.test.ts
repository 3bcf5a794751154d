// Pages are JavaScript templates made from layouts/pages/ (src/eleventy/pages.ts), so Eleventy renders
// `.11ty.js` templates; neither one nor a Nunjucks template placed in content/, where editors write, may run or
// become a page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runBuild } from "../src/commands/build.ts";
import { repositoryCopy } from "./helpers/files.ts";

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
