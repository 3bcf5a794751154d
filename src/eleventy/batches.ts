// Eleventy 3.1 keeps every page of a paginated template, its data and its output, until the whole run is
// written: at 100,000 bulletins that alone outgrew a 12 GiB heap. So a build renders in several Eleventy
// runs, each paginating a bounded batch of the bulletin and listing pages; the last run also renders every
// other page and writes what spans the whole site (assets, feeds, sitemaps).
import type { BulletinPage, SiteData } from "../site-data.ts";
import type { ListingPage } from "../taxonomy.ts";

export interface Batch {
  bulletinPages: BulletinPage[];
  listings: ListingPage[];
  /** Whether this is the run that renders the site's other pages and writes its assets, feeds and sitemaps. */
  final: boolean;
}

/** Pages of one batch: enough that a run's fixed cost (about 0.3 s) is small beside its pages. */
export const BATCH_PAGES = 4000;

/** The whole site in one run, as `npm start` renders it. */
export function wholeSite(data: SiteData): Batch {
  return { bulletinPages: data.bulletinPages, listings: data.listings, final: true };
}

/** Bulletin pages, then listing pages, in runs of `size`; the last run is the final one. */
export function batches(data: SiteData, size = BATCH_PAGES): Batch[] {
  if (!(size >= 1)) throw new Error(`batch size: expected a whole number ≥ 1, got ${size}`);
  const out: Batch[] = [];
  const total = data.bulletinPages.length + data.listings.length;
  for (let start = 0; start < total || out.length === 0; start += size) {
    const end = start + size;
    out.push({
      bulletinPages: data.bulletinPages.slice(start, end),
      listings: data.listings.slice(
        Math.max(0, start - data.bulletinPages.length),
        Math.max(0, end - data.bulletinPages.length),
      ),
      final: end >= total,
    });
  }
  return out;
}

export const BATCH_SIZE_ENV = "FANZHA_RENDER_BATCH";

/** BATCH_PAGES, or FANZHA_RENDER_BATCH (tests force several runs on the small sample site). */
export function batchSize(env: Readonly<Record<string, string | undefined>>): number {
  const value = env[BATCH_SIZE_ENV]?.trim();
  if (!value) return BATCH_PAGES;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${BATCH_SIZE_ENV}: expected a whole number ≥ 1, got "${value}"`);
  return Number(value);
}
