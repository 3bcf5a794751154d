// Light pages, checked over the built sample site: a bulletin page's HTML plus the CSS it links stays under
// 60 KB before compression; bulletin and listing pages run no JavaScript but enhancements of a page that reads
// fully without them: the text-size control on every page, and on bulletin pages the 简/繁 switch, search-term
// highlighting and 朗读 (whose player loads only when pressed); a lead image is a built <picture> of modern
// formats with a sized fallback.
import { strict as assert } from "node:assert";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { Parser } from "htmlparser2";
import type { Bulletin } from "../src/model.ts";
import { loadSite } from "../src/site.ts";
import { listFiles } from "./helpers/link-check.ts";
import { BUILD_ENV, ROOT, buildWith, tempDir } from "./helpers/site-build.ts";

export const BULLETIN_BUDGET_BYTES = 60_000;
/**
 * The script every page may load: the text-size control (A− / A+), a classic script so that a remembered size
 * applies before the first paint; the page reads the same without it, at the browser's zoom.
 */
const EVERY_PAGE = "js/text-size.js";
/**
 * Modules a bulletin page may load: enhancements the page reads fully without (the 简/繁 switch, the marking of
 * searched words on a page reached from search, which does nothing without a `highlight` parameter, and the
 * 朗读 button, shown only where the browser has a Chinese voice).
 */
const BULLETIN_ENHANCEMENTS = new Set(["js/script-switch.js", "js/highlight.js", "js/read-aloud.js"]);
const BULLETIN_PAGE = /^bulletins\/\d{4}\/\d{2}\/[a-z0-9-]+\/index\.html$/;
const LISTING_PAGE = /^(index\.html|404\.html|(regions|campaigns|types|archive)\/(.+\/)?index\.html)$/;

interface PageFacts {
  stylesheets: string[];
  /** Each <script> as `type src`, JSON-LD data blocks left out. */
  scripts: string[];
  /** Inline event handler attributes (onclick=…), which are scripts too. */
  handlers: string[];
  /** Text inside the <article>, whitespace collapsed. */
  articleText: string;
}

const squash = (text: string) => text.replace(/\s+/g, "");

function readPage(html: string): PageFacts {
  const facts: PageFacts = { stylesheets: [], scripts: [], handlers: [], articleText: "" };
  let articleDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        for (const attr of Object.keys(attrs)) if (/^on/i.test(attr)) facts.handlers.push(`<${name} ${attr}>`);
        if (name === "link" && attrs.rel?.split(/\s+/).includes("stylesheet") && attrs.href)
          facts.stylesheets.push(attrs.href);
        if (name === "script" && attrs.type !== "application/ld+json")
          facts.scripts.push(`${attrs.type ?? ""} ${attrs.src ?? "(inline)"}`);
        if (name === "article" || articleDepth > 0) articleDepth++;
      },
      ontext(text) {
        if (articleDepth > 0) facts.articleText += text;
      },
      onclosetag() {
        if (articleDepth > 0) articleDepth--;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  facts.articleText = squash(facts.articleText);
  return facts;
}

/** The text of each paragraph, heading and list item of a bulletin's rendered body. */
function bodyBlocks(bulletin: Bulletin): string[] {
  const blocks: string[] = [];
  let current: string | undefined;
  const parser = new Parser(
    {
      onopentag(name) {
        if (/^(p|h[1-6]|li)$/.test(name)) current = "";
      },
      ontext(text) {
        if (current !== undefined) current += text;
      },
      onclosetag(name) {
        if (/^(p|h[1-6]|li)$/.test(name) && current !== undefined) {
          if (squash(current)) blocks.push(squash(current));
          current = undefined;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(bulletin.html);
  return blocks;
}

describe("light pages: weight, JavaScript and images", () => {
  let dir: string;
  let pages: string[];
  const site = loadSite({ root: ROOT, mode: "production", env: { ...process.env, ...BUILD_ENV } });

  before(async () => {
    dir = join(tempDir("weight"), "_site");
    await buildWith({ outDir: dir, search: false, env: { PATH_PREFIX: "/" } });
    pages = listFiles(dir).filter((f) => f.endsWith(".html"));
  });

  const html = (file: string) => readFileSync(join(dir, file), "utf8");
  const bulletinPages = () => pages.filter((f) => BULLETIN_PAGE.test(f));

  it("builds a page for every published sample bulletin and for the listings", () => {
    assert.equal(bulletinPages().length, site.bulletins.length);
    assert.ok(
      pages.filter((f) => LISTING_PAGE.test(f)).length >= 10,
      "too few listing pages: the checks below would prove little",
    );
  });

  it(`keeps every bulletin page's HTML plus its one stylesheet under ${BULLETIN_BUDGET_BYTES} bytes`, () => {
    const over: string[] = [];
    let heaviest = { file: "", bytes: 0 };
    for (const file of bulletinPages()) {
      const facts = readPage(html(file));
      assert.equal(facts.stylesheets.length, 1, `${file}: ${facts.stylesheets.length} stylesheets, expected one`);
      const css = facts.stylesheets.map((href) => statSync(join(dir, new URL(href, "http://x/").pathname)).size);
      const bytes = statSync(join(dir, file)).size + css.reduce((a, b) => a + b, 0);
      if (bytes > heaviest.bytes) heaviest = { file, bytes };
      if (bytes >= BULLETIN_BUDGET_BYTES) over.push(`${file}: ${bytes} bytes`);
    }
    assert.deepEqual(over, [], `over the page budget:\n${over.join("\n")}`);
    console.log(`# heaviest bulletin page with its CSS: ${heaviest.file} ${heaviest.bytes} bytes`);
  });

  it("runs no script on listing pages but the text-size control", () => {
    for (const file of pages.filter((f) => LISTING_PAGE.test(f))) {
      const facts = readPage(html(file));
      assert.deepEqual(facts.scripts, [` /${EVERY_PAGE}`], `${file} loads other scripts`);
      assert.deepEqual(facts.handlers, [], `${file} has inline event handlers`);
    }
  });

  it("loads only enhancement modules on bulletin pages, and the whole text is in the HTML", () => {
    const byUrl = new Map(site.bulletins.map((b) => [b.url, b]));
    for (const file of bulletinPages()) {
      const facts = readPage(html(file));
      assert.deepEqual(facts.handlers, [], `${file} has inline event handlers`);
      assert.equal(facts.scripts[0], ` /${EVERY_PAGE}`, `${file}: the text-size control is not loaded first`);
      for (const script of facts.scripts.slice(1)) {
        const [type, src = ""] = script.split(" ");
        const path = src.replace(/^\//, "");
        assert.ok(type === "module" && BULLETIN_ENHANCEMENTS.has(path), `${file}: unexpected script ${script}`);
      }
      const bulletin = byUrl.get(`/${file.replace(/index\.html$/, "")}`);
      assert.ok(bulletin, `${file}: no published bulletin has this URL`);
      assert.ok(facts.articleText.includes(squash(bulletin.title)), `${file}: the headline is not in the article`);
      const blocks = bodyBlocks(bulletin);
      assert.ok(blocks.length > 0, `${file}: the bulletin body has no text blocks`);
      for (const block of blocks)
        assert.ok(
          facts.articleText.includes(block),
          `${file}: body text missing from the HTML: ${block.slice(0, 40)}…`,
        );
    }
  });

  it("shows a bulletin's lead image as a <picture> of AVIF and WebP with a sized fallback, all files built", () => {
    const pictured = site.bulletins.filter((b) => b.image);
    assert.ok(pictured.length > 0, "no sample bulletin has an image");
    for (const b of pictured) {
      const file = `${b.url.replace(/^\//, "")}index.html`;
      const page = html(file);
      const picture = page.match(/<figure class="lead-image"><picture>([\s\S]*?)<\/picture><\/figure>/)?.[1];
      assert.ok(picture, `${file}: no <picture> for ${b.image!.src}`);
      assert.match(picture, /<source type="image\/avif"/);
      assert.match(picture, /<source type="image\/webp"/);
      const img = picture.match(/<img [^>]*>/)?.[0] ?? "";
      assert.match(img, / width="\d+" height="\d+"/, `${file}: the <img> has no width and height`);
      assert.ok(img.includes(`alt="${b.image!.alt}"`), `${file}: the <img> lacks the alt text`);
      for (const m of picture.matchAll(/(?:src|srcset)="([^"]+)"/g)) {
        for (const candidate of m[1]!.split(",")) {
          const url = candidate.trim().split(/\s+/)[0]!;
          assert.ok(statSync(join(dir, url)).isFile(), `${file}: ${url} was not built`);
        }
      }
    }
  });
});
