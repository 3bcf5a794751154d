import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { deriveSiteData } from "../src/site-data.ts";
import { loadSite } from "../src/site.ts";
import { SECTIONS } from "../src/sections.ts";
import { ROOT } from "./helpers/content-copy.ts";

const site = loadSite({
  root: ROOT,
  mode: "production",
  env: { PATH_PREFIX: "/fanzha/", SITE_URL: "https://example.org" },
});
const data = deriveSiteData(site);

/** Every `href` string anywhere in the derived data, with where it was found. */
function hrefs(value: unknown, where = "fz", seen = new Set<unknown>()): Array<[string, string]> {
  if (typeof value !== "object" || value === null || seen.has(value)) return [];
  seen.add(value);
  return Object.entries(value).flatMap(([k, v]): Array<[string, string]> => {
    const at = `${where}.${k}`;
    if (typeof v === "string" && (/href$/i.test(k) || where === "fz.links")) return [[at, v]];
    return hrefs(v, at, seen);
  });
}

describe("derived site data", () => {
  it("gives every page its head, computed when asked rather than held with the page", () => {
    const page = data.bulletinPages[0]!;
    const b = page.bulletin;
    assert.equal(page.head.title, `${b.title} - ${site.settings.title}`);
    assert.equal(page.head.canonical, `https://example.org/fanzha${b.url}`);
    assert.ok(page.head.jsonLd.some((j) => j.includes('"NewsArticle"')));
    assert.ok(!Object.keys(page).includes("head"), "not an own enumerable property: not kept per page");
    const second = data.listings.find((l) => l.pageNumber === 2)!;
    assert.equal(second.head.title, `${second.title} · 第2页 - ${site.settings.title}`);
    assert.ok(
      second.head.links.some((l) => l.href.endsWith(`${second.feedPath}`)),
      "a term's listing links its own feed",
    );
    assert.equal(data.heads.home.title, site.settings.title);
    assert.equal(data.heads.notFound.canonical, "https://example.org/fanzha/404.html");
  });
  it("computes every link under the path prefix", () => {
    const all = hrefs(data);
    assert.ok(all.length > 500, `${all.length} links`);
    // Page heads link feeds by absolute URL.
    for (const [at, href] of all)
      assert.ok(href.startsWith("/fanzha/") || href.startsWith("https://example.org/fanzha/"), `${at} = ${href}`);
  });
  it("links every published bulletin by its url, and its terms once for all bulletins", () => {
    assert.deepEqual(Object.keys(data.bulletinLinks).sort(), site.bulletins.map((b) => b.url).sort());
    const wuxi = Object.values(data.bulletinLinks)
      .flatMap((l) => l.regions)
      .filter((r) => r.path === "/regions/wuxi/");
    assert.ok(wuxi.length > 1 && wuxi.every((r) => r === wuxi[0]));
  });
  it("has a navigation and an index page per section, in the table's order", () => {
    assert.deepEqual(
      data.nav.map((n) => n.path),
      ["/", ...SECTIONS.map((s) => s.path), "/search/"],
    );
    assert.deepEqual(
      data.sectionIndexes.map((s) => s.path),
      SECTIONS.map((s) => s.path),
    );
    const regions = data.sectionIndexes.find((s) => s.key === "region")!;
    assert.ok(regions.groups.length > 0 && regions.groups.every((g) => g.href.startsWith("/fanzha/regions/")));
  });
});
