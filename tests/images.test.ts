// Lead images: resized, encoded as AVIF and WebP with the original format as fallback, and marked up as a
// <picture> whose <img> has width, height and the alt text, with URLs under the given path.
import { strict as assert } from "node:assert";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { decodeProblem, inspectLeadImage, LEAD_WIDTHS, leadPicture } from "../src/images.ts";
import { buildWith, ROOT, tempDir } from "./helpers/site-build.ts";
import { copyContent, writeBulletin } from "./helpers/content-copy.ts";

const SAMPLE = join(ROOT, "content/images/xindun-dapengche-2025.png");
const FIXTURES = join(ROOT, "tests/fixtures/images");

function sharePathOf(file: string): string {
  const inspected = inspectLeadImage(file);
  assert.ok("sharePath" in inspected, JSON.stringify(inspected));
  return inspected.sharePath;
}

test("leadPicture writes AVIF, WebP and PNG at each width and a <picture> that names them", async () => {
  const outputDir = tempDir("img");
  const sharePath = sharePathOf(SAMPLE);
  assert.match(sharePath, /^\/img\/[0-9a-f]{16}-share\.png$/);
  const html = await leadPicture({
    file: SAMPLE,
    alt: '宣传车"停在"集市 & 路边',
    outputDir,
    urlPath: "/fanzha/img/",
    sharePath,
  });
  assert.ok(existsSync(join(outputDir, sharePath.slice("/img/".length))), "the shared copy was not written");
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
    leadPicture({
      file: join(ROOT, "content/images/missing.png"),
      alt: "x",
      outputDir: tempDir("img"),
      urlPath: "/img/",
      sharePath: "/img/x-share.png",
    }),
    /missing\.png/,
  );
});

test("only raster pictures of bounded size are accepted, and they must decode", async () => {
  assert.deepEqual(inspectLeadImage(join(FIXTURES, "script.svg")), {
    problem: "is an SVG drawing; lead images must be JPEG, PNG, WebP or GIF pictures (an SVG can carry scripts)",
  });
  assert.deepEqual(inspectLeadImage(join(FIXTURES, "not-an-image.png")), {
    problem: "is not an image; use a JPEG, PNG, WebP or GIF picture",
  });
  const big = join(tempDir("img"), "big.jpg");
  writeFileSync(big, Buffer.alloc(21 * 1024 * 1024));
  assert.deepEqual(inspectLeadImage(big), {
    problem:
      "is 21.0 MB; a lead image may be at most 20.0 MB (it is shown at most 1200 pixels wide): save a smaller copy",
  });
  // A PNG header claiming 10,000 × 10,000 pixels: refused from the header, before anything is decoded.
  const header = Buffer.from(readFileSync(SAMPLE).subarray(0, 33));
  header.writeUInt32BE(10000, 16);
  header.writeUInt32BE(10000, 20);
  const huge = join(tempDir("img"), "huge.png");
  writeFileSync(huge, header);
  assert.deepEqual(inspectLeadImage(huge), {
    problem: "is 10000×10000 pixels; a lead image must have at most 50 million: save a smaller copy",
  });
  assert.ok("sharePath" in inspectLeadImage(join(FIXTURES, "truncated.png")), "a truncated file has a good header");
  assert.match(
    (await decodeProblem(join(FIXTURES, "truncated.png"))) ?? "",
    /^cannot be decoded \(.+\); export the picture again$/,
  );
  assert.equal(await decodeProblem(SAMPLE), undefined);
});

test("an image outside content/images: Open Graph and the feeds link the resized copy the build wrote", async () => {
  const dir = copyContent({ bulletins: false });
  writeBulletin(
    dir,
    "2024/pictured.md",
    "---\ntitle: 配图通报\ndate: 2024-05-06\nregion: 无锡\nimage: tests/fixtures/images/lead.png\nimage_alt: 红色方块\n---\n\n正文。\n",
  );
  const out = join(tempDir("outside-image"), "_site");
  await buildWith({ contentDir: dir, outDir: out, search: false });
  const html = readFileSync(join(out, "bulletins/2024/05/pictured/index.html"), "utf8");
  const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1] ?? "";
  assert.match(og, /^https:\/\/fanzha\.example\.org\/img\/[0-9a-f]{16}-share\.png$/);
  assert.ok(existsSync(join(out, new URL(og).pathname)), `${og} is not in the output`);
  const feed = JSON.parse(readFileSync(join(out, "feed.json"), "utf8")) as { items: Array<{ image?: string }> };
  assert.equal(feed.items[0]?.image, og);
  assert.ok(!existsSync(join(out, "tests")), "the original is not published");
});
