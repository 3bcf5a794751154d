// A date for the bulletin only when the text names exactly one: either in full (2023年8月29日, 2023-08-29) or
// as month and day with a year stated nearby in the same paragraph. Several different dates, or none, and the
// editor is asked for --date rather than given a guess.
import { DateTime } from "luxon";

/** How far back (in characters, same paragraph) a `2023年` may stand and still give a bare 8月29日 its year. */
export const YEAR_REACH = 40;

const FULL =
  /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]|((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/gu;
const MONTH_DAY = /(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]/gu;
const YEAR = /((?:19|20)\d{2})\s*年/gu;

function iso(year: string, month: string, day: string): string | undefined {
  const d = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) });
  return d.isValid ? (d.toISODate() ?? undefined) : undefined;
}

/** Every distinct date the text states unambiguously, as `yyyy-mm-dd`, sorted. */
export function datesInText(text: string): string[] {
  const found: string[] = [];
  const add = (d: string | undefined) => {
    if (d && !found.includes(d)) found.push(d);
  };
  for (const paragraph of text.split("\n")) {
    const fullSpans: Array<[number, number]> = [];
    for (const m of paragraph.matchAll(FULL)) {
      fullSpans.push([m.index, m.index + m[0].length]);
      add(m[1] ? iso(m[1], m[2]!, m[3]!) : iso(m[4]!, m[5]!, m[6]!));
    }
    for (const m of paragraph.matchAll(MONTH_DAY)) {
      if (fullSpans.some(([s, e]) => m.index >= s && m.index < e)) continue;
      const before = paragraph.slice(Math.max(0, m.index - YEAR_REACH), m.index);
      const year = [...before.matchAll(YEAR)].at(-1)?.[1];
      if (year) add(iso(year, m[1]!, m[2]!));
    }
  }
  return found.sort();
}
