// Builds the sample site (plus one bulletin with a hostile title) under SITE_URL=https://example.org and
// PATH_PREFIX=/fanzha/, then reads back every feed, sitemap and page head as a subscriber or crawler would.
import { strict as assert } from "node:assert";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { before, describe, it } from "node:test";
import { DateTime } from "luxon";
import { ADMIN_PATH } from "../src/cms/config.ts";
import { runBuild } from "../src/commands/build.ts";
import { loadSite } from "../src/site.ts";
import { copyContent, ROOT, writeBulletin } from "./helpers/content-copy.ts";
import { child, childElements, childText, parseXml } from "./fixtures/feeds.ts";

const ORIGIN = "https://example.org";
const BASE = `${ORIGIN}/fanzha/`;
const HOSTILE = `</script><script>alert(1)</script> & "引号"`;
const ZONE = "Asia/Shanghai";
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

// "Now" is fixed half a day after the newest sample bulletin, so the News sitemap's window always holds
// some bulletins and leaves older ones out, whatever the sample content grows into.
const sample = loadSite({ root: ROOT, mode: "production", env: {} });
const newest = sample.bulletins[0]!.date.setZone(ZONE);
const now = newest.plus({ hours: 12 });
const EPOCH = String(Math.floor(now.toSeconds()));
const hostileDate = newest.plus({ hours: 1 });

let out = "";
const files: string[] = [];
const read = (rel: string) => readFileSync(join(out, rel), "utf8");
/** Output file of a site URL under the prefix, e.g. https://example.org/fanzha/regions/ → regions/index.html. */
function fileOf(url: string): string {
  assert.ok(url.startsWith(BASE), `${url} is not under ${BASE}`);
  const path = url.slice(BASE.length);
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}
const urlOf = (file: string) => BASE + file.replace(/(^|\/)index\.html$/, "$1");

function decodeEntities(text: string): string {
  return text.replace(
    /&(lt|gt|quot|#39|amp);/g,
    (_, e: string) => ({ lt: "<", gt: ">", quot: '"', "#39": "'", amp: "&" })[e]!,
  );
}
function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]!) : undefined;
}
function head(html: string) {
  const text = html.slice(0, html.indexOf("</head>"));
  const tags = (name: string) => [...text.matchAll(new RegExp(`<${name}\\s[^>]*>`, "g"))].map((m) => m[0]);
  const metas = tags("meta").map((t) => ({ key: attr(t, "property") ?? attr(t, "name"), content: attr(t, "content") }));
  return {
    links: tags("link").map((t) => ({ rel: attr(t, "rel"), type: attr(t, "type"), href: attr(t, "href") })),
    meta: (key: string) => metas.filter((m) => m.key === key).map((m) => m.content),
    jsonLd: [...text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]!),
    ),
  };
}

describe("feeds, sitemaps and metadata of a build under a path prefix", () => {
  before(async () => {
    const content = copyContent();
    writeBulletin(
      content,
      "2099/hostile-title.md",
      [
        "---",
        `title: '${HOSTILE}'`,
        `date: ${hostileDate.toFormat("yyyy-MM-dd HH:mm")}`,
        "region: wuxi",
        `summary: '${HOSTILE}'`,
        "---",
        "",
        "正文第一段。",
        "",
      ].join("\n"),
    );
    // Either side of the two-day edge of the News sitemap's window.
    for (const [slug, hours] of [
      ["window-inside", 47],
      ["window-outside", 49],
    ] as const) {
      writeBulletin(
        content,
        `2099/${slug}.md`,
        `---\ntitle: 窗口${slug}\ndate: ${now.minus({ hours }).toFormat("yyyy-MM-dd HH:mm")}\nregion: wuxi\n---\n\n正文。\n`,
      );
    }
    out = join(mkdtempSync(join(tmpdir(), "fanzha-feeds-")), "site");
    const env = { SITE_URL: ORIGIN, PATH_PREFIX: "/fanzha/", SOURCE_DATE_EPOCH: EPOCH };
    // Rendered in several Eleventy runs of 5 pages, so that the sitemaps cover every run's pages.
    const batch = { FANZHA_RENDER_BATCH: "5" };
    // The feeds plugin reads SOURCE_DATE_EPOCH from the process environment, as `npm run build` sets it.
    Object.assign(process.env, env);
    await runBuild({ root: ROOT, contentDir: content, outDir: out, search: false, env: { ...env, ...batch } });
    for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(relative(out, join(entry.parentPath, entry.name)).split("\\").join("/"));
    }
  });

  // The readers' pages: the web editor at /admin/ is no page for crawlers and carries no metadata.
  const htmlPages = () => files.filter((f) => f.endsWith(".html") && !f.startsWith(ADMIN_PATH.slice(1)));
  const bulletinPages = () => htmlPages().filter((f) => f.startsWith("bulletins/"));
  const atomFiles = () => files.filter((f) => /(^|\/)feed\.xml$/.test(f));
  const jsonFiles = () => files.filter((f) => /(^|\/)feed\.json$/.test(f));

  it("writes the site feeds and an Atom + JSON pair for every campaign and region listing", () => {
    assert.ok(files.includes("feed.xml") && files.includes("feed.json"));
    const termListings = htmlPages().filter((f) => /^(campaigns|regions)\/[^/]+\/index\.html$/.test(f));
    assert.ok(termListings.length >= 10, `only ${termListings.length} campaign and region pages`);
    for (const listing of termListings) {
      const dir = listing.replace(/index\.html$/, "");
      assert.ok(files.includes(`${dir}feed.xml`) && files.includes(`${dir}feed.json`), `no feeds for ${dir}`);
    }
    assert.equal(atomFiles().length, termListings.length + 1);
    assert.equal(jsonFiles().length, atomFiles().length);
  });

  it("every Atom feed parses, with feed-level elements first, absolute URLs, entries newest first", () => {
    for (const file of atomFiles()) {
      const feed = parseXml(read(file)).documentElement!;
      const names = childElements(feed).map((e) => e.nodeName);
      const firstEntry = names.indexOf("entry");
      assert.ok(firstEntry > 0, `${file} has entries`);
      for (const name of ["id", "title", "updated"])
        assert.ok(names.indexOf(name) < firstEntry, `${file}: ${name} first`);
      const self = childElements(feed).find((e) => e.nodeName === "link" && e.getAttribute("rel") === "self")!;
      assert.equal(self.getAttribute("href"), BASE + file);
      const entries = childElements(feed).filter((e) => e.nodeName === "entry");
      assert.ok(entries.length <= 50);
      const published = entries.map((e) => DateTime.fromISO(childText(e, "published")!).toMillis());
      assert.deepEqual(
        published,
        [...published].sort((a, b) => b - a),
        `${file} newest first`,
      );
      for (const entry of entries) {
        assert.match(childText(entry, "published")!, ISO_WITH_OFFSET);
        assert.match(childText(entry, "updated")!, ISO_WITH_OFFSET);
        const href = child(entry, "link")!.getAttribute("href")!;
        assert.equal(childText(entry, "id"), href);
        assert.ok(existsSync(join(out, fileOf(href))), `${file} links to a missing page ${href}`);
        assert.ok(childText(entry, "content")!.length > 0);
      }
      assert.equal(
        childText(feed, "updated"),
        entries
          .map((e) => childText(e, "updated")!)
          .sort()
          .at(-1),
      );
    }
  });

  it("every JSON Feed parses as version 1.1 with the required fields", () => {
    for (const file of jsonFiles()) {
      const doc = JSON.parse(read(file));
      assert.equal(doc.version, "https://jsonfeed.org/version/1.1");
      assert.equal(doc.feed_url, BASE + file);
      assert.ok(doc.home_page_url.startsWith(BASE) && typeof doc.title === "string");
      assert.ok(doc.items.length > 0, `${file} has items`);
      for (const item of doc.items) {
        assert.ok(item.id && item.url.startsWith(BASE) && item.title && item.content_html, `${file}: item fields`);
        assert.match(item.date_published, ISO_WITH_OFFSET);
      }
    }
  });

  it("the sitemaps under the index list exactly the built HTML pages, by absolute URL", () => {
    const index = parseXml(read("sitemap.xml")).documentElement!;
    assert.equal(index.nodeName, "sitemapindex");
    const parts = childElements(index).map((s) => parseXml(read(fileOf(childText(s, "loc")!))).documentElement!);
    assert.equal(parts.length, 1);
    const locs = parts.flatMap((part) => childElements(part).map((u) => childText(u, "loc")!));
    const expected = htmlPages()
      .filter((f) => f !== "404.html")
      .map(urlOf);
    assert.deepEqual([...locs].sort(), [...expected].sort());
    assert.equal(new Set(locs).size, locs.length);
    for (const u of parts.flatMap((part) => childElements(part))) {
      const lastmod = childText(u, "lastmod");
      if (lastmod !== undefined) assert.match(lastmod, ISO_WITH_OFFSET);
    }
  });

  it("the News sitemap holds exactly the bulletins of the two days up to SOURCE_DATE_EPOCH", () => {
    const since = now.minus({ days: 2 });
    const published = bulletinPages().map((f) => ({
      url: urlOf(f),
      date: DateTime.fromISO(head(read(f)).meta("article:published_time")[0]!),
    }));
    const inWindow = published.filter((p) => p.date >= since && p.date <= now).map((p) => p.url);
    assert.ok(inWindow.length >= 2, "the window holds the newest sample bulletin and the hostile one");
    assert.ok(inWindow.length < published.length, "older bulletins are left out");
    const root = parseXml(read("news-sitemap.xml")).documentElement!;
    const urls = childElements(root);
    assert.deepEqual(urls.map((u) => childText(u, "loc")).sort(), inWindow.sort());
    const locs = urls.map((u) => childText(u, "loc")!);
    assert.ok(
      locs.some((l) => l.includes("/window-inside/")),
      "47 hours old is inside",
    );
    assert.ok(!locs.some((l) => l.includes("/window-outside/")), "49 hours old is outside");
    assert.ok(
      bulletinPages().some((f) => f.includes("/window-outside/")),
      "but it was built",
    );
    for (const u of urls) {
      const news = child(u, "news:news")!;
      assert.match(childText(news, "news:publication_date")!, ISO_WITH_OFFSET);
      assert.ok(childText(child(news, "news:publication")!, "news:name"));
      assert.match(childText(child(news, "news:publication")!, "news:language")!, /^zh-(cn|tw)$/);
    }
  });

  it("robots.txt names the sitemap index and the News sitemap", () => {
    const robots = read("robots.txt");
    assert.ok(robots.includes(`Sitemap: ${BASE}sitemap.xml\n`));
    assert.ok(robots.includes(`Sitemap: ${BASE}news-sitemap.xml\n`));
  });

  it("every page has an absolute canonical URL, matching Open Graph tags and feed links that resolve", () => {
    for (const file of htmlPages()) {
      const h = head(read(file));
      const canonical = h.links.filter((l) => l.rel === "canonical").map((l) => l.href);
      assert.deepEqual(canonical, [urlOf(file)], `${file} canonical`);
      assert.deepEqual(h.meta("og:url"), canonical, `${file} og:url`);
      for (const key of ["og:title", "og:description", "og:type", "og:site_name", "twitter:card", "twitter:title"]) {
        assert.equal(h.meta(key).length, 1, `${file} has one ${key}`);
      }
      const alternates = h.links.filter((l) => l.rel === "alternate");
      assert.ok(
        alternates.some((l) => l.href === `${BASE}feed.xml` && l.type === "application/atom+xml"),
        `${file} links the site feed`,
      );
      for (const l of alternates) assert.ok(files.includes(fileOf(l.href!)), `${file}: alternate ${l.href} was built`);
      for (const ld of h.jsonLd) assert.equal(ld["@context"], "https://schema.org");
      for (const image of [...h.meta("og:image"), ...h.meta("twitter:image")]) {
        assert.ok(files.includes(fileOf(image!)), `${file}: image ${image} was built`);
      }
    }
    const listing = head(read("campaigns/xindun/index.html"));
    assert.ok(listing.links.some((l) => l.href === `${BASE}campaigns/xindun/feed.xml`));
    assert.ok(listing.links.some((l) => l.href === `${BASE}campaigns/xindun/feed.json`));
  });

  it("every bulletin page carries NewsArticle and BreadcrumbList JSON-LD with the required fields", () => {
    for (const file of bulletinPages()) {
      const ld = head(read(file)).jsonLd;
      const article = ld.find((x) => x["@type"] === "NewsArticle");
      assert.ok(article, `${file} has NewsArticle`);
      assert.equal(article.mainEntityOfPage["@id"], urlOf(file));
      assert.ok(article.headline);
      assert.match(article.datePublished, ISO_WITH_OFFSET);
      assert.match(article.dateModified, ISO_WITH_OFFSET);
      assert.ok(
        Array.isArray(article.author) &&
          article.author.length > 0 &&
          article.author.every((a: { name: string }) => a.name),
      );
      assert.equal(article.publisher["@type"], "Organization");
      assert.ok(article.publisher.name);
      const crumbs = ld.find((x) => x["@type"] === "BreadcrumbList");
      assert.ok(crumbs, `${file} has BreadcrumbList`);
      assert.equal(crumbs.itemListElement.at(-1).item, urlOf(file));
    }
  });

  it("no absolute URL of the settings file's origin is left anywhere", () => {
    for (const file of files.filter((f) => /\.(html|xml|json|txt)$/.test(f))) {
      assert.ok(!read(file).includes("fanzha.example.org"), `${file} still names the default origin`);
    }
  });

  it("a hostile title is inert and exact in the page, its JSON-LD, the Atom feed and the JSON Feed", () => {
    const page = files.find((f) => f.includes("/hostile-title/"))!;
    assert.ok(page, "the hostile bulletin was built");
    const html = read(page);
    assert.ok(!html.includes("<script>alert(1)"), "no live script in the page");
    assert.equal(
      html.match(/<script\b/g)!.length,
      html.match(/<\/script>/g)!.length,
      "scripts open and close in pairs",
    );
    const h = head(html);
    assert.deepEqual(h.meta("og:title"), [HOSTILE]);
    assert.equal(h.jsonLd.find((x) => x["@type"] === "NewsArticle").headline, HOSTILE);
    const url = urlOf(page);
    for (const feedFile of ["feed.xml", "regions/wuxi/feed.xml"]) {
      const xml = read(feedFile);
      assert.ok(!xml.includes("<script>"));
      const entry = childElements(parseXml(xml).documentElement!).find(
        (e) => e.nodeName === "entry" && childText(e, "id") === url,
      )!;
      assert.equal(childText(entry, "title"), HOSTILE, feedFile);
    }
    const item = JSON.parse(read("feed.json")).items.find((i: { id: string }) => i.id === url);
    assert.equal(item.title, HOSTILE);
    const news = childElements(parseXml(read("news-sitemap.xml")).documentElement!).find(
      (u) => childText(u, "loc") === url,
    )!;
    assert.equal(childText(child(news, "news:news")!, "news:title"), HOSTILE);
  });
});
