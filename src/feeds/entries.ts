// What a feed says, decided once: both the Atom and the JSON Feed renderers format these records, so the
// two feeds of a page always hold the same entries with the same ids, times and categories.
import type { DateTime } from "luxon";
import type { Bulletin, LeadImage, SiteSettings } from "../model.ts";
import { absoluteUrl } from "../urls.ts";
import { section } from "../sections.ts";
import { isoTime } from "../meta/time.ts";
import { absoluteHtml } from "./absolute-html.ts";
import { byDateDesc } from "../site.ts";

/** Subscribers only need recent news; 50 keeps every feed small enough to poll often. */
export const FEED_SIZE = 50;

export interface FeedInput {
  site: SiteSettings;
  title: string;
  /** Site-relative path of the feed itself, e.g. `/campaigns/xindun/feed.xml`. */
  selfPath: string;
  /** Site-relative path of the page the feed belongs to, e.g. `/campaigns/xindun/`. */
  homePath: string;
  /** Visible bulletins in any order; the newest FEED_SIZE are taken. */
  bulletins: Bulletin[];
  /** Subtitle / description; the site's description when absent. */
  description?: string;
}

export interface FeedCategory {
  /** Stable key (campaign, type or region key, or the tag itself). */
  term: string;
  /** Human-readable name. */
  label: string;
  /** Absolute URL of the taxonomy the term belongs to; absent for free tags. */
  scheme?: string;
}

export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  summary: string;
  /** Body HTML with every link and image made absolute, since feed readers have no base URL. */
  contentHtml: string;
  published: DateTime;
  updated: DateTime;
  /** The two times as written in feeds, in the site's zone (formatting them is the costly part). */
  publishedIso: string;
  updatedIso: string;
  /** Bulletin authors; empty when the bulletin names none (the feed's author, the publisher, applies). */
  authors: string[];
  categories: FeedCategory[];
  lang: Bulletin["lang"];
  image?: { url: string; alt: string };
}

export interface Feed {
  site: SiteSettings;
  title: string;
  description: string;
  id: string;
  selfUrl: string;
  homeUrl: string;
  /** The newest entry's update time: derived from content, never the clock, so rebuilds are identical. */
  updated: DateTime | undefined;
  entries: FeedEntry[];
}

/** Absolute URL of a bulletin's lead image as shared: its resized copy, which every build writes. */
export function imageUrl(site: SiteSettings, image: Pick<LeadImage, "sharePath">): string {
  return absoluteUrl(site, image.sharePath);
}

function categories(site: SiteSettings, bulletin: Bulletin): FeedCategory[] {
  return [
    ...bulletin.campaigns.map((c) => ({
      term: c.key,
      label: c.name,
      scheme: absoluteUrl(site, section("campaign").path),
    })),
    ...bulletin.types.map((t) => ({ term: t.key, label: t.name, scheme: absoluteUrl(site, section("type").path) })),
    ...bulletin.regionPath.map((r) => ({
      term: r.key,
      label: r.name,
      scheme: absoluteUrl(site, section("region").path),
    })),
    ...bulletin.tags.map((tag) => ({ term: tag, label: tag })),
  ];
}

export function feedEntry(site: SiteSettings, bulletin: Bulletin): FeedEntry {
  const url = absoluteUrl(site, bulletin.url);
  const updated = bulletin.updated ?? bulletin.date;
  return {
    id: url,
    url,
    title: bulletin.title,
    summary: bulletin.summary,
    contentHtml: absoluteHtml(bulletin.html, url),
    published: bulletin.date,
    updated,
    publishedIso: isoTime(site, bulletin.date),
    updatedIso: isoTime(site, updated),
    authors: bulletin.authors,
    categories: categories(site, bulletin),
    lang: bulletin.lang,
    ...(bulletin.image ? { image: { url: imageUrl(site, bulletin.image), alt: bulletin.image.alt } } : {}),
  };
}

/**
 * The feed's entries and header. `entryOf` lets a caller that builds many feeds share one entry per
 * bulletin between them (a bulletin is in the site feed, its regions' and its campaigns' feeds).
 */
export function buildFeed(
  input: FeedInput,
  entryOf: (b: Bulletin) => FeedEntry = (b) => feedEntry(input.site, b),
): Feed {
  const { site } = input;
  const entries = [...input.bulletins].sort(byDateDesc).slice(0, FEED_SIZE).map(entryOf);
  const updated = entries.reduce<DateTime | undefined>(
    (newest, e) => (newest === undefined || e.updated > newest ? e.updated : newest),
    undefined,
  );
  const selfUrl = absoluteUrl(site, input.selfPath);
  return {
    site,
    title: input.title,
    description: input.description ?? site.description,
    id: selfUrl,
    selfUrl,
    homeUrl: absoluteUrl(site, input.homePath),
    updated,
    entries,
  };
}
