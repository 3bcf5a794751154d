// Every feed and crawler file of a build as (path, text) pairs, derived from the model and the listing pages
// the site already has, so a feed exists exactly for the campaigns and regions that have a listing.
import type { DateTime } from "luxon";
import type { Bulletin, SiteSettings } from "../model.ts";
import { absoluteUrl } from "../urls.ts";
import { PAGE_PATHS } from "../sections.ts";
import { ADMIN_PATH } from "../cms/config.ts";
import { renderAtom } from "./atom.ts";
import { buildFeed, feedEntry, type FeedEntry } from "./entries.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { NEWS_SITEMAP_PATH, newsNow, newsSitemap, robotsTxt, sitemaps } from "./sitemap.ts";

export interface OutputFile {
  /** Site-relative output path, e.g. `/campaigns/xindun/feed.xml`. */
  path: string;
  content: string;
}

/** The parts of a listing page (src/taxonomy.ts ListingPage) that feeds and the sitemap read. */
export interface FeedListing {
  title: string;
  description: string;
  basePath: string;
  path: string;
  pageNumber: number;
  feedPath?: string;
  items: Bulletin[];
}

/** Each Atom feed has a JSON Feed twin beside it. */
export function jsonFeedPath(atomPath: string): string {
  return atomPath.replace(/\.xml$/, ".json");
}

/** A term's bulletins, newest first, put back together from its listing pages. */
function termFeeds(listings: readonly FeedListing[]): Map<string, { first: FeedListing; items: Bulletin[] }> {
  const byFeed = new Map<string, FeedListing[]>();
  for (const listing of listings) {
    if (!listing.feedPath) continue;
    const pages = byFeed.get(listing.feedPath);
    if (pages) pages.push(listing);
    else byFeed.set(listing.feedPath, [listing]);
  }
  const out = new Map<string, { first: FeedListing; items: Bulletin[] }>();
  for (const [path, pages] of byFeed) {
    const ordered = [...pages].sort((a, b) => a.pageNumber - b.pageNumber);
    out.set(path, { first: ordered[0]!, items: ordered.flatMap((p) => p.items) });
  }
  return out;
}

export function feedFiles(
  site: SiteSettings,
  bulletins: readonly Bulletin[],
  listings: readonly FeedListing[],
): OutputFile[] {
  const feeds = [
    {
      selfPath: PAGE_PATHS.feedAtom,
      homePath: PAGE_PATHS.home,
      title: site.title,
      description: site.description,
      bulletins: [...bulletins],
    },
    ...[...termFeeds(listings)].map(([selfPath, { first, items }]) => ({
      selfPath,
      homePath: first.basePath,
      title: `${first.title} - ${site.title}`,
      description: first.description || site.description,
      bulletins: items,
    })),
  ];
  // One entry per bulletin, shared by every feed it appears in and by both formats of each feed.
  const entries = new Map<Bulletin, FeedEntry>();
  const entryOf = (b: Bulletin): FeedEntry => {
    let entry = entries.get(b);
    if (!entry) entries.set(b, (entry = feedEntry(site, b)));
    return entry;
  };
  return feeds.flatMap((input) => {
    const feed = buildFeed({ site, ...input }, entryOf);
    const jsonPath = jsonFeedPath(input.selfPath);
    return [
      { path: input.selfPath, content: renderAtom(feed) },
      { path: jsonPath, content: renderJsonFeed({ ...feed, selfUrl: absoluteUrl(site, jsonPath) }) },
    ];
  });
}

/** The News sitemap and robots.txt (the page sitemaps need the list of built pages; see sitemapFiles). */
export function crawlerFiles(
  site: SiteSettings,
  bulletins: readonly Bulletin[],
  fixedNow: DateTime | undefined,
): OutputFile[] {
  return [
    { path: NEWS_SITEMAP_PATH, content: newsSitemap(site, bulletins, newsNow(bulletins, fixedNow, site.timeZone)) },
    { path: "/robots.txt", content: robotsTxt(site) },
  ];
}

function newest(bulletins: readonly Bulletin[]): DateTime | undefined {
  return bulletins
    .map((b) => b.updated ?? b.date)
    .reduce<DateTime | undefined>((max, t) => (max === undefined || t > max ? t : max), undefined);
}

/** Whether an output URL is an HTML page a crawler should list (not a feed, not the 404 page, not the editor). */
export function isListablePage(url: string): boolean {
  if (url.startsWith(ADMIN_PATH)) return false;
  return url.endsWith("/") || (url.endsWith(".html") && !url.endsWith("/404.html"));
}

/**
 * The sitemap index and sitemaps of the pages actually built. A bulletin page changes when the bulletin does;
 * a listing page when one of its bulletins does; every other page (home, indexes, search) with the newest
 * bulletin.
 */
export function sitemapFiles(
  site: SiteSettings,
  builtUrls: Iterable<string>,
  bulletins: readonly Bulletin[],
  listings: readonly FeedListing[],
  perFile?: number,
): OutputFile[] {
  const lastmod = new Map<string, DateTime>();
  for (const b of bulletins) lastmod.set(b.url, b.updated ?? b.date);
  for (const listing of listings) {
    const time = newest(listing.items);
    if (time) lastmod.set(listing.path, time);
  }
  const fallback = newest(bulletins);
  const pages = [...builtUrls].filter(isListablePage).map((path) => {
    const time = lastmod.get(path) ?? fallback;
    return time ? { path, lastmod: time } : { path };
  });
  return sitemaps(site, pages, perFile);
}
