import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { breadcrumbJsonLd, jsonLdScript, newsArticleJsonLd } from "../src/meta/json-ld.ts";
import { campaign, fraudType, makeBulletin, ZONE } from "./fixtures/make-bulletin.ts";
import { siteSettings } from "./fixtures/feeds.ts";

const HOSTILE = `</script><script>alert(1)</script> & "引号"`;
const site = siteSettings();

const bulletin = makeBulletin({
  slug: "tianwang",
  title: "无锡“天网”行动通报",
  date: DateTime.fromISO("2023-08-29T09:30", { zone: ZONE }),
  updated: DateTime.fromISO("2023-08-30T01:00:00Z", { zone: "utc" }),
  authors: ["张记者", "李通讯员"],
  campaigns: [campaign("tianwang", "天网"), campaign("xindun", "心盾")],
  types: [fraudType("shuadan", "刷单返利")],
  tags: ["老年人", "刷单返利"],
  summary: "摘要",
  source: "无锡市公安局",
  image: { src: "content/images/tianwang.jpg", alt: "发布会现场", sharePath: "/img/tianwang-share.jpeg", line: 9 },
});

/** Round trip through the page: what a crawler's JSON parser reads out of the script element. */
function embedAndRead(obj: unknown): unknown {
  const html = `<script type="application/ld+json">${jsonLdScript(obj)}</script>`;
  const open = html.indexOf(">") + 1;
  const close = html.toLowerCase().indexOf("</script");
  assert.equal(close, html.length - "</script>".length, "the script element ends only where it was meant to");
  return JSON.parse(html.slice(open, close));
}

test("NewsArticle carries headline, times with offset, authors, publisher, image, section and keywords", () => {
  const ld = embedAndRead(newsArticleJsonLd(site, bulletin)) as Record<string, unknown>;
  assert.equal(ld["@context"], "https://schema.org");
  assert.equal(ld["@type"], "NewsArticle");
  assert.equal(ld.headline, "无锡“天网”行动通报");
  assert.equal(ld.datePublished, "2023-08-29T09:30:00+08:00");
  assert.equal(ld.dateModified, "2023-08-30T09:00:00+08:00");
  assert.deepEqual(ld.author, [
    { "@type": "Person", name: "张记者" },
    { "@type": "Person", name: "李通讯员" },
  ]);
  assert.deepEqual(ld.publisher, {
    "@type": "Organization",
    name: "反诈快报编辑部",
    url: "https://example.org/fanzha/",
  });
  assert.deepEqual(ld.image, ["https://example.org/fanzha/img/tianwang-share.jpeg"]);
  assert.deepEqual(ld.articleSection, ["天网", "心盾"]);
  assert.deepEqual(ld.keywords, ["刷单返利", "老年人"]);
  assert.deepEqual(ld.mainEntityOfPage, {
    "@type": "WebPage",
    "@id": "https://example.org/fanzha/bulletins/2023/08/tianwang/",
  });
  assert.equal(ld.inLanguage, "zh-Hans");
  assert.deepEqual(ld.sourceOrganization, { "@type": "Organization", name: "无锡市公安局" });
});

test("without a byline or image, the publisher is the author and no image is claimed", () => {
  const plain = makeBulletin({ slug: "plain" });
  const ld = newsArticleJsonLd(site, plain);
  assert.deepEqual(ld.author, [
    { "@type": "Organization", name: "反诈快报编辑部", url: "https://example.org/fanzha/" },
  ]);
  assert.ok(!("image" in ld));
  assert.ok(!("articleSection" in ld));
  assert.equal(ld.dateModified, ld.datePublished);
});

test("BreadcrumbList numbers its items from 1 with absolute URLs; a crumb without a path has no item", () => {
  const crumbs = [
    { name: "首页", path: "/" },
    { name: "江苏", path: "/regions/jiangsu/" },
    { name: "无锡", path: "/regions/wuxi/" },
    { name: "无锡“天网”行动通报" },
  ];
  const ld = embedAndRead(breadcrumbJsonLd(site, crumbs)) as {
    "@type": string;
    itemListElement: Array<Record<string, unknown>>;
  };
  assert.equal(ld["@type"], "BreadcrumbList");
  assert.deepEqual(
    ld.itemListElement.map((i) => [i["@type"], i.position, i.name, i.item]),
    [
      ["ListItem", 1, "首页", "https://example.org/fanzha/"],
      ["ListItem", 2, "江苏", "https://example.org/fanzha/regions/jiangsu/"],
      ["ListItem", 3, "无锡", "https://example.org/fanzha/regions/wuxi/"],
      ["ListItem", 4, "无锡“天网”行动通报", undefined],
    ],
  );
});

test("a hostile title stays inert inside the script element and parses back exactly", () => {
  const hostile = makeBulletin({ slug: "hostile", title: HOSTILE, summary: `${HOSTILE}\u2028\u2029` });
  const text = jsonLdScript(newsArticleJsonLd(site, hostile));
  assert.ok(!/[<>&\u2028\u2029]/.test(text), "no raw <, >, & or line separators");
  assert.ok(!/&(?:lt|gt|amp|quot|#\d+);/.test(text), "no HTML entities inside JSON");
  assert.match(text, /\\u003c\/script\\u003e\\u003cscript\\u003ealert\(1\)\\u003c\/script\\u003e \\u0026 \\"引号\\"/);
  const ld = embedAndRead(newsArticleJsonLd(site, hostile)) as Record<string, unknown>;
  assert.equal(ld.headline, HOSTILE);
  assert.equal(ld.description, `${HOSTILE}\u2028\u2029`);
});
