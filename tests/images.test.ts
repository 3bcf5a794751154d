// Lead images: resized, encoded as AVIF and WebP with the original format as fallback, and marked up as a
// <picture> whose <img> has width, height and the alt text, with URLs under the given path.
import { strict as assert } from "node:assert";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { LEAD_WIDTHS, leadPicture } from "../src/images.ts";
import { ROOT, tempDir } from "./helpers/site-build.ts";

const SAMPLE = join(ROOT, "content/images/xindun-dapengche-2025.png");

test("leadPicture writes AVIF, WebP and PNG at each width and a <picture> that names them", async () => {
  const outputDir = tempDir("img");
  const html = await leadPicture({ file: SAMPLE, alt: '宣传车"停在"集市 & 路边', outputDir, urlPath: "/fanzha/img/" });
  assert.match(html, /^<picture>/);
  assert.match(html, /<source type="image\/avif" srcset="[^"]+"/);
  assert.match(html, /<source type="image\/webp" srcset="[^"]+"/);
  const img = html.match(/<img [^>]+>/)?.[0] ?? "";
  assert.match(img, / width="\d+"/);
  assert.match(img, / height="\d+"/);
  assert.match(img, / alt="宣传车&quot;停在&quot;集市 &amp; 路边"/);
  assert.match(img, / sizes="[^"]+"/);
  const urls = [...html.matchAll(/(\/fanzha\/img\/[^\s",]+)/g)].map((m) => m[1]!);
  for (const width of LEAD_WIDTHS) {
    for (const ext of ["avif", "webp", "png"]) {
      const url = urls.find((u) => u.endsWith(`-${width}.${ext}`));
      assert.ok(url, `no ${ext} at ${width} px in ${html}`);
      assert.ok(existsSync(join(outputDir, url.slice("/fanzha/img/".length))), `${url} was not written`);
    }
  }
});

test("leadPicture names a missing file in its error", async () => {
  await assert.rejects(
    leadPicture({ file: join(ROOT, "content/images/missing.png"), alt: "x", outputDir: tempDir("img"), urlPath: "/img/" }),
    /missing\.png/,
  );
});
