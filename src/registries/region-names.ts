// Short names of Chinese administrative divisions: 无锡市→无锡, 广西壮族自治区→广西, 延边朝鲜族自治州→延边.
// Shared by the generator of the built-in tree and by local entries that give no short name of their own.
import type { RegionLevel } from "../model.ts";

// Ethnic groups as they appear inside the names of autonomous divisions. Multi-character names may appear
// without 族 (巴音郭楞蒙古自治州, 伊犁哈萨克自治州); one-character names only with it, so that 陵水 keeps its 水.
const ETHNIC_GROUPS = [
  "蒙古",
  "回",
  "藏",
  "维吾尔",
  "苗",
  "彝",
  "壮",
  "布依",
  "朝鲜",
  "满",
  "侗",
  "瑶",
  "白",
  "土家",
  "哈尼",
  "哈萨克",
  "傣",
  "黎",
  "傈僳",
  "佤",
  "畲",
  "高山",
  "拉祜",
  "水",
  "东乡",
  "纳西",
  "景颇",
  "柯尔克孜",
  "土",
  "达斡尔",
  "仫佬",
  "羌",
  "布朗",
  "撒拉",
  "毛南",
  "仡佬",
  "锡伯",
  "阿昌",
  "普米",
  "塔吉克",
  "怒",
  "乌孜别克",
  "俄罗斯",
  "鄂温克",
  "德昂",
  "保安",
  "裕固",
  "京",
  "塔塔尔",
  "独龙",
  "鄂伦春",
  "赫哲",
  "门巴",
  "珞巴",
  "基诺",
].sort((a, b) => b.length - a.length);

const AUTONOMOUS = /(自治区|自治州|自治县|自治旗)$/u;

const SUFFIXES: Record<RegionLevel, RegExp> = {
  province: /(省|市|特别行政区)$/u,
  city: /(市|地区|盟|林区|县)$/u,
  district: /(新区|区|县|市|旗|分局|公安分局)$/u,
};

function stripEthnicGroups(rest: string): string {
  let cur = rest;
  for (let changed = true; changed;) {
    changed = false;
    for (const group of ETHNIC_GROUPS) {
      for (const form of group.length > 1 ? [`${group}族`, group] : [`${group}族`]) {
        if (cur.endsWith(form) && cur.length - form.length >= 2) {
          cur = cur.slice(0, -form.length);
          changed = true;
        }
      }
    }
  }
  return cur;
}

/** Short name used in headlines and breadcrumbs; never shorter than two characters. */
export function shortNameOf(name: string, level: RegionLevel): string {
  const autonomous = name.match(AUTONOMOUS);
  if (autonomous) {
    const rest = name.slice(0, -autonomous[0].length);
    const short = stripEthnicGroups(rest);
    return short.length >= 2 ? short : name;
  }
  const short = name.replace(SUFFIXES[level], "");
  return short.length >= 2 ? short : name;
}
