// Machine-readable times for feeds, sitemaps and structured data in the site's zone (…T09:30:00+08:00),
// whatever zone a DateTime arrived in, so readers see the local time and rebuilds agree byte for byte.
import type { DateTime } from "luxon";
import type { SiteSettings } from "../model.ts";
import { isoDate } from "../dates.ts";

export function isoTime(site: Pick<SiteSettings, "timeZone">, time: DateTime): string {
  const iso = isoDate(time.setZone(site.timeZone));
  if (!iso) throw new Error(`invalid date in zone ${site.timeZone}: ${time.invalidExplanation ?? "unknown reason"}`);
  return iso;
}
