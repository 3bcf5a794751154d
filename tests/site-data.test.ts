import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { deriveSiteData } from "../src/site-data.ts";
import { loadSite } from "../src/site.ts";
import { SECTIONS } from "../src/sections.ts";
import { ROOT } from "./helpers/content-copy.ts";

const site = loadSite({ root: ROOT, mode: "production", env: { PATH_PREFIX: "/fanzha/", SITE_URL: "https://example.org" } });
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
  it("computes every link under the path prefix", () => {
    const all = hrefs(data);
    assert.ok(all.length > 500, `${all.length} links`);
    for (const [at, href] of all) assert.ok(href.startsWith("/fanzha/"), `${at} = ${href}`);
  });
  it("links every published bulletin by its url, and its terms once for all bulletins", () => {
    assert.deepEqual(Object.keys(data.bulletinLinks).sort(), site.bulletins.map((b) => b.url).sort());
    const wuxi = Object.values(data.bulletinLinks).flatMap((l) => l.regions).filter((r) => r.path === "/regions/wuxi/");
    assert.ok(wuxi.length > 1 && wuxi.every((r) => r === wuxi[0]));
  });
  it("has a navigation and an index page per section, in the table's order", () => {
    assert.deepEqual(data.nav.map((n) => n.path), ["/", ...SECTIONS.map((s) => s.path), "/search/"]);
    assert.deepEqual(data.sectionIndexes.map((s) => s.path), SECTIONS.map((s) => s.path));
    const regions = data.sectionIndexes.find((s) => s.key === "region")!;
    assert.ok(regions.groups.length > 0 && regions.groups.every((g) => g.href.startsWith("/fanzha/regions/")));
  });
});
