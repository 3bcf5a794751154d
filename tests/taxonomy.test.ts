import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { buildTerms, listingPages, paginate } from "../src/taxonomy.ts";
import { loadRegistries } from "../src/registries/index.ts";
import { campaign, makeBulletin, regions, ZONE } from "./fixtures/make-bulletin.ts";
import { ROOT } from "./helpers/content-copy.ts";

const { registries } = loadRegistries(`${ROOT}/content`);
const site = { url: "https://example.org", pathPrefix: "/" };

function corpus(n: number) {
  return Array.from({ length: n }, (_, i) =>
    makeBulletin({
      slug: `b${i}`,
      date: DateTime.fromISO("2024-03-01T09:00", { zone: ZONE }).minus({ days: i * 10 }),
      region: i % 2 ? regions.wuxi : regions.hangzhou,
      campaigns: i % 3 === 0 ? [registries.campaigns.get("xindun") ?? campaign("xindun", "心盾")] : [],
    }),
  );
}

describe("taxonomy", () => {
  it("paginates by perPage with working prev/next and page paths", () => {
    const terms = buildTerms(corpus(45), registries, site);
    const jiangsu = listingPages(
      terms.filter((t) => t.key === "jiangsu"),
      20,
      { ...site, pathPrefix: "/fz/" },
    );
    assert.equal(jiangsu.length, 2); // 22 Wuxi bulletins
    assert.deepEqual(
      jiangsu.map((p) => p.path),
      ["/regions/jiangsu/", "/regions/jiangsu/page/2/"],
    );
    assert.equal(jiangsu[0]!.nextHref, "/fz/regions/jiangsu/page/2/");
    assert.equal(jiangsu[1]!.prevHref, "/fz/regions/jiangsu/");
    assert.equal(jiangsu[1]!.items.length, 2);
  });
  it("lists a city's bulletins on its province page, with the city as a child", () => {
    const terms = buildTerms(corpus(10), registries, site);
    const zj = terms.find((t) => t.key === "zhejiang")!;
    const hz = terms.find((t) => t.key === "hangzhou")!;
    assert.deepEqual(
      zj.items.map((b) => b.slug),
      hz.items.map((b) => b.slug),
    );
    assert.deepEqual(
      zj.children.map((c) => c.path),
      ["/regions/hangzhou/"],
    );
    assert.deepEqual(
      zj.breadcrumbs.map((c) => c.href),
      ["/", "/regions/", "/regions/zhejiang/"],
    );
  });
  it("builds campaign, year and month terms", () => {
    const terms = buildTerms(corpus(10), registries, site);
    assert.equal(terms.find((t) => t.kind === "campaign" && t.key === "xindun")!.items.length, 4);
    const years = terms.filter((t) => t.kind === "year").map((t) => t.key);
    assert.deepEqual(years, ["2024", "2023"]);
    assert.ok(terms.some((t) => t.kind === "month" && t.basePath === "/archive/2024/03/"));
  });
  it("gives an empty term one page", () => {
    const pages = paginate(
      {
        kind: "type",
        key: "x",
        title: "x",
        description: "",
        basePath: "/types/x/",
        breadcrumbs: [],
        items: [],
        children: [],
      },
      20,
      site,
    );
    assert.equal(pages.length, 1);
    assert.equal(pages[0]!.totalPages, 1);
  });
});
