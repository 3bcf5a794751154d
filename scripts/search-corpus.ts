// A quick synthetic corpus for measuring search until the shared benchmark corpus (src/bench/corpus.ts)
// is there: bulletins of ~2,000 Han characters drawn with a Zipf law over 4,000 characters, 80% Simplified
// and 20% Traditional (each character replaced by a Traditional form fold() maps back).
import { DateTime } from "luxon";
import type { Bulletin } from "../src/model.ts";
import { mulberry32 } from "../src/bench/random.ts";
import { campaign, fraudType, makeBulletin, regions, ZONE } from "../tests/fixtures/make-bulletin.ts";
import { foldPreimages } from "../src/search/fold-table.ts";

const PHRASES = ["诈骗", "刷单返利", "无锡", "苏州", "电诈警情", "冒充公检法", "反诈中心", "96110", "APP"];
const PUNCT = "，。、；：！？";

export function syntheticBulletins(n: number, seed = 1, chars = 2000): Bulletin[] {
  const rnd = mulberry32(seed);
  const alphabet: string[] = [];
  const seen = new Set<string>();
  while (alphabet.length < 4000) {
    const ch = String.fromCodePoint(0x4e00 + rnd.int(0, 0x51a5));
    if (!seen.has(ch)) alphabet.push(ch), seen.add(ch);
  }
  // Cumulative Zipf weights (s = 1).
  const cum: number[] = [];
  let total = 0;
  for (let i = 0; i < alphabet.length; i++) cum.push((total += 1 / (i + 1)));
  const draw = (): string => {
    const x = rnd.next() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return alphabet[lo]!;
  };
  const inv = foldPreimages();
  const toTrad = (text: string): string => [...text].map((ch) => inv.get(ch)?.[0] ?? ch).join("");
  const regionList = [regions.wuxi, regions.suzhouJs, regions.hangzhou, regions.suzhouAh, regions.jiangsu];
  const campaigns = [campaign("xindun", "心盾"), campaign("tianwang", "天网"), campaign("duanka", "断卡")];
  const types = [fraudType("shuadan", "刷单返利"), fraudType("daikuan", "虚假贷款"), fraudType("jiaoyou", "网络婚恋交友")];
  const out: Bulletin[] = [];
  const start = DateTime.fromISO("2016-01-01T08:00", { zone: ZONE });
  for (let i = 0; i < n; i++) {
    let text = "";
    while (text.length < chars) {
      const r = rnd.next();
      text += r < 0.06 ? rnd.pick([...PUNCT]) : r < 0.08 ? rnd.pick(PHRASES) : draw();
    }
    const trad = rnd.chance(0.2);
    const title = Array.from({ length: 14 }, draw).join("");
    out.push(
      makeBulletin({
        slug: `b${i}`,
        title: trad ? toTrad(title) : title,
        text: trad ? toTrad(text) : text,
        lang: trad ? "zh-Hant" : "zh-Hans",
        date: start.plus({ hours: Math.floor((i * 24 * 365 * 9) / Math.max(n, 1)) }),
        region: rnd.pick(regionList),
        campaigns: rnd.sample(campaigns, rnd.int(0, 2)),
        types: rnd.sample(types, rnd.int(0, 2)),
      }),
    );
  }
  return out;
}
