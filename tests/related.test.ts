import { test } from "node:test";
import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { computeRelated, DEFAULT_RELATED_WEIGHTS, type RelatedEntry } from "../src/related/index.ts";
import { campaignReason } from "../src/related/score.ts";
import { Tokeniser } from "../src/related/tokenise.ts";
import { IntBuffer } from "../src/related/buffers.ts";
import { TextNeighbours, buildPostings } from "../src/related/similar.ts";
import { KeyCounter } from "../src/related/term-ids.ts";
import type { Bulletin, RelatedWeights } from "../src/model.ts";
import { ZONE, campaign, fraudType, makeBulletin, region, regions } from "./fixtures/make-bulletin.ts";

const NOW = DateTime.fromISO("2025-01-01T00:00", { zone: ZONE });
const xindun = campaign("xindun", "心盾");
const tianwang = campaign("tianwang", "天网行动");
const shuadan = fraudType("shuadan", "刷单返利");
const daikuan = fraudType("daikuan", "虚假贷款");
const xinwu = region("xinwu", "新吴区", "district", "wuxi");

const day = (iso: string): DateTime => DateTime.fromISO(`${iso}T09:00`, { zone: ZONE });

/** The boilerplate closing paragraph every bulletin of the fixture corpus carries. */
const BOILERPLATE =
  "民警提醒广大市民，接到陌生来电务必提高警惕，不要轻信，不要转账汇款。如有疑问，请及时拨打96110反诈专线或110报警，谨防诈骗。";

/**
 * Text that shares no character pair with any other filler: each bulletin draws from its own block of rare
 * code points. `i` must be unique within a corpus.
 */
function filler(i: number, length = 120): string {
  if (0x7300 + (i + 1) * 48 > 0xa000) throw new Error("filler: out of code point blocks; use fewer bulletins");
  let out = "";
  let seed = i + 1;
  for (let k = 0; k < length; k++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode(0x7300 + i * 48 + ((seed >>> 16) % 48));
    if (k % 30 === 29) out += "。";
  }
  return out;
}

let fillers = 0;
/** A bulletin whose text relates to nothing unless `text` says otherwise. */
function bulletin(over: Partial<Bulletin> & { slug: string }, text = ""): Bulletin {
  return makeBulletin({ text: `${text}\n${filler(fillers++)}\n${BOILERPLATE}`, ...over });
}

function run(bulletins: readonly Bulletin[], weights: RelatedWeights = DEFAULT_RELATED_WEIGHTS, count = 5) {
  return computeRelated(bulletins, { count, weights, now: NOW });
}

function urls(entries: readonly RelatedEntry[] | undefined): string[] {
  return (entries ?? []).map((e) => e.url);
}

function url(b: Bulletin): string {
  return b.url;
}

test("same campaign and same city ranks above same campaign and province, above province alone", () => {
  const self = bulletin({ slug: "self", region: regions.wuxi, campaigns: [xindun], date: day("2024-06-01") });
  // The same-city one is the oldest: it must win on what it shares, not on date.
  const city = bulletin({ slug: "city", region: regions.wuxi, campaigns: [xindun], date: day("2024-03-01") });
  const province = bulletin({ slug: "prov", region: regions.suzhouJs, campaigns: [xindun], date: day("2024-05-30") });
  const elsewhere = bulletin({ slug: "else", region: regions.hangzhou, campaigns: [xindun], date: day("2024-06-01") });
  const provinceOnly = bulletin({ slug: "provonly", region: regions.suzhouJs, date: day("2024-06-02") });
  const related = run([provinceOnly, elsewhere, province, city, self]).get(self.url)!;
  assert.deepEqual(urls(related), [city, province, elsewhere, provinceOnly].map(url));
  assert.deepEqual(
    related.map((e) => [e.reasons, e.fallback]),
    [
      [["同属心盾行动", "同在无锡"], undefined],
      [["同属心盾行动", "同在江苏"], undefined],
      [["同属心盾行动"], undefined],
      [["同在江苏"], "province"],
    ],
  );
});

test("a district counts as its city, and its region reads with the city's name", () => {
  const self = bulletin({
    slug: "self",
    region: xinwu,
    regionPath: [regions.jiangsu, regions.wuxi, xinwu],
    types: [shuadan],
  });
  const other = bulletin({ slug: "other", region: regions.wuxi, types: [shuadan] });
  const related = run([self, other]);
  assert.deepEqual(related.get(self.url)![0]!.reasons, ["同在无锡", "同类：刷单返利"]);
  assert.equal(related.get(other.url)![0]!.regionName, "无锡新吴区");
  assert.equal(related.get(self.url)![0]!.regionName, "无锡");
});

const SHUADAN_HANS =
  "今年三月，市民刘女士在手机上看到一则招聘兼职的广告，称在家动动手指刷单就能赚钱，每单返利百分之十五。" +
  "对方先派来几单小额任务，刘女士垫付本金后很快收到了返利和佣金。随后对方以连单任务为由，要求她继续垫付，" +
  "等她陆续垫付八万元本金后，客服称操作超时需要缴纳解冻费才能提现，她这才发现被骗。";
// Every character pair of this text has a Traditional character in it, so it shares no term with the
// Simplified one unless the engine folds scripts (asserted below).
const SHUADAN_HANT =
  "網購兼職群裡，騙子誘導學員刷單賺錢：墊付貨款，單單返還傭金。連單任務開啟後，繼續墊付，無從提現；" +
  "繳納解凍費，還須轉帳。識破騙局，報警！";

function hanBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(/\p{Script=Han}+/gu) ?? [])
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

test("a Traditional bulletin about 刷單返利 finds a Simplified one about 刷单返利 through the text alone", () => {
  const title = "兼職刷單騙局";
  const simplified = hanBigrams(SHUADAN_HANS);
  assert.deepEqual(
    [...hanBigrams(`${title}，${SHUADAN_HANT}`)].filter((b) => simplified.has(b)),
    [],
    "no term shared unfolded",
  );
  const hans = bulletin({ slug: "hans", region: regions.hangzhou, date: day("2021-03-10") }, SHUADAN_HANS);
  const hant = bulletin(
    { slug: "hant", region: regions.suzhouAh, date: day("2024-08-20"), lang: "zh-Hant", title },
    SHUADAN_HANT,
  );
  const others = Array.from({ length: 10 }, (_, i) =>
    bulletin({
      slug: `other-${i}`,
      region: i % 2 ? regions.hangzhou : regions.suzhouAh,
      date: day(`2024-0${1 + (i % 9)}-15`),
    }),
  );
  const related = run([hans, hant, ...others]);
  const fromHant = related.get(hant.url)!;
  assert.equal(fromHant[0]!.url, hans.url);
  assert.deepEqual(fromHant[0]!.reasons, ["内容相近"]);
  assert.equal(fromHant[0]!.fallback, undefined);
  assert.equal(related.get(hans.url)![0]!.url, hant.url);
  // The rest of the sidebar is fallbacks: the filler and boilerplate relate to nothing.
  assert.ok(fromHant.slice(1).every((e) => e.fallback !== undefined));
});

test("a bulletin sharing only boilerplate finds nothing by text, only fallbacks", () => {
  // Every bulletin carries the same closing warning, and some carry more boilerplate besides.
  const extra = "警方提示：凡是要求转账到安全账户的都是诈骗，凡是网上刷单的都是诈骗，凡是自称客服主动退款的都是诈骗。";
  const corpus = Array.from({ length: 12 }, (_, i) =>
    bulletin(
      {
        slug: `b-${String(i).padStart(2, "0")}`,
        region: i % 3 ? regions.hangzhou : regions.wuxi,
        date: day(`2024-0${1 + (i % 9)}-0${1 + (i % 7)}`),
      },
      i % 2 ? extra : "",
    ),
  );
  const related = run(corpus);
  for (const [, entries] of related) {
    assert.equal(entries.length, 5);
    for (const e of entries) {
      assert.ok(e.fallback, `${e.url} should be a fallback`);
      assert.ok(!e.reasons.includes("内容相近"));
    }
  }
});

test("fallbacks come from the same city, then the same province, then the latest overall", () => {
  const self = bulletin({ slug: "self", region: regions.wuxi, date: day("2024-01-01") });
  const wuxiOld = bulletin({
    slug: "wuxi-old",
    region: xinwu,
    regionPath: [regions.jiangsu, regions.wuxi, xinwu],
    date: day("2020-01-01"),
  });
  const wuxiNew = bulletin({ slug: "wuxi-new", region: regions.wuxi, date: day("2023-01-01") });
  const suzhou = bulletin({ slug: "suzhou", region: regions.suzhouJs, date: day("2019-01-01") });
  const hangzhouOld = bulletin({ slug: "hz-old", region: regions.hangzhou, date: day("2022-01-01") });
  const hangzhouNew = bulletin({ slug: "hz-new", region: regions.hangzhou, date: day("2024-12-01") });
  const anhui = bulletin({ slug: "ah", region: regions.suzhouAh, date: day("2018-01-01") });
  const related = run([anhui, hangzhouOld, hangzhouNew, suzhou, wuxiNew, wuxiOld, self]).get(self.url)!;
  assert.deepEqual(
    related.map((e) => [e.url, e.fallback, e.reasons]),
    [
      [wuxiNew.url, "city", ["同在无锡"]],
      [wuxiOld.url, "city", ["同在无锡"]],
      [suzhou.url, "province", ["同在江苏"]],
      [hangzhouNew.url, "latest", ["最新"]],
      [hangzhouOld.url, "latest", ["最新"]],
    ],
  );
});

test("a bulletin placed in a whole province falls back on its province", () => {
  const self = bulletin({ slug: "self", region: regions.jiangsu });
  const wuxi = bulletin({ slug: "wx", region: regions.wuxi, date: day("2023-01-01") });
  const hangzhou = bulletin({ slug: "hz", region: regions.hangzhou, date: day("2024-01-01") });
  const related = run([self, wuxi, hangzhou]);
  assert.deepEqual(
    related.get(self.url)!.map((e) => [e.url, e.fallback, e.reasons]),
    [
      [wuxi.url, "province", ["同在江苏"]],
      [hangzhou.url, "latest", ["最新"]],
    ],
  );
  assert.deepEqual(related.get(wuxi.url)![0]!.reasons, ["同在江苏"]);
  assert.equal(related.get(wuxi.url)![0]!.regionName, "江苏");
});

test("related bulletins come first and fallbacks only fill the rest", () => {
  const self = bulletin({ slug: "self", region: regions.wuxi, types: [daikuan] });
  const typed = bulletin({ slug: "typed", region: regions.hangzhou, types: [daikuan], date: day("2019-01-01") });
  const sameCity = bulletin({ slug: "wx", region: regions.wuxi, date: day("2024-02-01") });
  const related = run([sameCity, typed, self], DEFAULT_RELATED_WEIGHTS, 3).get(self.url)!;
  assert.deepEqual(urls(related), [typed.url, sameCity.url]);
  assert.deepEqual(
    related.map((e) => e.fallback),
    [undefined, "city"],
  );
});

test("never itself, never a draft or a future bulletin, though drafts get a sidebar of their own", () => {
  const self = bulletin({ slug: "self", campaigns: [xindun], types: [shuadan] });
  const draft = bulletin({ slug: "draft", campaigns: [xindun], types: [shuadan], draft: true });
  const future = bulletin({
    slug: "future",
    campaigns: [xindun],
    types: [shuadan],
    future: true,
    date: day("2025-02-01"),
  });
  // Not flagged, but dated after the build's clock: still never shown.
  const unflagged = bulletin({ slug: "later", campaigns: [xindun], types: [shuadan], date: day("2025-01-02") });
  const plain = Array.from({ length: 8 }, (_, i) => bulletin({ slug: `p-${i}`, region: regions.hangzhou }));
  const related = run([self, draft, future, unflagged, ...plain]);
  const hidden = new Set([draft.url, future.url, unflagged.url]);
  for (const [key, entries] of related) {
    for (const e of entries) {
      assert.notEqual(e.url, key, "itself");
      assert.ok(!hidden.has(e.url), `${e.url} shown on ${key}`);
    }
  }
  assert.equal(related.get(draft.url)!.length, 5);
  assert.equal(related.get(self.url)!.length, 5);
});

test("reasons name what is shared, Traditional tags matching Simplified ones", () => {
  const self = bulletin({
    slug: "self",
    region: regions.wuxi,
    campaigns: [xindun, tianwang],
    types: [shuadan, daikuan],
    tags: ["反诈宣传", "校园"],
  });
  const other = bulletin({
    slug: "other",
    region: regions.hangzhou,
    campaigns: [tianwang, xindun],
    types: [daikuan, shuadan],
    tags: ["反詐宣傳"],
  });
  const [entry] = run([self, other]).get(self.url)!;
  assert.deepEqual(entry!.reasons, ["同属心盾行动", "同属天网行动", "同类：刷单返利、虚假贷款", "同话题：反诈宣传"]);
  assert.equal(entry!.title, other.title);
  assert.ok(entry!.date.equals(other.date));
  assert.equal(campaignReason("百日会战"), "同属百日会战");
});

test("a reason names at most two shared tags", () => {
  const self = bulletin({ slug: "self", tags: ["校园", "网贷", "征信"] });
  const other = bulletin({ slug: "other", tags: ["征信", "网贷", "校园"] });
  assert.deepEqual(run([self, other]).get(self.url)![0]!.reasons, ["同在无锡", "同话题：校园、网贷"]);
});

test("ties are broken by date, newer first, then by URL", () => {
  const flat: RelatedWeights = { ...DEFAULT_RELATED_WEIGHTS, recency: 0 };
  const self = bulletin({ slug: "self", types: [shuadan], date: day("2024-06-01") });
  const older = bulletin({ slug: "a-older", types: [shuadan], date: day("2024-01-01") });
  const newerB = bulletin({ slug: "c-newer", types: [shuadan], date: day("2024-09-01") });
  const newerA = bulletin({ slug: "b-newer", types: [shuadan], date: day("2024-09-01") });
  const related = run([older, newerB, self, newerA], flat).get(self.url)!;
  assert.deepEqual(urls(related), [newerA.url, newerB.url, older.url]);
});

test("the count is honoured", () => {
  const corpus = Array.from({ length: 9 }, (_, i) => bulletin({ slug: `c-${i}`, types: [shuadan] }));
  for (const count of [0, 1, 3, 8, 20]) {
    for (const entries of run(corpus, DEFAULT_RELATED_WEIGHTS, count).values())
      assert.equal(entries.length, Math.min(count, 8));
  }
});

/** A mixed corpus: random features and texts that overlap in part. */
function mixedCorpus(): Bulletin[] {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  const cities = [regions.wuxi, regions.suzhouJs, regions.hangzhou, regions.suzhouAh];
  const sentences = [
    SHUADAN_HANS,
    SHUADAN_HANT,
    "冒充公检法人员称其涉嫌洗钱，要求把资金转入安全账户配合调查。",
    "自称快递客服，以丢件理赔为由诱导开启屏幕共享。",
  ];
  return Array.from({ length: 60 }, (_, i) =>
    bulletin(
      {
        slug: `m-${i}`,
        region: cities[rand(4)]!,
        date: day("2023-01-01").plus({ days: rand(700) }),
        campaigns: rand(2) ? [xindun] : rand(2) ? [tianwang] : [],
        types: rand(2) ? [shuadan] : [daikuan],
        tags: rand(3) ? [] : ["校园"],
        draft: rand(10) === 0,
      },
      rand(2) ? sentences[rand(4)]! : "",
    ),
  );
}

function plain(related: Map<string, RelatedEntry[]>): unknown {
  return [...related].map(([key, entries]) => [key, entries.map((e) => ({ ...e, date: e.date.toISO() }))]);
}

test("the same answer on every run, whatever the input order", () => {
  const corpus = mixedCorpus();
  const first = plain(run(corpus));
  assert.deepEqual(plain(run(corpus)), first);
  let seed = 99;
  const shuffled = [...corpus];
  for (let i = shuffled.length - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = (seed >>> 16) % (i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  assert.deepEqual(plain(run(shuffled)), first);
  assert.deepEqual(plain(run([...corpus].reverse())), first);
  // And the corpus does exercise more than fallbacks.
  const reasons = new Set([...run(corpus).values()].flat().flatMap((e) => e.reasons));
  for (const r of ["同属心盾行动", "同类：刷单返利", "内容相近", "同话题：校园"])
    assert.ok(reasons.has(r), `${r} in ${[...reasons].join(" ")}`);
});

test("terms are character pairs of Han runs, folded to Simplified, and whole Latin words", () => {
  const tokeniser = new Tokeniser();
  const keys = (text: string): number[] => {
    const out = new IntBuffer(16);
    tokeniser.keys(text, out);
    return [...out.data.subarray(0, out.length)];
  };
  assert.deepEqual(keys("詐騙電話"), keys("诈骗电话"));
  assert.equal(keys("诈骗电话").length, 3);
  assert.deepEqual(keys("骗，局"), [], "a lone character is no term");
  assert.deepEqual(keys("2023年8月 96110"), [], "bare numbers are no terms");
  assert.deepEqual(keys("下载APP"), [...keys("下载"), ...keys("app")]);
  assert.equal(keys("app").length, 1);
  assert.notDeepEqual(keys("诈骗"), keys("骗诈"));
});

test("term frequencies are counted afresh for each bulletin, long or short", () => {
  const counter = new KeyCounter(4);
  const counted = (keys: number[]): Array<[number, number]> => {
    counter.count(Int32Array.from(keys), keys.length);
    return Array.from({ length: counter.size }, (_, j) => [counter.distinct[j]!, counter.tally[j]!]);
  };
  const long = Array.from({ length: 5000 }, (_, i) => 1 + (i % 1500));
  assert.equal(counted(long).length, 1500);
  assert.deepEqual(counted([7, 3, 7, -2, 7]), [
    [7, 3],
    [3, 1],
    [-2, 1],
  ]);
  assert.deepEqual(counted([3]), [[3, 1]]);
});

test("text neighbours: the similar ones are exactly those met through enough shared terms", () => {
  // Six bulletins over terms 0…5, the last one unlisted (a draft); bulletin 0 holds terms 0, 1, 2.
  const rows = [[0, 1, 2], [0, 1, 2], [0, 3], [1, 2, 4], [5], [0, 1]];
  const width = 3;
  const terms = new Int32Array(rows.length * width);
  const weights = new Float64Array(rows.length * width);
  rows.forEach((row, d) =>
    row.forEach((t, k) => {
      terms[d * width + k] = t;
      weights[d * width + k] = 1 / (k + 1);
    }),
  );
  const vectors = { width, sizes: Uint8Array.from(rows, (r) => r.length), terms, weights, termCount: 6 };
  const listed = Uint8Array.from(rows, (_, d) => (d === 5 ? 0 : 1));
  const ids = (a: Int32Array, n: number) => [...a.subarray(0, n)].sort((x, y) => x - y);
  for (const [minShared, expected] of [
    [2, [1, 3]],
    [3, [1]],
    [0, [1, 2, 3]],
  ] as const) {
    const neighbours = new TextNeighbours(vectors, buildPostings(vectors, listed), minShared);
    for (let round = 0; round < 2; round++) {
      neighbours.collect(0);
      assert.deepEqual(ids(neighbours.touched, neighbours.touchedCount), [1, 2, 3], "met through a shared term");
      assert.deepEqual(ids(neighbours.similar, neighbours.similarCount), [...expected], `at least ${minShared}`);
      assert.deepEqual([...neighbours.shared.subarray(0, 5)], [0, 3, 1, 2, 0]);
      neighbours.reset();
      assert.deepEqual([...neighbours.shared], [0, 0, 0, 0, 0, 0], "reset clears what collect counted");
      assert.equal(neighbours.similarCount, 0);
    }
  }
});
