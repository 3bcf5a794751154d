import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { fold, foldChar } from "../src/text/script.ts";
import { indexedText, searchFilters, searchRecord, SEARCH_LANGUAGE } from "../src/search/records.ts";
import { foldPairs, foldPreimages, serialiseFoldPairs } from "../src/search/fold-table.ts";
import { decodeOriginals, displayText, GAP_SPACE, phraseQuery, phraseStarts, queryPhrases, segments } from "../public/js/search-text.js";
import { campaign, fraudType, makeBulletin, regions, ZONE } from "./fixtures/make-bulletin.ts";
import { mulberry32 } from "../bench/random.ts";
import { manifest, SHARD_SIZE, SHARD_SIZE_ENV, shardPlan, shardSize } from "../src/search/shards.ts";


test("segments: one segment per Han character, runs of letters/digits and of everything else", () => {
  assert.deepEqual(
    segments("拨打96110，QQ群 诈骗").map((s) => `${s.kind}:${s.text}`),
    ["han:拨", "han:打", "word:96110", "gap:，", "word:QQ", "han:群", "gap: ", "han:诈", "han:骗"],
  );
});

test("indexed words are folded per character and gaps keep their place without whitespace", () => {
  const { words, originals } = indexedText("無錫警方", "破獲詐騙案。\n\nAPP 下載");
  assert.deepEqual(words, ["无", "锡", "警", "方", " ".replace(" ", GAP_SPACE), "破", "获", "诈", "骗", "案", `。${GAP_SPACE}${GAP_SPACE}`, "APP", GAP_SPACE, "下", "载"]);
  assert.equal(originals.join(""), `無錫警方${GAP_SPACE}破獲詐騙案。${GAP_SPACE}${GAP_SPACE}APP${GAP_SPACE}下載`);
  for (const w of words) assert.doesNotMatch(w, /\s/u, "Pagefind would split a word on whitespace");
});

test("queryPhrases folds, lower-cases, splits on spaces and punctuation, and drops repeats", () => {
  assert.deepEqual(queryPhrases("詐騙", foldChar), [["诈", "骗"]]);
  assert.deepEqual(queryPhrases(" 刷單返利  無錫 ", foldChar), [["刷", "单", "返", "利"], ["无", "锡"]]);
  assert.deepEqual(queryPhrases("诈骗，APP下载 诈骗", foldChar), [["诈", "骗"], ["app", "下", "载"]]);
  assert.deepEqual(queryPhrases("  ，。 ", foldChar), []);
  assert.equal(phraseQuery(["电", "诈", "警", "情"]), '"电 诈 警 情"');
});

test("a phrase matches consecutive words exactly where the folded text holds the folded query", () => {
  // Property check of the design: Pagefind's quoted search is "these words at consecutive positions",
  // which must agree with plain substring matching over folded title + body.
  const rnd = mulberry32(7);
  const alphabet = ["电", "電", "诈", "詐", "警", "情", "，", "。", " ", "a9，"];
  const queries = ["电诈", "電詐警情", "诈警", "情电", "警情", "a9"];
  let hits = 0;
  for (let n = 0; n < 400; n++) {
    const body = Array.from({ length: rnd.int(0, 14) }, () => rnd.pick(alphabet)).join("");
    const { words } = indexedText("标题", body);
    for (const q of queries) {
      const phrases = queryPhrases(q, foldChar);
      assert.equal(phrases.length, 1);
      const lowered = words.map((w) => w.toLowerCase());
      const found = phraseStarts(lowered, phrases[0]!).length > 0;
      const truth = fold(body.toLowerCase()).includes(fold(q.toLowerCase()));
      assert.equal(found, truth, `${JSON.stringify(body)} / ${q}`);
      if (truth) hits++;
    }
  }
  assert.ok(hits > 50, "the random texts must hold the phrases often enough to test recall");
});

test("letters and digits match as whole words, not inside longer ones", () => {
  const { words } = indexedText("", "下载APP，拨打96110；apple");
  assert.equal(phraseStarts(words.map((w) => w.toLowerCase()), ["app"]).length, 1);
  assert.equal(phraseStarts(words, ["打", "96110"]).length, 1);
  assert.equal(phraseStarts(words, ["9611"]).length, 0);
});

test("a phrase never spans title and body, nor punctuation", () => {
  const { words } = indexedText("反诈", "骗局，电诈警情");
  assert.deepEqual(phraseStarts(words, ["诈", "骗"]), []);
  assert.deepEqual(phraseStarts(words, ["局", "电"]), []);
  assert.deepEqual(phraseStarts(words, ["电", "诈", "警", "情"]), [6]);
});

test("the original script survives in meta.o, written without letters or digits", () => {
  const b = makeBulletin({ slug: "hant", title: "無錫警方提醒：謹防刷單返利", text: "近期，無錫發生多起詐騙案件，涉案金額逾百萬元。乾隆、干部、幹線。", lang: "zh-Hant" });
  const rec = searchRecord(b);
  const encoded = rec.meta.o;
  assert.ok(encoded, "a Traditional bulletin carries its original script");
  assert.doesNotMatch(encoded, /[\p{L}\p{N}_\s]/u, "Pagefind would index letters or digits in meta as words");
  const words = rec.content.split(" ");
  const restored = decodeOriginals(words, encoded, foldPreimages());
  assert.equal(displayText(restored), `${b.title} ${b.text}`);
  assert.equal(rec.content, indexedText(b.title, b.text).words.join(" "));
});

test("a Simplified bulletin needs no original-script field", () => {
  const rec = searchRecord(makeBulletin({ slug: "hans", title: "无锡警方提醒", text: "谨防刷单返利诈骗。" }));
  assert.equal(rec.meta.o, undefined);
  assert.equal(displayText(rec.content.split(" ")), "无锡警方提醒 谨防刷单返利诈骗。");
});

test("search record: site-relative url, reader-facing filter names, Chinese date, numeric sort key", () => {
  const b = makeBulletin({
    slug: "wuxi-case",
    title: "无锡破获刷单返利案",
    text: "正文",
    region: regions.wuxi,
    date: DateTime.fromISO("2023-08-29T09:30", { zone: ZONE }),
    campaigns: [campaign("xindun", "心盾"), campaign("tianwang", "天网")],
    types: [fraudType("shuadan", "刷单返利")],
  });
  const rec = searchRecord(b);
  assert.equal(rec.url, "/bulletins/2023/08/wuxi-case/");
  assert.equal(rec.language, SEARCH_LANGUAGE);
  assert.deepEqual(rec.meta, { title: "无锡破获刷单返利案", date: "2023年8月29日", region: "江苏 › 无锡" });
  assert.deepEqual(rec.filters, { province: ["江苏"], year: ["2023"], city: ["无锡"], campaign: ["心盾", "天网"], type: ["刷单返利"] });
  assert.match(rec.sort.date!, /^\d+$/);
  const later = searchRecord(makeBulletin({ slug: "x", date: DateTime.fromISO("2023-08-29T09:31", { zone: ZONE }) }));
  assert.ok(Number(later.sort.date) > Number(rec.sort.date));
});

test("a province-level bulletin has no city filter", () => {
  assert.deepEqual(searchFilters(makeBulletin({ slug: "p", region: regions.jiangsu })), { province: ["江苏"], year: ["2024"] });
});

test("fold pairs agree with fold() and read back as pairs", () => {
  const pairs = foldPairs();
  assert.ok(pairs.length > 2000);
  for (const [from, to] of pairs) assert.equal(fold(from), to);
  assert.ok(pairs.some(([a, b]) => a === "詐" && b === "诈"));
  const text = serialiseFoldPairs(pairs);
  assert.equal(Array.from(text).length, pairs.length * 2);
  const preimages = foldPreimages();
  assert.ok(preimages.get("发")!.includes("發"));
});

test("shard plan: one bundle up to the shard size, then even contiguous runs covering every bulletin once", () => {
  assert.deepEqual(shardPlan(0, 2500), [{ index: 0, folder: "", start: 0, end: 0 }]);
  assert.deepEqual(shardPlan(2500, 2500), [{ index: 0, folder: "", start: 0, end: 2500 }]);
  const plan = shardPlan(10_001, 2500);
  assert.equal(plan.length, 5);
  assert.deepEqual(plan.map((s) => s.folder), ["", "shard-1/", "shard-2/", "shard-3/", "shard-4/"]);
  for (const [n, size] of [[6, 2], [7, 2], [10_000, 2500], [13, 5], [1, 1]] as const) {
    const shards = shardPlan(n, size);
    assert.equal(shards.length, Math.ceil(n / size));
    assert.equal(shards[0]!.start, 0);
    assert.equal(shards.at(-1)!.end, n);
    shards.slice(1).forEach((s, i) => assert.equal(s.start, shards[i]!.end, "contiguous, in the site's order"));
    const sizes = shards.map((s) => s.end - s.start);
    assert.ok(Math.max(...sizes) <= size && Math.max(...sizes) - Math.min(...sizes) <= 1, `${n}/${size}: ${sizes}`);
    assert.deepEqual(shardPlan(n, size), shards, "the same plan on every build");
  }
});

test("shard size comes from FANZHA_SEARCH_SHARD_SIZE when set, and a bad value names the variable", () => {
  assert.equal(shardSize({}), SHARD_SIZE);
  assert.equal(shardSize({ [SHARD_SIZE_ENV]: "2" }), 2);
  assert.throws(() => shardSize({ [SHARD_SIZE_ENV]: "0" }), /FANZHA_SEARCH_SHARD_SIZE/);
  assert.throws(() => shardSize({ [SHARD_SIZE_ENV]: "2k" }), /FANZHA_SEARCH_SHARD_SIZE/);
});

test("the manifest lists the bundles to merge, and none for a single bundle", () => {
  assert.deepEqual(JSON.parse(manifest(shardPlan(3, 10))), { merge: [] });
  assert.deepEqual(JSON.parse(manifest(shardPlan(6, 2))), { merge: ["shard-1/", "shard-2/"] });
});
