import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { newsNow, newsSitemap, robotsTxt, sitemap, sitemaps } from "../src/feeds/sitemap.ts";
import { crawlerFiles, isListablePage, sitemapFiles } from "../src/feeds/documents.ts";
import { isoDate } from "../src/dates.ts";
import { makeBulletin, ZONE } from "./fixtures/make-bulletin.ts";
import { child, childElements, childText, parseXml, siteSettings } from "./fixtures/feeds.ts";

const site = siteSettings();
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

// 2023-08-29T12:00:00+08:00
const EPOCH = "1693281600";
const now = DateTime.fromSeconds(Number(EPOCH), { zone: ZONE });
const hoursAgo = (h: number) => now.minus({ hours: h });

function urls(xml: string) {
  const root = parseXml(xml).documentElement!;
  assert.equal(root.nodeName, "urlset");
  assert.equal(root.namespaceURI, SITEMAP_NS);
  return childElements(root).filter((e) => e.nodeName === "url");
}

test("the sitemap lists every page once, absolute, in path order, with lastmod in the site's zone", () => {
  const xml = sitemap(site, [
    { path: "/regions/wuxi/" },
    { path: "/", lastmod: DateTime.fromISO("2023-08-29T01:30:00Z", { zone: "utc" }) },
    { path: "/bulletins/2023/08/a/", lastmod: DateTime.fromISO("2023-08-01T09:00", { zone: ZONE }) },
    { path: "/regions/wuxi/", lastmod: DateTime.fromISO("2023-08-02T09:00", { zone: ZONE }) },
  ]);
  const entries = urls(xml).map((u) => [childText(u, "loc"), childText(u, "lastmod")]);
  assert.deepEqual(entries, [
    ["https://example.org/fanzha/", "2023-08-29T09:30:00+08:00"],
    ["https://example.org/fanzha/bulletins/2023/08/a/", "2023-08-01T09:00:00+08:00"],
    ["https://example.org/fanzha/regions/wuxi/", "2023-08-02T09:00:00+08:00"],
  ]);
  assert.deepEqual(
    childElements(urls(sitemap(site, [{ path: "/search/" }]))[0]!).map((e) => e.nodeName),
    ["loc"],
    "no lastmod element without a date",
  );
});

test("the news sitemap holds exactly the bulletins of the two days up to SOURCE_DATE_EPOCH", () => {
  const bulletins = [
    makeBulletin({ slug: "hour-ago", date: hoursAgo(1) }),
    makeBulletin({ slug: "edge", date: hoursAgo(48) }),
    makeBulletin({ slug: "too-old", date: hoursAgo(48).minus({ minutes: 1 }) }),
    makeBulletin({ slug: "day-ago", date: hoursAgo(24), lang: "zh-Hant", title: "繁體標題" }),
    makeBulletin({ slug: "after-now", date: now.plus({ minutes: 1 }) }),
  ];
  const at = newsNow(bulletins, now.setZone("UTC"), ZONE);
  assert.equal(at.toISO(), "2023-08-29T12:00:00.000+08:00");
  const xml = newsSitemap(site, bulletins, at);
  const root = parseXml(xml).documentElement!;
  assert.equal(root.lookupNamespaceURI("news"), NEWS_NS);
  const entries = urls(xml);
  assert.deepEqual(
    entries.map((u) => childText(u, "loc")),
    ["hour-ago", "day-ago", "edge"].map((slug) => `https://example.org/fanzha/bulletins/2023/08/${slug}/`),
  );
  const news = child(entries[1]!, "news:news")!;
  assert.equal(news.namespaceURI, NEWS_NS);
  assert.deepEqual(
    childElements(news).map((e) => e.nodeName),
    ["news:publication", "news:publication_date", "news:title"],
  );
  const publication = child(news, "news:publication")!;
  assert.equal(childText(publication, "news:name"), "反诈快报");
  assert.equal(childText(publication, "news:language"), "zh-tw");
  assert.equal(childText(news, "news:publication_date"), "2023-08-28T12:00:00+08:00");
  assert.equal(childText(news, "news:title"), "繁體標題");
  const simplified = child(child(entries[0]!, "news:news")!, "news:publication")!;
  assert.equal(childText(simplified, "news:language"), "zh-cn");
});

test("a later fixed now (SOURCE_DATE_EPOCH) moves the window, so old bulletins leave the news sitemap", () => {
  const bulletins = [makeBulletin({ slug: "hour-ago", date: hoursAgo(1) })];
  const later = newsNow(bulletins, now.plus({ days: 3 }), ZONE);
  assert.equal(urls(newsSitemap(site, bulletins, later)).length, 0);
  assert.equal(urls(newsSitemap(site, bulletins, now)).length, 1);
});

test("without SOURCE_DATE_EPOCH, now is the newest published bulletin's date", () => {
  const bulletins = [makeBulletin({ slug: "a", date: hoursAgo(30) }), makeBulletin({ slug: "b", date: hoursAgo(5) })];
  assert.equal(newsNow(bulletins, undefined, ZONE).toISO(), hoursAgo(5).toISO());
  assert.equal(newsNow([], undefined, ZONE).toMillis(), 0);
});

test("a hostile title is escaped in the news sitemap and parses back exactly", () => {
  const title = `</script><script>alert(1)</script> & "引号"`;
  const xml = newsSitemap(site, [makeBulletin({ slug: "x", date: hoursAgo(1), title })], now);
  assert.ok(!xml.includes("<script>"));
  assert.equal(childText(child(urls(xml)[0]!, "news:news")!, "news:title"), title);
});

test("robots.txt names the sitemap index and the News sitemap by absolute URL", () => {
  const lines = robotsTxt(site).split("\n");
  assert.ok(lines.includes("User-agent: *"));
  assert.deepEqual(
    lines.filter((l) => l.startsWith("Sitemap: ")),
    ["Sitemap: https://example.org/fanzha/sitemap.xml", "Sitemap: https://example.org/fanzha/news-sitemap.xml"],
  );
});

test("sitemaps split the pages in path order under an index that names each part with its newest lastmod", () => {
  const at = (day: number) => DateTime.fromISO(`2023-08-${String(day).padStart(2, "0")}T09:00`, { zone: ZONE });
  const pages = [
    { path: "/e/", lastmod: at(5) },
    { path: "/a/", lastmod: at(9) },
    { path: "/c/" },
    { path: "/b/", lastmod: at(2) },
    { path: "/d/", lastmod: at(3) },
    { path: "/a/", lastmod: at(1) },
  ];
  const files = sitemaps(site, pages, 2);
  assert.deepEqual(
    files.map((f) => f.path),
    ["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml", "/sitemap-3.xml"],
  );
  const index = parseXml(files[0]!.content).documentElement!;
  assert.equal(index.nodeName, "sitemapindex");
  assert.equal(index.namespaceURI, SITEMAP_NS);
  assert.deepEqual(
    childElements(index).map((s) => [childText(s, "loc"), childText(s, "lastmod")]),
    [
      ["https://example.org/fanzha/sitemap-1.xml", "2023-08-09T09:00:00+08:00"],
      ["https://example.org/fanzha/sitemap-2.xml", "2023-08-03T09:00:00+08:00"],
      ["https://example.org/fanzha/sitemap-3.xml", "2023-08-05T09:00:00+08:00"],
    ],
  );
  assert.deepEqual(
    files
      .slice(1)
      .map((f) => urls(f.content).map((u) => childText(u, "loc")!.replace("https://example.org/fanzha", ""))),
    [["/a/", "/b/"], ["/c/", "/d/"], ["/e/"]],
  );
  const small = sitemaps(site, pages);
  assert.equal(small.length, 2, "at most 50,000 URLs: the index and one sitemap");
  assert.equal(urls(small[1]!.content).length, 5);
  const empty = sitemaps(site, []);
  assert.deepEqual(
    empty.map((f) => f.path),
    ["/sitemap.xml", "/sitemap-1.xml"],
    "an empty site still has its index and one sitemap",
  );
});

test("sitemapFiles lists the built HTML pages only, dated by their bulletins", () => {
  const a = makeBulletin({ slug: "a", date: hoursAgo(30) });
  const b = makeBulletin({ slug: "b", date: hoursAgo(50), updated: hoursAgo(2) });
  const listing = {
    title: "无锡",
    description: "",
    basePath: "/regions/wuxi/",
    path: "/regions/wuxi/page/2/",
    pageNumber: 2,
    items: [a],
  };
  const built = [
    "/",
    "/feed.xml",
    "/feed.json",
    "/404.html",
    "/robots.txt",
    a.url,
    b.url,
    "/regions/wuxi/page/2/",
    "/search/",
  ];
  const [index, file, ...more] = sitemapFiles(site, built, [a, b], [listing]);
  assert.equal(index!.path, "/sitemap.xml");
  assert.equal(file!.path, "/sitemap-1.xml");
  assert.equal(more.length, 0);
  const entries = Object.fromEntries(urls(file!.content).map((u) => [childText(u, "loc"), childText(u, "lastmod")]));
  const abs = (p: string) => `https://example.org/fanzha${p}`;
  assert.deepEqual(entries, {
    [abs("/")]: isoDate(hoursAgo(2)),
    [abs(a.url)]: isoDate(hoursAgo(30)),
    [abs(b.url)]: isoDate(hoursAgo(2)),
    [abs("/regions/wuxi/page/2/")]: isoDate(hoursAgo(30)),
    [abs("/search/")]: isoDate(hoursAgo(2)),
  });
  assert.ok(isListablePage("/about.html") && !isListablePage("/404.html") && !isListablePage("/feed.xml"));
});

test("crawlerFiles writes the News sitemap for the build's fixed now and robots.txt", () => {
  const bulletins = [makeBulletin({ slug: "recent", date: hoursAgo(1) })];
  const files = crawlerFiles(site, bulletins, now);
  assert.deepEqual(
    files.map((f) => f.path),
    ["/news-sitemap.xml", "/robots.txt"],
  );
  assert.equal(urls(files[0]!.content).length, 1);
  const later = crawlerFiles(site, bulletins, now.plus({ days: 3 }));
  assert.equal(urls(later[0]!.content).length, 0);
});
