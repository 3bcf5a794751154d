import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import iconv from "iconv-lite";
import { parse as parseYaml } from "yaml";
import { runBuild } from "../src/commands/build.ts";
import { bulletinPath, renderBulletin, writeNewFile } from "../src/importer/bulletin-file.ts";
import { decode } from "../src/importer/decode.ts";
import { datesInText } from "../src/importer/detect-date.ts";
import { chooseRegion, countMentions, detectCampaigns } from "../src/importer/detect-places.ts";
import { importText, type ImportContext, type ImportOptions } from "../src/importer/import-text.ts";
import { slugify, trimSlug } from "../src/importer/slug.ts";
import { isPinyinAnnotation, stripPinyin } from "../src/importer/strip-pinyin.ts";
import { bylineNames, closingByline, isCaption, structure, toMarkdown } from "../src/importer/structure.ts";
import { detectTitle, titleFromEntry } from "../src/importer/title.ts";
import { createRegionRegistry, createRegistry, findRegionMentions } from "../src/registries/index.ts";
import { loadSite } from "../src/site.ts";
import { campaign, region } from "./fixtures/make-bulletin.ts";
import { FIXTURES, ROOT, runCommand, tempContent } from "./fixtures/import/cli.ts";

const fixture = (name: string) => readFileSync(join(FIXTURES, name));

// A small registry of our own, so these tests do not depend on the repository's registry files.
const regionNodes = [
  region("jiangsu", "江苏省", "province"),
  { ...region("wuxi", "无锡市", "city", "jiangsu"), aliases: ["无锡", "無錫"] },
  region("liangxi", "梁溪区", "district", "wuxi"),
  region("xinwu", "新吴区", "district", "wuxi"),
  region("binhu", "滨湖区", "district", "wuxi"),
  { ...region("suzhou-js", "苏州市", "city", "jiangsu"), aliases: ["苏州", "蘇州"] },
  region("zhejiang", "浙江省", "province"),
  region("hangzhou", "杭州市", "city", "zhejiang"),
  region("anhui", "安徽省", "province"),
  { ...region("suzhou-ah", "宿州市", "city", "anhui"), aliases: ["宿州"] },
];
const regions = createRegionRegistry(regionNodes);
const campaigns = createRegistry([
  { ...campaign("tianwang", "天网"), aliases: ["天網"] },
  campaign("xindun", "心盾"),
  { ...campaign("duanka", "断卡"), aliases: ["斷卡"] },
  campaign("fanzha-jinshequ", "反诈进社区"),
]);
const types = createRegistry<{ key: string; name: string; aliases: string[]; description: string }>([]);
const ctx: ImportContext = {
  registries: { regions, campaigns, types },
  regionMentions: (text) => findRegionMentions(text, regions),
  timeZone: "Asia/Shanghai",
};

function imported(bytes: Uint8Array, opts: ImportOptions = {}) {
  const result = importText(bytes, opts, ctx);
  if (!result.ok) assert.fail(`import failed: ${result.errors.join("; ")}`);
  return result.value;
}

describe("decode", () => {
  const read = (bytes: Uint8Array) => {
    const d = decode(bytes);
    assert.ok("text" in d, JSON.stringify(d));
    return d;
  };
  const text = "今年以来，无锡公安推进“心盾”行动。\n第二行";
  test("reads UTF-8", () => assert.deepEqual(read(Buffer.from(text)), { text, encoding: "UTF-8" }));
  test("drops a UTF-8 BOM", () => {
    const d = read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    assert.equal(d.text, text);
    assert.equal(d.encoding, "UTF-8 (BOM)");
  });
  test("reads GBK / GB18030", () => {
    const d = read(iconv.encode(text, "gbk"));
    assert.equal(d.text, text);
    assert.equal(d.encoding, "GB18030");
  });
  test("reads Big5 when chardet is sure of it", () => {
    const hant = "杭州市公安局通報斷卡行動階段戰果，全市共打掉涉兩卡犯罪團夥二十七個，抓獲犯罪嫌疑人三百餘名。";
    assert.deepEqual(read(iconv.encode(hant, "big5")), { text: hant, encoding: "Big5" });
  });
  test("turns CRLF and CR into LF", () => assert.equal(read(Buffer.from("甲\r\n乙\r丙")).text, "甲\n乙\n丙"));
  test("composes combining tone marks (NFD pinyin)", () =>
    assert.equal(read(Buffer.from("網(wa\u030cng)")).text, "網(wǎng)"));
  test("reads UTF-16 saved without a byte-order mark", () => {
    assert.deepEqual(read(iconv.encode(text, "utf-16le")), { text, encoding: "UTF-16LE (no BOM)" });
    assert.deepEqual(read(iconv.encode(text, "utf-16be")), { text, encoding: "UTF-16BE (no BOM)" });
  });
  test("refuses bytes that are not text (a picture, a .docx) instead of importing garbage", () => {
    assert.deepEqual(decode(readFileSync(join(ROOT, "content/images/xindun-dapengche-2025.png"))), {
      error:
        "the file is not text: read as GB18030, line 2 holds the control character U+001A, which is not text; give import plain text (UTF-8, GB18030, or UTF-16), e.g. copied out of a .docx or PDF",
    });
  });
});

describe("stripPinyin", () => {
  test("removes annotations after Han characters, ASCII and full-width", () => {
    assert.equal(stripPinyin("推進(jìn)“天網(wǎng)”行動（xíng）"), "推進“天網”行動");
  });
  test("keeps English names, years, (app), bylines and captions", () => {
    const kept = "工程師馬克(Mark Evans)、去年(2023)、反詐中心(app)、(資料圖片僅供參考)、(孫姣姣、張景荃)、女子(José)";
    assert.equal(stripPinyin(kept), kept);
  });
  test("keeps a toned word that does not follow a Han character", () => {
    assert.equal(stripPinyin("Café (wǎng)"), "Café (wǎng)");
  });
  test("an annotation is Latin letters with a tone mark that spell pinyin", () => {
    assert.equal(isPinyinAnnotation("zhuǎn"), true);
    assert.equal(isPinyinAnnotation("wǎng luò"), true);
    assert.equal(isPinyinAnnotation("nǚ"), true);
    assert.equal(isPinyinAnnotation("wang"), false, "no tone mark");
    assert.equal(isPinyinAnnotation("José"), false, "not pinyin");
    assert.equal(isPinyinAnnotation("2023"), false);
  });
});

describe("structure", () => {
  const text = [
    "导语第一段，讲清楚时间地点和事件。",
    "多方联动 织密防护网",
    "（图片来源：无锡市公安局）",
    "第一节的正文，比较长的一段文字。",
    "精准宣防",
    "第二节的正文。(记者 林晓雯 通讯员 周明远)",
    "关键词：断卡、银行卡",
    "标题 导语第一段，讲清楚时间地点",
    "另一条新闻 另一条的开头",
  ].join("\n");
  const s = structure(text);
  test("lead, headings and paragraphs", () => {
    assert.equal(s.lead, "导语第一段，讲清楚时间地点和事件。");
    assert.deepEqual(s.blocks, [
      { kind: "heading", text: "多方联动 织密防护网" },
      { kind: "paragraph", text: "第一节的正文，比较长的一段文字。" },
      { kind: "heading", text: "精准宣防" },
      { kind: "paragraph", text: "第二节的正文。" },
    ]);
  });
  test("byline roles stripped into authors, keyword line into tags, the list cut", () => {
    assert.deepEqual(s.authors, ["林晓雯", "周明远"]);
    assert.deepEqual(s.tags, ["断卡", "银行卡"]);
    assert.deepEqual(s.headlines, ["标题 导语第一段，讲清楚时间地点", "另一条新闻 另一条的开头"]);
  });
  test("without a keyword line the list starts at the entry repeating the lead", () => {
    const t = structure("导语第一段，讲清楚时间地点和事件。\n正文。\n标题 导语第一段，讲清楚\n别的 新闻");
    assert.deepEqual(t.blocks, [{ kind: "paragraph", text: "正文。" }]);
    assert.equal(t.headlines.length, 2);
  });
  test("a keyword line above the article gives tags and cuts nothing", () => {
    const t = structure("关键词：断卡 银行卡\n导语，讲清楚事情。\n正文一段。");
    assert.deepEqual(t.tags, ["断卡", "银行卡"]);
    assert.deepEqual(t.preamble, []);
    assert.equal(t.lead, "导语，讲清楚事情。");
    assert.deepEqual(t.blocks, [{ kind: "paragraph", text: "正文一段。" }]);
  });
  test("captions and bylines are told from other parentheses", () => {
    assert.equal(isCaption("(資料圖片僅供參考)"), true);
    assert.equal(isCaption("（图片来源：网络）"), true);
    assert.equal(isCaption("(完)"), false);
    assert.deepEqual(bylineNames("孫姣姣、張景荃"), ["孫姣姣", "張景荃"]);
    assert.deepEqual(bylineNames("記者 林曉雯 通訊員 周明遠"), ["林曉雯", "周明遠"]);
    assert.deepEqual(bylineNames("文/图：张文静 王图"), ["张文静", "王图"]);
    assert.deepEqual(bylineNames("记者林晓雯通讯员周明远"), ["林晓雯", "周明远"]);
    assert.equal(bylineNames("app"), undefined);
    assert.equal(bylineNames("2023"), undefined);
    assert.equal(bylineNames("待续"), undefined);
    assert.deepEqual(bylineNames("责任编辑：欧阳明"), ["欧阳明"]);
    assert.equal(bylineNames("第一期"), undefined, "not a name: 第 is no surname");
  });
  test("a last line of its own starting with a role is a byline too", () => {
    const t = structure("导语，讲清楚事情。\n正文一段。\n记者 林晓雯 通讯员 周明远");
    assert.deepEqual(t.authors, ["林晓雯", "周明远"]);
    assert.deepEqual(t.blocks, [{ kind: "paragraph", text: "正文一段。" }]);
    assert.equal(closingByline("记者说，这是一句话。"), undefined);
  });
  test("a closing parenthesis that is not a byline stays in the text", () => {
    const t = structure("导语。\n最后一段提到反诈中心(app)");
    assert.deepEqual(t.authors, []);
    assert.equal(t.blocks.at(-1)?.text, "最后一段提到反诈中心(app)");
  });
  test("Markdown syntax at a line start is escaped", () => {
    assert.equal(
      toMarkdown("# 不是标题", [{ kind: "paragraph", text: "1. 不是列表" }]),
      "\\# 不是标题\n\n\\1. 不是列表\n",
    );
  });
});

describe("title", () => {
  const lead = "今年以来，无锡公安深入推进两大反诈专项行动，牢固树立理念。";
  test("the entry's title, spaces included, ends where the lead's opening starts", () => {
    assert.equal(titleFromEntry("多方联动 织密防护网 今年以来，无锡公安深入推进两大...", lead), "多方联动 织密防护网");
  });
  test("an entry that does not repeat the lead gives nothing", () => {
    assert.equal(titleFromEntry("别的新闻 别的导语开头", lead), undefined);
    assert.deepEqual(detectTitle(lead, ["别的新闻 别的导语开头", "本文 今年以来，无锡公安"]), {
      title: "本文",
      shortened: false,
    });
  });
  test("a title the list cut short loses its ellipsis and is flagged", () => {
    assert.deepEqual(detectTitle(lead, ["很长的标题被截... 今年以来，无锡公安深入"]), {
      title: "很长的标题被截",
      shortened: true,
    });
  });
});

describe("dates", () => {
  test("full dates and month-day with a year nearby", () => {
    assert.deepEqual(datesInText("2023年8月29日，无锡。"), ["2023-08-29"]);
    assert.deepEqual(datesInText("2023年以来，全市推进宣传，8月29日发布数据。"), ["2023-08-29"]);
    assert.deepEqual(datesInText("发布于2024-03-15。"), ["2024-03-15"]);
  });
  test("a bare month-day without a year, or an impossible date, is not a date", () => {
    assert.deepEqual(datesInText("6月10日，民警接到求助。心盾2023活动。"), []);
    assert.deepEqual(datesInText("2023年2月30日"), []);
  });
  test("several dates are all reported", () => {
    assert.deepEqual(datesInText("2023年6月10日立案，2023年8月29日结案。"), ["2023-06-10", "2023-08-29"]);
  });
});

describe("places", () => {
  const pick = (text: string) => chooseRegion(findRegionMentions(text, regions), regions)?.key;
  test("蘇州 is the Jiangsu Suzhou, not 宿州; 無錫 is Wuxi", () => {
    assert.equal(pick("蘇州警方提醒，蘇州市民注意。"), "suzhou-js");
    assert.equal(pick("宿州警方提醒。"), "suzhou-ah");
    assert.equal(pick("無錫公安"), "wuxi");
  });
  test("a city whose districts share the mentions stays the city", () => {
    assert.equal(pick("无锡公安、无锡市民、无锡警方：梁溪区、新吴区、滨湖区各有行动。"), "wuxi");
  });
  test("a district that holds most mentions wins over its city", () => {
    assert.equal(pick("无锡市梁溪区警方：梁溪区、梁溪区民警"), "liangxi");
  });
  test("the most mentioned province's city wins over a passing mention elsewhere", () => {
    assert.equal(pick("杭州警方赴苏州、苏州、苏州办案"), "suzhou-js");
  });
  test("nothing mentioned, nothing chosen", () => assert.equal(pick("某地警方"), undefined));
  test("campaigns in either script, most mentioned first, longest name consumed", () => {
    const found = detectCampaigns("“天網”“心盾”行动，心盾三队，反诈进社区", campaigns).map((c) => c.key);
    assert.deepEqual(found, ["xindun", "fanzha-jinshequ", "tianwang"]);
    assert.deepEqual(countMentions("没有", campaigns.all), []);
  });
});

describe("slug", () => {
  test("pinyin syllables, hyphenated, ASCII", () => {
    assert.equal(slugify("無錫“心盾”行动 App 2023"), "wu-xi-xin-dun-xing-dong-app-2023");
    assert.equal(slugify("女子被骗"), "nv-zi-bei-pian");
  });
  test("at most 80 characters, cut between syllables", () => {
    const slug = slugify("多方联动织密防护网反诈宣防筑牢群众心盾".repeat(3));
    assert.ok(slug.length <= 80, slug);
    assert.match(slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(trimSlug("abc-def-ghi", 9), "abc-def");
  });
});

describe("bulletin file", () => {
  test("front matter written by the yaml package round-trips", () => {
    const fm = {
      title: "标题: 带冒号 #号 “引号”",
      date: "2023-08-29",
      region: "wuxi",
      campaign: ["tianwang"],
      tags: [],
      authors: ["张三"],
    };
    const text = renderBulletin(fm, "正文");
    const [, yaml = "", body] = text.split("---\n");
    assert.deepEqual(parseYaml(yaml), {
      title: fm.title,
      date: "2023-08-29",
      region: "wuxi",
      campaign: ["tianwang"],
      authors: ["张三"],
    });
    assert.equal(body, "\n正文\n");
  });
  test("never overwrites", () => {
    const { content, dispose } = tempContent();
    try {
      const path = bulletinPath(join(content, "c"), 2023, "x");
      writeNewFile(path, "one");
      assert.throws(() => writeNewFile(path, "two"), /already exists/);
      assert.equal(readFileSync(path, "utf8"), "one");
    } finally {
      dispose();
    }
  });
});

describe("importText on the fixtures", () => {
  test("Traditional, CRLF, a title with a space, an English name in parentheses", () => {
    const bytes = fixture("hangzhou-duanka-crlf.txt");
    assert.ok(bytes.includes("\r\n"), "the fixture must keep its CRLF line ends");
    const v = imported(bytes);
    assert.equal(v.frontMatter.title, "杭州“斷卡”行動 三個月打掉犯罪團夥27個");
    assert.equal(v.frontMatter.date, "2024-03-15");
    assert.equal(v.frontMatter.region, "hangzhou");
    assert.deepEqual(v.frontMatter.campaign, ["duanka"]);
    assert.deepEqual(v.frontMatter.authors, ["林曉雯", "周明遠"]);
    assert.deepEqual(v.frontMatter.tags, ["斷卡", "銀行卡", "電話卡"]);
    assert.equal(v.frontMatter.lang, "zh-Hant");
    assert.match(v.body, /馬克\(Mark Evans\)/);
    assert.match(v.body, /去年\(2023\)同期/);
    assert.match(v.body, /國家反詐中心\(app\)/);
    assert.doesNotMatch(v.body, /\r|bào|圖片來源|記者|三個月打掉/);
    assert.deepEqual(v.body.match(/^## .*/gm), ["## 銀行網點 守住第一道關", "## 校園宣講 斬斷“黑產”鏈條"]);
    assert.equal(v.slug, "hang-zhou-duan-ka-xing-dong-san-ge-yue-da-diao-fan-zui-tuan-huo-27-ge");
    const guessed = new Set(v.decisions.filter((d) => d.how !== "given").map((d) => d.field));
    for (const field of [
      "encoding",
      "title",
      "date",
      "region",
      "campaign",
      "authors",
      "tags",
      "dropped",
      "lang",
      "slug",
    ]) {
      assert.ok(guessed.has(field), `decision on ${field} is reported`);
    }
  });

  test("GBK bytes read the same as UTF-8; 苏州 is not 宿州; a year-less day takes the year nearby", () => {
    const utf8 = fixture("suzhou-xindun-gbk-source.txt");
    const gbk = iconv.encode(utf8.toString("utf8"), "gbk");
    assert.throws(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk), "the GBK copy must not be valid UTF-8");
    const a = imported(utf8);
    const b = imported(gbk);
    assert.deepEqual(b.frontMatter, a.frontMatter);
    assert.equal(b.body, a.body);
    assert.equal(b.decisions[0]?.value, "GB18030");
    assert.equal(a.frontMatter.title, "苏州“心盾”宣传走进千家万户 电诈发案同比下降21%");
    assert.equal(a.frontMatter.region, "suzhou-js");
    assert.equal(a.frontMatter.date, "2023-08-29");
    assert.deepEqual(a.frontMatter.authors, ["顾晓峰", "沈佳怡"]);
    assert.doesNotMatch(a.body, /宿州|资料图片/);
  });

  test("no headline list and no date: messages ask for --title and --date", () => {
    const r = importText(fixture("wuxi-no-list-no-date.txt"), {}, ctx);
    assert.equal(r.ok, false);
    const errors = r.ok ? [] : r.errors;
    assert.ok(
      errors.some((e) => e.includes("--title")),
      errors.join("\n"),
    );
    assert.ok(
      errors.some((e) => e.includes("--date")),
      errors.join("\n"),
    );
    const given = imported(fixture("wuxi-no-list-no-date.txt"), {
      title: "冒充快递客服 诱导屏幕共享",
      date: "2024-05-06",
    });
    assert.equal(given.frontMatter.title, "冒充快递客服 诱导屏幕共享");
    assert.deepEqual(given.decisions.find((d) => d.field === "title")?.how, "given");
  });

  test("a pasted headline and dateline above the lead give the title and date, and leave the body", () => {
    const text = [
      "反诈民警上门 守住老人养老钱",
      "2024-05-20 10:15 来源：无锡市公安局",
      "5月18日下午，无锡市民李大爷接到自称“医保局”工作人员的电话，对方称他的医保卡被冻结。",
      "梁溪区民警接到预警后上门劝阻，李大爷的8万元存款分文未损。",
    ].join("\n");
    const v = imported(Buffer.from(text));
    assert.equal(v.frontMatter.title, "反诈民警上门 守住老人养老钱");
    assert.equal(v.frontMatter.date, "2024-05-20");
    assert.equal(v.frontMatter.region, "wuxi");
    assert.equal(v.frontMatter.source, "无锡市公安局");
    assert.match(v.body, /^5月18日下午/);
    assert.doesNotMatch(v.body, /来源|养老钱\n/);
    assert.ok(v.decisions.some((d) => d.field === "dropped" && d.value.startsWith("2024-05-20 10:15")));
  });

  test("two places named equally often: asks for --region and names them", () => {
    const r = importText(Buffer.from("无锡和杭州的警方联合办案。"), { title: "联合办案", date: "2024-01-02" }, ctx);
    assert.ok(
      !r.ok && r.errors.some((e) => /no single region most \(.*wuxi ×1.*hangzhou ×1|hangzhou ×1.*wuxi ×1/.test(e)),
      JSON.stringify(r),
    );
  });

  test("several dates: asks for --date and names them", () => {
    const r = importText(
      Buffer.from("2023年6月10日立案，无锡警方于2023年8月29日结案。\n标题 2023年6月10日立案"),
      {},
      ctx,
    );
    assert.ok(!r.ok && r.errors.some((e) => /several dates \(2023-06-10, 2023-08-29\).*--date/.test(e)));
  });

  test("flags override guesses; --to converts the script and sets lang", () => {
    const v = imported(fixture("hangzhou-duanka-crlf.txt"), {
      region: "無錫",
      campaign: ["心盾", "天網"],
      to: "zh-Hans",
      slug: "given-slug",
    });
    assert.equal(v.frontMatter.region, "wuxi");
    assert.deepEqual(v.frontMatter.campaign, ["xindun", "tianwang"]);
    assert.equal(v.frontMatter.lang, "zh-Hans");
    assert.equal(v.frontMatter.title, "杭州“断卡”行动 三个月打掉犯罪团伙27个");
    assert.deepEqual(v.frontMatter.authors, ["林晓雯", "周明远"]);
    assert.match(v.body, /## 银行网点 守住第一道关/);
    assert.equal(v.slug, "given-slug");
  });
});

// The seed is a news text that we may read but not copy into the repository.
const SEED_DIR = resolve(ROOT, "../shared/seeds");
const SEED_SLUG = "jiang-su-wu-xi-duo-fang-lian-dong-zhi-mi-fang-hu-wang-fan-zha-xuan-fang-zhu-lao";
const seedFile = existsSync(SEED_DIR) ? readdirSync(SEED_DIR).find((f) => f.endsWith(".txt")) : undefined;

describe("npm run import (command)", () => {
  let temp: ReturnType<typeof tempContent>;
  before(() => {
    temp = tempContent();
  });
  after(() => temp.dispose());

  test("a picture given as the text is refused, even with --date and --region; UTF-16 without a BOM is read", () => {
    const before = readdirSync(join(temp.content, "bulletins/2023"));
    const picture = runCommand("import", [
      join(ROOT, "content/images/xindun-dapengche-2025.png"),
      "--date",
      "2023-08-29",
      "--region",
      "wuxi",
      "--content",
      temp.content,
    ]);
    assert.equal(picture.status, 1);
    assert.equal(
      picture.stderr.trim(),
      `${join(ROOT, "content/images/xindun-dapengche-2025.png")}: the file is not text: read as GB18030, line 2 holds the control character U+001A, which is not text; give import plain text (UTF-8, GB18030, or UTF-16), e.g. copied out of a .docx or PDF`,
    );
    assert.deepEqual(readdirSync(join(temp.content, "bulletins/2023")), before, "nothing was written");
    const utf16 = join(temp.content, "..", "utf16.txt");
    writeFileSync(
      utf16,
      iconv.encode(
        "无锡警方提醒：谨防刷单返利\n\n今年以来，无锡公安推进反诈宣传，提醒市民谨防刷单返利诈骗。\n",
        "utf-16le",
      ),
    );
    const text = runCommand("import", [
      utf16,
      "--date",
      "2023-08-30",
      "--region",
      "wuxi",
      "--slug",
      "utf16-import",
      "--dry-run",
      "--content",
      temp.content,
    ]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stderr, /^encoding: UTF-16LE \(no BOM\)/m);
    assert.match(text.stdout, /今年以来，无锡公安推进反诈宣传/);
  });

  test(
    "the seed: headline title, Wuxi, 天网 + 心盾, byline, three sections, no pinyin",
    { skip: seedFile ? false : `no seed in ${SEED_DIR}` },
    () => {
      const r = runCommand("import", [join(SEED_DIR, seedFile!), "--date", "2023-08-29", "--content", temp.content]);
      assert.equal(r.status, 0, r.stderr);
      const path = resolve(r.stdout.trim());
      assert.equal(path, join(temp.content, "bulletins/2023", `${SEED_SLUG}.md`));
      const text = readFileSync(path, "utf8");
      const [, yaml = "", body = ""] = text.split(/^---\n/m);
      const fm = parseYaml(yaml);
      assert.equal(fm.title, "江蘇無錫:多方聯動織密“防護網”,反詐宣防筑牢群眾“心盾”");
      assert.equal(fm.region, "wuxi");
      assert.deepEqual([...fm.campaign].sort(), ["tianwang", "xindun"]);
      assert.deepEqual(fm.authors, ["孫姣姣", "張景荃"]);
      assert.equal(fm.date, "2023-08-29");
      assert.equal(body.match(/^## /gm)?.length, 3);
      assert.doesNotMatch(body, /[(（][a-zàáǎèéěìíǐòóǒùúǔǖǘǚǜü ]+[)）]/u, "pinyin left");
      assert.match(body, /《孤注一擲》/);
      assert.doesNotMatch(body, /資料圖片|孫姣姣|關鍵詞|新華社/);
      for (const field of ["title", "date", "region", "campaign"])
        assert.match(r.stderr, new RegExp(`^${field}: `, "m"));

      // Round trip: the written file passes the same validation as `npm run check` and loads as a bulletin.
      const site = loadSite({ root: ROOT, contentDir: temp.content, mode: "production" });
      assert.deepEqual(site.problems, []);
      const b = site.all.find((x) => x.sourcePath.endsWith(path.split("/").pop()!));
      assert.ok(b, "the imported bulletin is loaded");
      assert.equal(b.region.key, "wuxi");
      const headings = [...b.html.matchAll(/<h2[^>]*>([^<]*)<\/h2>/g)].map((m) => m[1]);
      assert.deepEqual(headings, ["多方聯動 織密“防護網”", "精準宣防 打好“組合拳”", "雙線融合 奏出“交響曲”"]);
    },
  );

  test("imports a GBK file, never overwrites, and passes the site's validation", () => {
    const gbk = join(temp.content, "suzhou-gbk.txt");
    writeFileSync(gbk, iconv.encode(fixture("suzhou-xindun-gbk-source.txt").toString("utf8"), "gbk"));
    const first = runCommand("import", [gbk, "--content", temp.content, "--slug", "suzhou-xindun"]);
    assert.equal(first.status, 0, first.stderr);
    const path = join(temp.content, "bulletins/2023/suzhou-xindun.md");
    assert.equal(resolve(first.stdout.trim()), path);
    const written = readFileSync(path, "utf8");
    const again = runCommand("import", [
      gbk,
      "--content",
      temp.content,
      "--slug",
      "suzhou-xindun",
      "--title",
      "另一个标题",
    ]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
    assert.equal(readFileSync(path, "utf8"), written);
    const site = loadSite({ root: ROOT, contentDir: temp.content, mode: "production" });
    assert.deepEqual(site.problems, []);
    const b = site.all.find((x) => x.slug === "suzhou-xindun");
    assert.equal(b?.title, "苏州“心盾”宣传走进千家万户 电诈发案同比下降21%");
    assert.deepEqual(b?.authors, ["顾晓峰", "沈佳怡"]);
  });

  test("--dry-run prints the bulletin and writes nothing", () => {
    const r = runCommand("import", [
      join(FIXTURES, "hangzhou-duanka-crlf.txt"),
      "--dry-run",
      "--content",
      temp.content,
    ]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^---\ntitle: 杭州“斷卡”行動 三個月打掉犯罪團夥27個\n/);
    assert.match(r.stderr, /would write/);
    assert.equal(
      existsSync(
        join(temp.content, "bulletins/2024/hang-zhou-duan-ka-xing-dong-san-ge-yue-da-diao-fan-zui-tuan-huo-27-ge.md"),
      ),
      false,
    );
  });

  test("round trip: import, then npm run check and a build; the page shows title, sections, authors, tags", async () => {
    const r = runCommand("import", [
      join(FIXTURES, "hangzhou-duanka-crlf.txt"),
      "--slug",
      "hangzhou-roundtrip",
      "--content",
      temp.content,
    ]);
    assert.equal(r.status, 0, r.stderr);
    const check = runCommand("check", ["--content", temp.content]);
    assert.equal(check.status, 0, check.stderr);
    const out = join(temp.content, "..", `${temp.content.split("/").pop()}-site`);
    try {
      await runBuild({ root: ROOT, contentDir: temp.content, outDir: out, search: false });
      const html = readFileSync(join(out, "bulletins/2024/03/hangzhou-roundtrip/index.html"), "utf8");
      const text = html.replace(/<[^>]+>/g, " ");
      assert.match(html, /<h1[^>]*>[^<]*杭州“斷卡”行動 三個月打掉犯罪團夥27個/);
      assert.equal(html.match(/<h2[^>]*>[^<]*(銀行網點 守住第一道關|校園宣講 斬斷“黑產”鏈條)/g)?.length, 2);
      for (const word of ["林曉雯", "周明遠", "斷卡", "銀行卡", "電話卡", "馬克(Mark Evans)"])
        assert.ok(text.includes(word), word);
      assert.doesNotMatch(text, /bào|關鍵詞|圖片來源/);
      if (seedFile) {
        // The seed, imported by the first test into the same content copy, builds too.
        const seed = readFileSync(join(out, "bulletins/2023/08", SEED_SLUG, "index.html"), "utf8");
        assert.match(seed, /<h1[^>]*>[^<]*江蘇無錫:多方聯動織密“防護網”/);
        assert.equal(seed.match(/<h2[^>]*>[^<]*(多方聯動|精準宣防|雙線融合)/g)?.length, 3);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  test("what it cannot guess: one line per missing decision, exit 1", () => {
    const r = runCommand("import", [join(FIXTURES, "wuxi-no-list-no-date.txt"), "--content", temp.content]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /pass --title/);
    assert.match(r.stderr, /pass --date/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
  });

  test("an unknown region or campaign gets check's message", () => {
    const r = runCommand("import", [
      join(FIXTURES, "wuxi-no-list-no-date.txt"),
      ...["--title", "标题", "--date", "2024-05-06", "--region", "无锡市X", "--campaign", "心盾x"],
      ...["--content", temp.content],
    ]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^\S*bulletins\/2024\/biao-ti\.md:\d+: region: /m);
    assert.match(r.stderr, /^\S*bulletins\/2024\/biao-ti\.md:\d+: campaign: /m);
    assert.equal(existsSync(join(temp.content, "bulletins/2024/biao-ti.md")), false);
  });

  test("a content folder that is not one: one clear line", () => {
    const r = runCommand("import", [join(FIXTURES, "hangzhou-duanka-crlf.txt"), "--content", FIXTURES]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /not a content folder \(it has no site\.yaml\)/);
  });

  test("a missing file or a bad flag is one clear line", () => {
    const missing = runCommand("import", [join(temp.content, "nope.txt"), "--content", temp.content]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /nope\.txt: cannot read it \(ENOENT\)/);
    const bad = runCommand("import", [
      join(FIXTURES, "hangzhou-duanka-crlf.txt"),
      "--to",
      "en",
      "--content",
      temp.content,
    ]);
    assert.equal(bad.status, 1);
    assert.equal(bad.stderr.trim(), '--to "en": must be zh-Hans or zh-Hant');
  });
});
