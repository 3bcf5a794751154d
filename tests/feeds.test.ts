import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { atomFeed } from "../src/feeds/atom.ts";
import { jsonFeed, JSON_FEED_VERSION } from "../src/feeds/json-feed.ts";
import { FEED_SIZE, type FeedInput } from "../src/feeds/entries.ts";
import { absoluteHtml } from "../src/feeds/absolute-html.ts";
import { feedFiles, type FeedListing } from "../src/feeds/documents.ts";
import { escapeXml } from "../src/feeds/xml.ts";
import { campaign, fraudType, makeBulletin, regions, ZONE } from "./fixtures/make-bulletin.ts";
import { child, childElements, childText, parseXml, siteSettings } from "./fixtures/feeds.ts";

const HOSTILE = `</script><script>alert(1)</script> & "引号"`;
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

const site = siteSettings();
const xindun = campaign("xindun", "心盾");
const shuadan = fraudType("shuadan", "刷单返利");

const older = makeBulletin({
  slug: "older",
  title: "较早的通报",
  date: at("2023-08-01T09:00"),
  authors: ["张记者", "李通讯员"],
  campaigns: [xindun],
  types: [shuadan],
  tags: ["老年人"],
  summary: "较早通报的摘要",
  html: `<p>见<a href="/fanzha/regions/wuxi/">无锡</a>与<a href="#detail">详情</a>，<img src="pic.png" alt="图"></p>`,
});
const newer = makeBulletin({
  slug: "newer",
  title: "较新的通报",
  date: at("2023-08-20T10:30"),
  region: regions.hangzhou,
  summary: "较新通报的摘要",
});
// Edited after the newer one was published: its update time is the feed's newest change.
const edited = makeBulletin({
  slug: "edited",
  title: "更正后的通报",
  date: at("2023-08-10T08:00"),
  updated: at("2023-08-25T16:45"),
});

function input(over: Partial<FeedInput> = {}): FeedInput {
  return { site, title: "反诈快报", selfPath: "/feed.xml", homePath: "/", bulletins: [older, newer, edited], ...over };
}

function atomEntries(xml: string) {
  const feed = parseXml(xml).documentElement!;
  return { feed, entries: childElements(feed).filter((e) => e.nodeName === "entry") };
}

test("the Atom feed parses and names its feed-level elements before any entry", () => {
  const { feed } = atomEntries(atomFeed(input()));
  assert.equal(feed.nodeName, "feed");
  assert.equal(feed.namespaceURI, "http://www.w3.org/2005/Atom");
  const names = childElements(feed).map((e) => e.nodeName);
  const firstEntry = names.indexOf("entry");
  assert.ok(firstEntry > 0, "has entries");
  for (const required of ["id", "title", "updated", "link", "author", "generator", "subtitle"]) {
    const at = names.indexOf(required);
    assert.ok(at >= 0 && at < firstEntry, `${required} before the first entry, got ${names.join(",")}`);
  }
  assert.deepEqual(names.slice(0, 4), ["id", "title", "subtitle", "updated"]);
  assert.ok(
    names.slice(firstEntry).every((n) => n === "entry"),
    "nothing after the entries",
  );
});

test("Atom feed links and ids are absolute under the path prefix", () => {
  const { feed } = atomEntries(
    atomFeed(input({ selfPath: "/campaigns/xindun/feed.xml", homePath: "/campaigns/xindun/" })),
  );
  const links = childElements(feed).filter((e) => e.nodeName === "link");
  assert.deepEqual(
    links.map((l) => [l.getAttribute("rel"), l.getAttribute("href")]),
    [
      ["self", "https://example.org/fanzha/campaigns/xindun/feed.xml"],
      ["alternate", "https://example.org/fanzha/campaigns/xindun/"],
    ],
  );
  assert.equal(childText(feed, "id"), "https://example.org/fanzha/campaigns/xindun/feed.xml");
});

test("Atom entries come newest first with the required elements, times in +08:00", () => {
  const { feed, entries } = atomEntries(atomFeed(input()));
  assert.deepEqual(
    entries.map((e) => childText(e, "title")),
    ["较新的通报", "更正后的通报", "较早的通报"],
  );
  const first = entries[0]!;
  assert.deepEqual(
    childElements(first)
      .map((e) => e.nodeName)
      .filter((n, i, all) => all.indexOf(n) === i),
    ["id", "title", "link", "published", "updated", "category", "summary", "content"],
  );
  assert.equal(childText(first, "id"), "https://example.org/fanzha/bulletins/2023/08/newer/");
  assert.equal(child(first, "link")!.getAttribute("href"), "https://example.org/fanzha/bulletins/2023/08/newer/");
  assert.equal(childText(first, "published"), "2023-08-20T10:30:00+08:00");
  assert.equal(childText(first, "summary"), "较新通报的摘要");
  // The feed's updated is the newest change in it, not the time of the build.
  assert.equal(childText(feed, "updated"), "2023-08-25T16:45:00+08:00");
  assert.equal(childText(entries[1]!, "updated"), "2023-08-25T16:45:00+08:00");
  assert.equal(childText(entries[1]!, "published"), "2023-08-10T08:00:00+08:00");
});

test("a time given in another zone is written in the site's zone", () => {
  const utc = makeBulletin({ slug: "utc", date: DateTime.fromISO("2023-08-01T01:00:00Z", { zone: "utc" }) });
  const { entries } = atomEntries(atomFeed(input({ bulletins: [utc] })));
  assert.equal(childText(entries[0]!, "published"), "2023-08-01T09:00:00+08:00");
});

test("Atom entries carry authors, categories per campaign, type, region and tag, and full HTML content", () => {
  const { entries } = atomEntries(atomFeed(input()));
  const entry = entries.find((e) => childText(e, "title") === "较早的通报")!;
  const authors = childElements(entry)
    .filter((e) => e.nodeName === "author")
    .map((a) => childText(a, "name"));
  assert.deepEqual(authors, ["张记者", "李通讯员"]);
  const categories = childElements(entry)
    .filter((e) => e.nodeName === "category")
    .map((c) => [c.getAttribute("term"), c.getAttribute("label"), c.getAttribute("scheme") ?? ""]);
  assert.deepEqual(categories, [
    ["xindun", "心盾", "https://example.org/fanzha/campaigns/"],
    ["shuadan", "刷单返利", "https://example.org/fanzha/types/"],
    ["jiangsu", "江苏省", "https://example.org/fanzha/regions/"],
    ["wuxi", "无锡市", "https://example.org/fanzha/regions/"],
    ["老年人", "老年人", ""],
  ]);
  const content = child(entry, "content")!;
  assert.equal(content.getAttribute("type"), "html");
  assert.equal(
    content.textContent,
    `<p>见<a href="https://example.org/fanzha/regions/wuxi/">无锡</a>与` +
      `<a href="https://example.org/fanzha/bulletins/2023/08/older/#detail">详情</a>，` +
      `<img src="https://example.org/fanzha/bulletins/2023/08/older/pic.png" alt="图"></p>`,
  );
});

test("a feed holds the latest 50 bulletins whatever the input order, without changing the input", () => {
  const many = Array.from({ length: 60 }, (_, i) =>
    makeBulletin({ slug: `b${String(i).padStart(2, "0")}`, date: at("2023-01-01T08:00").plus({ hours: i }) }),
  );
  const shuffled = [...many.slice(30), ...many.slice(0, 30)];
  const before = shuffled.map((b) => b.slug);
  const { entries } = atomEntries(atomFeed(input({ bulletins: shuffled })));
  assert.equal(entries.length, FEED_SIZE);
  assert.deepEqual(
    entries.map((e) => childText(e, "title")),
    many
      .slice(10)
      .reverse()
      .map((b) => b.slug),
  );
  assert.deepEqual(
    shuffled.map((b) => b.slug),
    before,
  );
  assert.equal(atomFeed(input({ bulletins: shuffled })), atomFeed(input({ bulletins: [...shuffled].reverse() })));
});

test("an empty feed is still a valid Atom document with a reproducible updated time", () => {
  const { feed, entries } = atomEntries(atomFeed(input({ bulletins: [] })));
  assert.equal(entries.length, 0);
  assert.equal(childText(feed, "updated"), "1970-01-01T08:00:00+08:00");
});

test("a hostile title comes out escaped in Atom and parses back to the exact title", () => {
  const hostile = makeBulletin({
    slug: "hostile",
    title: HOSTILE,
    summary: HOSTILE,
    authors: [HOSTILE],
    tags: [HOSTILE],
  });
  const xml = atomFeed(input({ bulletins: [hostile], title: HOSTILE }));
  assert.ok(!xml.includes("<script>"), "no live markup in the XML text");
  assert.ok(!xml.includes("</script>"));
  const { feed, entries } = atomEntries(xml);
  assert.equal(childText(feed, "title"), HOSTILE);
  const entry = entries[0]!;
  assert.equal(childText(entry, "title"), HOSTILE);
  assert.equal(childText(entry, "summary"), HOSTILE);
  assert.equal(childText(child(entry, "author")!, "name"), HOSTILE);
  const tag = childElements(entry).find((e) => e.nodeName === "category" && !e.hasAttribute("scheme"))!;
  assert.equal(tag.getAttribute("term"), HOSTILE);
});

test("characters XML forbids are dropped so the feed still parses", () => {
  const odd = makeBulletin({ slug: "odd", title: "标题\u0001\u000b结束\uFFFF", summary: "半个\uD800代理" });
  const { entries } = atomEntries(atomFeed(input({ bulletins: [odd] })));
  assert.equal(childText(entries[0]!, "title"), "标题结束");
  assert.equal(childText(entries[0]!, "summary"), "半个代理");
  assert.equal(escapeXml(`a&b<c>d"e'f`), "a&amp;b&lt;c&gt;d&quot;e&apos;f");
});

test("JSON Feed 1.1 has its version, required fields and items newest first", () => {
  const doc = JSON.parse(jsonFeed(input()));
  assert.equal(doc.version, JSON_FEED_VERSION);
  assert.equal(doc.version, "https://jsonfeed.org/version/1.1");
  assert.equal(doc.title, "反诈快报");
  assert.equal(doc.home_page_url, "https://example.org/fanzha/");
  assert.equal(doc.feed_url, "https://example.org/fanzha/feed.xml");
  assert.equal(doc.language, "zh-Hans");
  assert.deepEqual(doc.authors, [{ name: "反诈快报编辑部" }]);
  assert.deepEqual(
    doc.items.map((i: { title: string }) => i.title),
    ["较新的通报", "更正后的通报", "较早的通报"],
  );
  for (const item of doc.items) {
    for (const field of ["id", "url", "title", "content_html", "summary", "date_published", "date_modified", "tags"]) {
      assert.ok(field in item, `item has ${field}`);
    }
    assert.match(item.date_published, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
  }
  const edited = doc.items[1];
  assert.equal(edited.date_published, "2023-08-10T08:00:00+08:00");
  assert.equal(edited.date_modified, "2023-08-25T16:45:00+08:00");
  const old = doc.items[2];
  assert.equal(old.id, "https://example.org/fanzha/bulletins/2023/08/older/");
  assert.deepEqual(old.authors, [{ name: "张记者" }, { name: "李通讯员" }]);
  assert.deepEqual(old.tags, ["心盾", "刷单返利", "江苏省", "无锡市", "老年人"]);
  assert.match(old.content_html, /href="https:\/\/example\.org\/fanzha\/regions\/wuxi\/"/);
});

test("Atom and JSON Feed hold the same entries with the same ids", () => {
  const { entries } = atomEntries(atomFeed(input()));
  const doc = JSON.parse(jsonFeed(input()));
  assert.deepEqual(
    entries.map((e) => childText(e, "id")),
    doc.items.map((i: { id: string }) => i.id),
  );
});

test("a hostile title parses back exactly from the JSON Feed", () => {
  const hostile = makeBulletin({ slug: "hostile", title: HOSTILE, authors: [HOSTILE] });
  const doc = JSON.parse(jsonFeed(input({ bulletins: [hostile], title: HOSTILE })));
  assert.equal(doc.title, HOSTILE);
  assert.equal(doc.items[0].title, HOSTILE);
  assert.deepEqual(doc.items[0].authors, [{ name: HOSTILE }]);
});

test("absoluteHtml leaves absolute and scheme links alone", () => {
  const base = "https://example.org/fanzha/bulletins/2023/08/x/";
  const html = `<a href="https://other.example/a">a</a><a href="mailto:a@b.c">m</a><a href="">e</a><a href="../y/">y</a>`;
  assert.equal(
    absoluteHtml(html, base),
    `<a href="https://other.example/a">a</a><a href="mailto:a@b.c">m</a><a href="">e</a>` +
      `<a href="https://example.org/fanzha/bulletins/2023/08/y/">y</a>`,
  );
});

test("feedFiles writes the site feeds and an Atom + JSON pair per term with a feed, from all its listing pages", () => {
  const page = (pageNumber: number, items: (typeof older)[], over: Partial<FeedListing> = {}): FeedListing => ({
    title: "心盾",
    description: "心盾专项行动",
    basePath: "/campaigns/xindun/",
    path: pageNumber === 1 ? "/campaigns/xindun/" : `/campaigns/xindun/page/${pageNumber}/`,
    pageNumber,
    feedPath: "/campaigns/xindun/feed.xml",
    items,
    ...over,
  });
  const listings = [
    page(2, [older]),
    page(1, [newer, edited]),
    {
      ...page(1, [newer]),
      title: "刷单返利",
      basePath: "/types/shuadan/",
      path: "/types/shuadan/",
      feedPath: undefined,
    },
  ];
  const files = feedFiles(site, [older, newer, edited], listings);
  assert.deepEqual(
    files.map((f) => f.path),
    ["/feed.xml", "/feed.json", "/campaigns/xindun/feed.xml", "/campaigns/xindun/feed.json"],
  );
  const termAtom = atomEntries(files[2]!.content);
  assert.equal(childText(termAtom.feed, "title"), "心盾 - 反诈快报");
  assert.equal(childText(termAtom.feed, "subtitle"), "心盾专项行动");
  assert.equal(termAtom.entries.length, 3, "items of page 2 are in the feed too");
  const termJson = JSON.parse(files[3]!.content);
  assert.equal(termJson.feed_url, "https://example.org/fanzha/campaigns/xindun/feed.json");
  assert.equal(termJson.home_page_url, "https://example.org/fanzha/campaigns/xindun/");
  assert.equal(JSON.parse(files[1]!.content).feed_url, "https://example.org/fanzha/feed.json");
});

test("a lead image's resized copy becomes the JSON Feed item's absolute image URL", () => {
  const pictured = makeBulletin({
    slug: "pictured",
    image: { src: "content/images/a.jpg", alt: "现场", sharePath: "/img/0123abcd-share.jpeg", line: 9 },
  });
  const doc = JSON.parse(jsonFeed(input({ bulletins: [pictured, newer] })));
  assert.equal(doc.items[0].image, "https://example.org/fanzha/img/0123abcd-share.jpeg");
  assert.ok(!("image" in doc.items[1]));
});
