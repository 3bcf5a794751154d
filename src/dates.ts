// Every date is read and shown in the site's zone, never the machine's: a bulletin dated 2023-08-29 is
// 29 August on every page whether the build runs in Shanghai, Los Angeles or a UTC container.
import { DateTime } from "luxon";

const CONTENT_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Years a bulletin may be dated in: a typo like 1900 or 3023 would sort it first or hide it for ever. */
export const YEAR_RANGE = { min: 1990, max: 2099 } as const;

/** Parses a front-matter date (`2023-08-29`, `2023-08-29 09:30`, optionally with seconds and an offset). */
export function parseContentDate(value: string, zone: string): DateTime | undefined {
  const read = readContentDate(value, zone);
  return "date" in read ? read.date : undefined;
}

/** A front-matter date, or why it is not one, as a message naming the value. */
export function readContentDate(value: string, zone: string): { date: DateTime } | { problem: string } {
  const notADate = { problem: `"${value}" is not a date; write it like 2023-08-29 or 2023-08-29 09:30` };
  const m = CONTENT_DATE.exec(value.trim());
  if (!m) return notADate;
  const [, y, mo, d, h = "00", mi = "00", s = "00", offset] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${offset ? normaliseOffset(offset) : ""}`;
  if (offset && offset !== "Z") {
    const minutes = Number(offset.slice(0, 1) + "1") * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(-2)));
    if (minutes < -12 * 60 || minutes > 14 * 60 || Number(offset.slice(-2)) > 59) {
      return { problem: `"${value}" has the offset ${offset}; offsets run from -12:00 to +14:00` };
    }
  }
  const parsed = offset ? DateTime.fromISO(iso, { setZone: true }).setZone(zone) : DateTime.fromISO(iso, { zone });
  if (!parsed.isValid) return notADate;
  if (parsed.year < YEAR_RANGE.min || parsed.year > YEAR_RANGE.max) {
    return {
      problem: `"${value}" is in the year ${parsed.year}; dates must lie between ${YEAR_RANGE.min} and ${YEAR_RANGE.max}`,
    };
  }
  return { date: parsed };
}

function normaliseOffset(offset: string): string {
  if (offset === "Z") return offset;
  return offset.includes(":") ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** 2023年8月29日 */
export function cnDate(date: DateTime): string {
  return `${date.year}年${date.month}月${date.day}日`;
}

/** 2023年8月 */
export function cnMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}

/** ISO 8601 with the zone's offset and no milliseconds, for `<time datetime>`, feeds and JSON-LD. */
export function isoDate(date: DateTime): string {
  return date.toISO({ suppressMilliseconds: true }) ?? "";
}

/**
 * SOURCE_DATE_EPOCH as an instant, when it is set and valid (environment.ts reports it otherwise): a build's
 * fixed "now", so that builds of the same content are reproducible.
 */
export function sourceDate(zone: string, env: Readonly<Record<string, string | undefined>>): DateTime | undefined {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  return epoch && /^\d+$/.test(epoch) ? DateTime.fromSeconds(Number(epoch), { zone }) : undefined;
}
