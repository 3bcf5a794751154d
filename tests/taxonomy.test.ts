import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import { buildTerms, listingPages, paginate, pagerWindow, type PagerLink } from "../src/taxonomy.ts";
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
  it("shows a pager window: first, last, two either side of the current page, gaps for the rest", () => {
    const links = (n: number): PagerLink[] =>
      Array.from({ length: n }, (_, i) => ({ number: i + 1, path: `/p/${i + 1}/`, href: `/p/${i + 1}/` }));
    const shown = (n: number, current: number) =>
      pagerWindow(links(n), current)
        .map((e) => ("gap" in e ? "…" : String(e.number)))
        .join(" ");
    assert.equal(shown(1, 1), "1");
    assert.equal(shown(7, 4), "1 2 3 4 5 6 7");
    assert.equal(shown(5000, 1), "1 2 3 … 5000");
    assert.equal(shown(5000, 2500), "1 … 2498 2499 2500 2501 2502 … 5000");
    assert.equal(shown(5000, 5), "1 2 3 4 5 6 7 … 5000"); // page 2 alone between 1 and 3: shown, not a gap
    assert.equal(shown(5000, 5000), "1 … 4998 4999 5000");
    assert.equal(shown(9, 5), "1 2 3 4 5 6 7 8 9");
    assert.equal(shown(10, 5), "1 2 3 4 5 6 7 … 10");
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
