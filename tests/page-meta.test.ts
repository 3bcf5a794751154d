import { test } from "node:test";
import assert from "node:assert/strict";
import { pageMeta } from "../src/meta/page-meta.ts";
import { campaign, makeBulletin } from "./fixtures/make-bulletin.ts";
import { siteSettings } from "./fixtures/feeds.ts";

const site = siteSettings();
const HOSTILE = `</script><script>alert(1)</script> & "引号"`;

test("every page links the site's Atom and JSON feeds by absolute URL", () => {
  const meta = pageMeta(site, { path: "/" });
  assert.deepEqual(
    meta.links.map((l) => [l.type, l.href, l.title]),
    [
      ["application/atom+xml", "https://example.org/fanzha/feed.xml", "反诈快报"],
      ["application/feed+json", "https://example.org/fanzha/feed.json", "反诈快报"],
    ],
  );
  assert.deepEqual(
    pageMeta(site, { path: "/", feedPath: "/feed.xml" }).links,
    meta.links,
    "the site feed is not linked twice",
  );
  assert.ok(meta.tags.some((t) => t.property === "og:title" && t.content === "反诈快报"));
  assert.ok(meta.tags.some((t) => t.property === "og:url" && t.content === "https://example.org/fanzha/"));
  assert.deepEqual(meta.jsonLd, []);
});

test("a listing links its term's feeds first, named after the term, and has a BreadcrumbList", () => {
  const meta = pageMeta(site, {
    title: "无锡 · 第2页",
    path: "/regions/wuxi/page/2/",
    feedPath: "/regions/wuxi/feed.xml",
    feedTitle: "无锡",
    breadcrumbs: [
      { name: "首页", path: "/" },
      { name: "无锡", path: "/regions/wuxi/" },
    ],
  });
  assert.deepEqual(
    meta.links.slice(0, 2).map((l) => [l.type, l.href, l.title]),
    [
      ["application/atom+xml", "https://example.org/fanzha/regions/wuxi/feed.xml", "无锡"],
      ["application/feed+json", "https://example.org/fanzha/regions/wuxi/feed.json", "无锡"],
    ],
  );
  assert.equal(meta.links.length, 4);
  assert.equal(meta.jsonLd.length, 1);
  assert.equal(JSON.parse(meta.jsonLd[0]!)["@type"], "BreadcrumbList");
});

test("a bulletin page has an article card, NewsArticle and a BreadcrumbList ending at the page", () => {
  const b = makeBulletin({ slug: "x", title: HOSTILE, campaigns: [campaign("xindun", "心盾")] });
  const meta = pageMeta(site, {
    title: b.title,
    path: b.url,
    bulletin: b,
    breadcrumbs: [{ name: "首页", path: "/" }, { name: b.title }],
  });
  assert.ok(meta.tags.some((t) => t.property === "og:type" && t.content === "article"));
  assert.ok(
    meta.tags.some((t) => t.property === "og:title" && t.content === HOSTILE),
    "raw text: the partial escapes it",
  );
  const [article, crumbs] = meta.jsonLd.map((j) => JSON.parse(j));
  assert.ok(meta.jsonLd.every((j) => !/[<>&]/.test(j)));
  assert.equal(article["@type"], "NewsArticle");
  assert.equal(article.headline, HOSTILE);
  assert.deepEqual(crumbs.itemListElement.at(-1), {
    "@type": "ListItem",
    position: 2,
    name: HOSTILE,
    item: "https://example.org/fanzha/bulletins/2024/01/x/",
  });
});
