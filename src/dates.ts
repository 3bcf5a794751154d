// Every date is read and shown in the site's zone, never the machine's: a bulletin dated 2023-08-29 is
// 29 August on every page whether the build runs in Shanghai, Los Angeles or a UTC container.
import { DateTime } from "luxon";

const CONTENT_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses a front-matter date (`2023-08-29`, `2023-08-29 09:30`, optionally with seconds and an offset). */
export function parseContentDate(value: string, zone: string): DateTime | undefined {
  const m = CONTENT_DATE.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = "00", mi = "00", s = "00", offset] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}${offset ? normaliseOffset(offset) : ""}`;
  const parsed = offset
    ? DateTime.fromISO(iso, { setZone: true }).setZone(zone)
    : DateTime.fromISO(iso, { zone });
  return parsed.isValid ? parsed : undefined;
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
 * The build's notion of "now": SOURCE_DATE_EPOCH when set (reproducible builds), else the wall clock.
 * Future-dated bulletins are those after this instant.
 */
export function buildNow(zone: string, env: NodeJS.ProcessEnv = process.env): DateTime {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return DateTime.fromSeconds(Number(epoch), { zone });
  return DateTime.now().setZone(zone);
}
