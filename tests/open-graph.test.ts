import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { bulletinSocialPage, socialMeta, type MetaTag } from "../src/meta/open-graph.ts";
import { campaign, fraudType, makeBulletin, ZONE } from "./fixtures/make-bulletin.ts";
import { siteSettings } from "./fixtures/feeds.ts";

const site = siteSettings();
const pairs = (tags: MetaTag[]) => tags.map((t) => [t.property ?? t.name, t.content]);

test("a website page gets Open Graph and a summary Twitter card with its absolute URL", () => {
  const tags = socialMeta(site, { title: "无锡", description: "无锡的通报", path: "/regions/wuxi/", type: "website" });
  assert.deepEqual(pairs(tags), [
    ["og:site_name", "反诈快报"],
    ["og:locale", "zh_CN"],
    ["og:type", "website"],
    ["og:title", "无锡"],
    ["og:description", "无锡的通报"],
    ["og:url", "https://example.org/fanzha/regions/wuxi/"],
    ["twitter:card", "summary"],
    ["twitter:title", "无锡"],
    ["twitter:description", "无锡的通报"],
  ]);
  assert.ok(
    tags.every((t) => (t.property === undefined) !== (t.name === undefined)),
    "property or name, never both",
  );
  assert.ok(tags.filter((t) => t.name).every((t) => t.name!.startsWith("twitter:")));
});

test("a bulletin page is an article with times, sections, tags and a large image card", () => {
  const bulletin = makeBulletin({
    slug: "tianwang",
    title: "天网通报",
    summary: "摘要",
    date: DateTime.fromISO("2023-08-29T09:30", { zone: ZONE }),
    updated: DateTime.fromISO("2023-08-30T10:00", { zone: ZONE }),
    campaigns: [campaign("tianwang", "天网")],
    types: [fraudType("shuadan", "刷单返利")],
    tags: ["老年人"],
    image: { src: "content/images/a.jpg", alt: "现场", sharePath: "/img/a-share.jpeg", line: 9 },
  });
  const tags = pairs(socialMeta(site, bulletinSocialPage(bulletin)));
  for (const expected of [
    ["og:type", "article"],
    ["og:url", "https://example.org/fanzha/bulletins/2023/08/tianwang/"],
    ["og:image", "https://example.org/fanzha/img/a-share.jpeg"],
    ["og:image:alt", "现场"],
    ["article:published_time", "2023-08-29T09:30:00+08:00"],
    ["article:modified_time", "2023-08-30T10:00:00+08:00"],
    ["article:section", "天网"],
    ["article:tag", "刷单返利"],
    ["article:tag", "老年人"],
    ["twitter:card", "summary_large_image"],
    ["twitter:image", "https://example.org/fanzha/img/a-share.jpeg"],
  ]) {
    assert.ok(
      tags.some(([k, v]) => k === expected[0] && v === expected[1]),
      `has ${expected.join(" = ")}`,
    );
  }
});
