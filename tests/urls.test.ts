import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { absoluteUrl, href, normalisePrefix, pagePath } from "../src/urls.ts";

describe("urls", () => {
  it("normalises prefixes", () => {
    assert.equal(normalisePrefix(undefined), "/");
    assert.equal(normalisePrefix("fanzha"), "/fanzha/");
    assert.equal(normalisePrefix("/fanzha/"), "/fanzha/");
    assert.equal(normalisePrefix("//a/b//"), "/a/b/");
  });
  it("prefixes site paths and leaves absolute URLs alone", () => {
    const site = { url: "https://example.org", pathPrefix: "/fanzha/" };
    assert.equal(href(site, "/regions/wuxi/"), "/fanzha/regions/wuxi/");
    assert.equal(href(site, "https://a.cn/x"), "https://a.cn/x");
    assert.equal(absoluteUrl(site, "/feed.xml"), "https://example.org/fanzha/feed.xml");
    assert.equal(absoluteUrl({ url: "https://example.org/", pathPrefix: "/" }, "/"), "https://example.org/");
  });
  it("puts later pages under page/<n>/", () => {
    assert.equal(pagePath("/regions/wuxi/", 1), "/regions/wuxi/");
    assert.equal(pagePath("/regions/wuxi/", 3), "/regions/wuxi/page/3/");
  });
});
