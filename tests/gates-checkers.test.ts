// The gates' own checkers, on tiny hand-made sites: each must catch what it exists to catch, so that a green
// gate means a clean site rather than a blind checker.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, test } from "node:test";
import { cspHeader, cspMeta } from "../src/security.ts";
import { seriousViolations } from "./helpers/axe.ts";
import { launchChromium, watchPage } from "./helpers/browser.ts";
import { cspProblems } from "./helpers/csp-check.ts";
import { createHtmlValidator } from "./helpers/html-validity.ts";
import { checkLinks, formatLinkProblems } from "./helpers/link-check.ts";
import { serve } from "../bench/static-server.ts";
import { tempDir } from "./helpers/site-build.ts";

const SITE_URL = "https://example.org";

function page(body: string, head = ""): string {
  return `<!doctype html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${cspMeta().replaceAll("'", "&#39;")}">
<title>测试页面</title>
${head}
</head>
<body>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

function writeSite(files: Record<string, string>): string {
  const dir = tempDir("gate-fixture");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("link checker", () => {
  const site = {
    "index.html": page(
      `<p><a href="/a/">甲</a> <a href="a/#part">甲的一节</a> <a href="/a/#nowhere">坏锚点</a> <a href="/missing/">坏链接</a>
       <a href="/a">缺斜杠</a> <a href="${SITE_URL}/a/">绝对</a> <a href="https://other.example/x">外站</a> <a href="tel:96110">96110</a>
       <a href="#main">正文</a> <a href="#top">顶部</a> <img src="/img/missing.png" alt="图"></p>`,
      `<link rel="stylesheet" href="/css/site.css"><link rel="canonical" href="${SITE_URL}/gone/">`,
    ),
    "a/index.html": page(`<h2 id="part">一节</h2><p><a href="../">首页</a> <a href="javascript:alert(1)">脚本</a></p>`),
    "css/site.css": `body { background: url("../img/bg.png"); } /* url(/commented-out.png) */ .x { background: url(/img/none.png) }`,
    "img/bg.png": "png",
    "404.html": page(`<p><a href="/">首页</a> <a href="a/">相对</a></p>`),
  };

  test("reports every broken reference and nothing else", () => {
    const { problems, checked } = checkLinks({ dir: writeSite(site), prefix: "/", siteUrl: SITE_URL });
    const found = problems.map((p) => `${p.file} ${p.ref} ${p.problem}`).sort();
    assert.deepEqual(found, [
      "404.html a/ relative URL on the 404 page, which is served at any path",
      "a/index.html javascript:alert(1) javascript: URL",
      "css/site.css /img/none.png no file img/none.png",
      "index.html /a folder link without its trailing slash",
      'index.html /a/#nowhere no element with id "nowhere" on a/index.html',
      "index.html /img/missing.png no file img/missing.png",
      "index.html /missing/ no file missing/index.html",
      `index.html ${SITE_URL}/gone/ no file gone/index.html`,
    ]);
    assert.ok(checked >= 10);
  });

  test("under a path prefix, root links that miss the prefix are broken", () => {
    const dir = writeSite({
      "index.html": page(`<a href="/fanzha/a/">甲</a> <a href="/a/">漏了前缀</a> <a href="a/">相对</a>`),
      "a/index.html": page("<p>甲</p>"),
    });
    const { problems } = checkLinks({ dir, prefix: "/fanzha/", siteUrl: SITE_URL });
    assert.deepEqual(
      problems.map((p) => `${p.ref} ${p.problem}`),
      ["/a/ outside the path prefix /fanzha/"],
    );
  });

  test("groups a problem shared by many pages into one line", () => {
    const problems = ["a.html", "b.html", "c.html", "d.html"].map((file) => ({
      file,
      ref: "/feed.xml",
      problem: "no file feed.xml",
    }));
    assert.equal(formatLinkProblems(problems), "a.html, b.html, c.html and 1 more: /feed.xml: no file feed.xml");
  });
});

describe("CSP checker", () => {
  test("a clean page with a JSON-LD data block passes", () => {
    const html = page(
      `<script type="application/ld+json">{"@type":"NewsArticle"}</script>`,
      `<script type="module" src="/js/x.js"></script>`,
    );
    assert.deepEqual(cspProblems(html, cspMeta()), []);
  });

  test("reports inline scripts, handlers, styles, foreign origins and a missing or wrong policy", () => {
    const html = `<!doctype html><html><head><style>p{}</style><script>alert(1)</script>
      <script src="https://cdn.example/x.js"></script><link rel="stylesheet" href="https://cdn.example/x.css"></head>
      <body><p style="color:red" onclick="x()">文</p><img src="//cdn.example/i.png" alt=""></body></html>`;
    assert.deepEqual(cspProblems(html, cspMeta()), [
      "<style> element (blocked by style-src)",
      "inline <script> (blocked by script-src)",
      "script from another origin: https://cdn.example/x.js",
      '<link rel="stylesheet"> from another origin: https://cdn.example/x.css',
      "style attribute on <p> (blocked by style-src)",
      "inline event handler onclick on <p> (blocked by script-src)",
      "image from another origin: //cdn.example/i.png",
      'no <meta http-equiv="Content-Security-Policy">',
    ]);
    assert.match(cspProblems(page("").replace("object-src", "objet-src"), cspMeta()).join(), /expected/);
  });
});

describe("HTML validity checker", () => {
  test("accepts a lowercase doctype and named lists, rejects duplicate ids and unnamed images", async () => {
    const validate = createHtmlValidator();
    assert.deepEqual(await validate("ok.html", page(`<ul aria-label="列表"><li>一</li></ul>`)), []);
    const problems = await validate("bad.html", page(`<p id="x">一</p><p id="x">二</p><img src="/a.png">`));
    assert.ok(
      problems.some((p) => p.includes("no-dup-id")),
      problems.join("\n"),
    );
    assert.ok(
      problems.some((p) => p.includes("wcag/h37")),
      problems.join("\n"),
    );
    assert.ok(problems.every((p) => p.startsWith("bad.html:")));
  });
});

describe("axe check", () => {
  test("finds a serious violation on an inaccessible page and none on a plain one", async (t) => {
    const context = await launchChromium(t, { bypassCSP: true });
    if (!context) return;
    const dir = writeSite({
      "index.html": page(`<h1>标题</h1><p>正文</p>`),
      "bad/index.html": page(`<h1>标题</h1><img src="/x.png"><a href="/"></a>`),
    });
    const server = await serve({ root: dir, headers: { "Content-Security-Policy": cspHeader() } });
    try {
      const tab = await context.newPage();
      await tab.goto(server.url);
      assert.deepEqual(await seriousViolations(tab), []);
      await tab.goto(`${server.url}bad/`);
      const found = await seriousViolations(tab);
      assert.ok(
        found.some((v) => v.startsWith("image-alt (critical)")),
        found.join("\n"),
      );
      assert.ok(
        found.some((v) => v.startsWith("link-name (serious)")),
        found.join("\n"),
      );
    } finally {
      await context.close();
      await server.close();
    }
  });
});

describe("browser watcher", () => {
  test("reports CSP violations, console errors, exceptions and missing files", async (t) => {
    const context = await launchChromium(t);
    if (!context) return;
    const dir = writeSite({
      "index.html": page(
        `<p style="color:red">文</p><script>console.log("inline")</script><script src="/boom.js"></script><img src="/missing.png" alt="缺">`,
      ),
      "boom.js": `console.error("something broke"); throw new Error("boom");`,
    });
    const server = await serve({ root: dir, headers: { "Content-Security-Policy": cspHeader() } });
    try {
      const tab = await context.newPage();
      const watched = await watchPage(tab);
      await tab.goto(server.url);
      await tab.waitForLoadState("load");
      const all = watched.errors.join("\n");
      assert.match(all, /CSP violation on .*: script-src(-elem)? blocked inline/);
      assert.match(all, /CSP violation on .*: style-src(-attr)? blocked inline/);
      assert.match(all, /console error on .*: something broke/);
      assert.match(all, /uncaught exception on .*: boom/);
      assert.match(all, /HTTP 404 on .*missing\.png/);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
