import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { fold, foldChar } from "../src/text/script.ts";
import { pageFragment, searchFilters, searchRecord } from "../src/search/records.ts";
import { facetsFile } from "../src/search/facets.ts";
import { foldPairs, serialiseFoldPairs } from "../src/search/fold-table.ts";
import { WordIndexBuilder } from "../src/search/word-index.ts";
import {
  coverOffsets,
  phraseStarts,
  queryPhrases,
  SEARCH_LANGUAGE,
  shortWord,
  TITLE_SPAN,
  tripleWord,
  unitSpans,
} from "../public/js/search-text.js";
import { filterAndCount, matchingPages } from "../public/js/search-engine.js";
import { campaign, fraudType, makeBulletin, regions, ZONE } from "./fixtures/make-bulletin.ts";
import { mulberry32 } from "../bench/random.ts";
import { decodeCbor, type CborValue } from "./helpers/cbor.ts";

const units = (text: string) => unitSpans(text, foldChar).units;

test("units: one per Han character (folded), per letter/digit run (lower-cased), per run of anything else", () => {
  assert.deepEqual(units("拨打96110，QQ群 詐騙"), ["拨", "打", "96110", null, "qq", "群", null, "诈", "骗"]);
  assert.deepEqual(units("Café！"), ["cafe", null]);
  const spans = unitSpans("無錫，APP", foldChar);
  assert.deepEqual(
    [spans.starts, spans.ends],
    [
      [0, 1, 2, 3],
      [1, 2, 3, 6],
    ],
  );
});

test("queryPhrases folds and splits on spaces and punctuation, and drops repeats", () => {
  assert.deepEqual(queryPhrases("詐騙", foldChar), [["诈", "骗"]]);
  assert.deepEqual(queryPhrases(" 刷單返利  無錫 ", foldChar), [
    ["刷", "单", "返", "利"],
    ["无", "锡"],
  ]);
  assert.deepEqual(queryPhrases("诈骗，APP下载 诈骗", foldChar), [
    ["诈", "骗"],
    ["app", "下", "载"],
  ]);
  assert.deepEqual(queryPhrases("  ，。 ", foldChar), []);
});

test("index words: pairs join, triples are marked and never a prefix of one another", () => {
  assert.equal(shortWord(["诈", "骗"]), "诈骗");
  assert.equal(shortWord(["app", "下"]), "app下");
  assert.equal(tripleWord(["下", "载", "app"]), "^下载app~");
  assert.ok(!tripleWord(["下", "载", "apple"]).startsWith(tripleWord(["下", "载", "app"])));
  for (const n of [3, 4, 5, 6, 7, 8, 12, 13]) {
    const offsets = coverOffsets(n);
    const covered = new Set(offsets.flatMap((o) => [o, o + 1, o + 2]));
    assert.equal(covered.size, n, `every unit of ${n} covered`);
    assert.ok(offsets.every((o) => o >= 0 && o + 3 <= n));
  }
});

/** Decoded word index: word → per page, its positions. */
function decodedIndex(builder: WordIndexBuilder): Map<string, Array<{ page: number; positions: number[] }>> {
  const index = new Map<string, Array<{ page: number; positions: number[] }>>();
  for (const w of builder.sortedWords()) {
    const bytes = new Uint8Array(w.bytes + 5);
    bytes[0] = 0x9a; // array, 4-byte length
    new DataView(bytes.buffer).setUint32(1, w.pages);
    assert.equal(builder.copyPostings(w.id, bytes, 5), bytes.length, `${w.word}: as many bytes as counted`);
    let page = 0;
    const entries = (decodeCbor(bytes) as CborValue[][]).map(([delta, locs, meta]) => {
      assert.deepEqual(meta, [], "no meta positions");
      page += delta as number;
      let pos = 0;
      return { page, positions: (locs as number[]).map((d) => (pos += d)) };
    });
    index.set(w.word, entries);
  }
  return index;
}

/** Pagefind's lookups as search-engine.js uses them: a quoted word exactly; an unquoted one with its extensions. */
function fakePagefind(index: Map<string, Array<{ page: number; positions: number[] }>>) {
  return {
    async search(term: string) {
      const quoted = /^".+"$/.test(term);
      const word = term.replace(/"/g, "");
      let matched = quoted ? [word].filter((w) => index.has(w)) : [...index.keys()].filter((w) => w.startsWith(word));
      if (!quoted && !matched.length) {
        // No extension: Pagefind falls back to the longest word that is a prefix of the term.
        const prefixes = [...index.keys()].filter((w) => word.startsWith(w)).sort((a, b) => b.length - a.length);
        matched = prefixes.slice(0, 1);
      }
      const pages = new Map<number, Set<number>>();
      for (const w of matched)
        for (const e of index.get(w)!)
          for (const p of e.positions.length ? e.positions : [-1])
            (pages.get(e.page) ?? pages.set(e.page, new Set()).get(e.page)!).add(p);
      const results = [...pages].map(([page, set]) => {
        const words = [...set].filter((p) => p >= 0).sort((a, b) => a - b);
        return { id: page.toString(36), words: quoted ? words.slice(0, 1) : words };
      });
      return { results };
    },
  };
}

test("the word index answers every phrase exactly as a substring scan of the folded title or body", async () => {
  const rnd = mulberry32(12);
  // 𠀀 (beyond the BMP) sends its texts through the builder's general cut, the others through its fast one.
  const alphabet = ["电", "電", "诈", "詐", "警", "情", "骗", "𠀀", "，", "。", "\n", " ", "ab", "AB", "9"];
  const pages = Array.from({ length: 300 }, () => ({
    title: Array.from({ length: rnd.int(0, 8) }, () => rnd.pick(alphabet)).join(""),
    body: Array.from({ length: rnd.int(0, 40) }, () => rnd.pick(alphabet)).join(""),
  }));
  const builder = new WordIndexBuilder();
  for (const p of pages) builder.addPage(p.title, p.body);
  const pf = fakePagefind(decodedIndex(builder));
  const han = ["电", "诈", "警", "情", "骗", "詐", "電", "𠀀"];
  let hits = 0;
  for (let n = 0; n < 300; n++) {
    const terms = Array.from({ length: rnd.int(1, 2) }, () =>
      Array.from({ length: rnd.int(1, 7) }, () => rnd.pick(han)).join(""),
    );
    const query = terms.join(" ");
    const found = await matchingPages(pf, queryPhrases(query, foldChar), pages.length);
    const truth = pages.flatMap((p, i) =>
      terms.every((t) => fold(p.title).includes(fold(t)) || fold(p.body).includes(fold(t))) ? [i] : [],
    );
    assert.deepEqual(
      [...found.keys()].sort((a, b) => a - b),
      truth,
      `${query}`,
    );
    const distinct = [...new Set(terms.map((t) => fold(t)))];
    for (const [page, m] of found) {
      assert.equal(
        m.titleHits,
        distinct.filter((t) => fold(pages[page]!.title).includes(t)).length,
        `title hits of ${query}`,
      );
    }
    hits += truth.length;
  }
  assert.ok(hits > 300, `the random texts must hold the queries often enough to test recall (${hits})`);
});

test("the posting lists are the same whether entries are sorted into them every few pages or at the end", () => {
  const rnd = mulberry32(7);
  const alphabet = ["电", "诈", "警", "情", "骗", "，", "ab", "9", " "];
  const small = new WordIndexBuilder(64);
  const large = new WordIndexBuilder();
  for (let i = 0; i < 400; i++) {
    const title = Array.from({ length: rnd.int(0, 6) }, () => rnd.pick(alphabet)).join("");
    const body = Array.from({ length: rnd.int(0, 60) }, () => rnd.pick(alphabet)).join("");
    small.addPage(title, body);
    large.addPage(title, body);
  }
  const a = decodedIndex(small);
  assert.ok(a.size > 100, `enough words to span many batches (${a.size})`);
  assert.deepEqual(a, decodedIndex(large));
});

test("letters and digits match as whole runs, not inside longer ones", async () => {
  const builder = new WordIndexBuilder();
  builder.addPage("", "下载APP，拨打96110；apple");
  const pf = fakePagefind(decodedIndex(builder));
  const pages = async (q: string) => [...(await matchingPages(pf, queryPhrases(q, foldChar), 1)).keys()];
  assert.deepEqual(await pages("app"), [0]);
  assert.deepEqual(await pages("下载app"), [0]);
  assert.deepEqual(await pages("打96110"), [0]);
  assert.deepEqual(await pages("9611"), []);
  assert.deepEqual(await pages("下载ap"), []);
});

test("runs of letters and digits with the same characters in another order are other words", async () => {
  const builder = new WordIndexBuilder();
  const bodies = ["拨打12", "拨打21", "下载ab9", "下载9ab", "ba", "0", "00", "z9z9z9z9z9"];
  for (const body of bodies) builder.addPage("", body);
  const pf = fakePagefind(decodedIndex(builder));
  for (const [page, body] of bodies.entries())
    assert.deepEqual([...(await matchingPages(pf, queryPhrases(body, foldChar), bodies.length)).keys()], [page], body);
});

test("positions: title from 0, body from TITLE_SPAN, a gap holds a position; pairs keep title positions only", () => {
  const builder = new WordIndexBuilder();
  builder.addPage("反诈，宣传", "宣传反诈");
  const index = decodedIndex(builder);
  assert.deepEqual(index.get("^反诈宣"), undefined, "no triple across a gap");
  assert.deepEqual(index.get("^传反诈"), [{ page: 0, positions: [TITLE_SPAN + 1] }]);
  assert.deepEqual(index.get("反诈"), [{ page: 0, positions: [0] }]);
  assert.deepEqual(index.get("宣传"), [{ page: 0, positions: [3] }]);
  assert.deepEqual(index.get("传反"), [{ page: 0, positions: [] }]);
  assert.equal(phraseStarts(units("反诈，宣传"), ["宣", "传"])[0], 3);
});

test("page and position gaps of any size survive the builder's compact postings", () => {
  const builder = new WordIndexBuilder();
  const far = "反诈。" + "的".repeat(20_000) + "防骗宣传";
  const pages = [0, 1, 130, 20_000, 20_001];
  for (let page = 0; page <= 20_001; page++) builder.addPage("", pages.includes(page) ? far : "无关");
  const index = decodedIndex(builder);
  assert.deepEqual(
    index.get("^防骗宣"),
    pages.map((page) => ({ page, positions: [TITLE_SPAN + 20_003] })),
  );
  assert.deepEqual(index.get("^反诈。"), undefined, "no triple across a gap");
  assert.deepEqual(
    index.get("^的的的")?.map((e) => e.positions.length),
    pages.map(() => 19_998),
  );
  assert.deepEqual(
    index.get("反诈")?.map((e) => e.page),
    pages,
  );
  assert.equal(index.get("无关")?.length, 20_002 - pages.length);
});

test("a title longer than the title span is refused with its text", () => {
  const builder = new WordIndexBuilder();
  assert.throws(() => builder.addPage("诈".repeat(TITLE_SPAN + 1), ""), /title of 129 units/);
});

test("words come out in code point order, as Pagefind compares them, astral characters last", () => {
  const builder = new WordIndexBuilder();
  builder.addPage("", "𠀀丁ｑ");
  const words = builder.sortedWords().map((w) => w.word);
  const byCodePoint = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.deepEqual(words, byCodePoint);
});

test("words that share their first characters come out in code point order too", () => {
  const rnd = mulberry32(5);
  const pieces = ["app", "apple", "appl", "ap", "a", "1", "12", "123456", "诈", "骗", "诈骗", "，", " "];
  const builder = new WordIndexBuilder();
  for (let i = 0; i < 200; i++) builder.addPage("", Array.from({ length: 12 }, () => rnd.pick(pieces)).join(""));
  const words = builder.sortedWords().map((w) => w.word);
  assert.ok(words.filter((w) => w.length > 4).length > 50, "many words longer than the radix sort's four units");
  const byCodePoint = [...words].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  assert.deepEqual(words, byCodePoint);
});

test("fragment: site-relative url, Chinese date, region path, body in its own script", () => {
  const b = makeBulletin({
    slug: "wuxi-case",
    title: "無錫破獲刷單返利案",
    text: "正文\u200b在此",
    region: regions.wuxi,
    date: DateTime.fromISO("2023-08-29T09:30", { zone: ZONE }),
  });
  assert.deepEqual(pageFragment(searchRecord(b)), {
    url: "/bulletins/2023/08/wuxi-case/",
    content: "正文 在此",
    meta: { title: "無錫破獲刷單返利案", date: "2023年8月29日", region: "江苏 › 无锡" },
  });
  assert.equal(SEARCH_LANGUAGE, "zz");
});

test("facets: reader-facing names, one column of value numbers per facet", () => {
  const b = makeBulletin({
    slug: "a",
    region: regions.wuxi,
    campaigns: [campaign("xindun", "心盾"), campaign("tianwang", "天网")],
    types: [fraudType("shuadan", "刷单返利")],
  });
  assert.deepEqual(searchFilters(b), {
    province: ["江苏"],
    year: ["2024"],
    city: ["无锡"],
    campaign: ["心盾", "天网"],
    type: ["刷单返利"],
  });
  const file = facetsFile([b, makeBulletin({ slug: "p", region: regions.jiangsu })].map(searchFilters));
  assert.deepEqual(file.values.campaign, ["天网", "心盾"]);
  assert.deepEqual(file.pages.campaign, [[1, 0], []]);
  assert.deepEqual(file.pages.city, [[0], []]);
  const { shown, counts } = filterAndCount(file, [0, 1], { city: ["无锡"] });
  assert.deepEqual(shown, [0]);
  assert.deepEqual(counts.city, { 无锡: 1 });
  assert.deepEqual(counts.province, { 江苏: 1 }, "other facets count the pages passing the city choice");
});

test("fold pairs agree with fold() and read back as pairs", () => {
  const pairs = foldPairs();
  assert.ok(pairs.length > 2000);
  for (const [from, to] of pairs) assert.equal(fold(from), to);
  assert.ok(pairs.some(([a, b]) => a === "詐" && b === "诈"));
  assert.equal(Array.from(serialiseFoldPairs(pairs)).length, pairs.length * 2);
});
