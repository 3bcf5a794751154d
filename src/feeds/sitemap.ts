// Crawler files: the sitemaps of every page under a sitemap index, Google's News sitemap of the last two days,
// and robots.txt.
import { DateTime } from "luxon";
import type { Bulletin, Script, SiteSettings } from "../model.ts";
import { isoTime } from "../meta/time.ts";
import { absoluteUrl } from "../urls.ts";
import { byDateDesc } from "../site.ts";
import { element, textElement, xmlDocument } from "./xml.ts";

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/** The sitemap index: robots.txt names it, and it names the page sitemaps. */
export const SITEMAP_PATH = "/sitemap.xml";
/** The sitemap protocol's limit of URLs in one file (and 50 MB, far off at ~150 bytes a URL). */
export const MAX_SITEMAP_URLS = 50_000;
export const NEWS_SITEMAP_PATH = "/news-sitemap.xml";

/** Google News only reads articles of the last two days from a News sitemap, and at most 1000 of them. */
export const NEWS_WINDOW = { days: 2 } as const;
const NEWS_LIMIT = 1000;

export interface SitemapPage {
  /** Site-relative path, e.g. `/regions/wuxi/`. */
  path: string;
  lastmod?: DateTime;
}

/** The n-th page sitemap (from 1) listed by the index. */
export function sitemapPartPath(n: number): string {
  return `/sitemap-${n}.xml`;
}

/** Every page once, in path order so the files do not depend on the order Eleventy renders in. */
function uniqueInPathOrder(pages: readonly SitemapPage[]): SitemapPage[] {
  const byPath = new Map<string, SitemapPage>();
  for (const page of pages) {
    const seen = byPath.get(page.path);
    if (!seen || (page.lastmod && (!seen.lastmod || page.lastmod > seen.lastmod))) byPath.set(page.path, page);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** One page sitemap (a `urlset`) of the given pages. */
export function sitemap(site: SiteSettings, pages: readonly SitemapPage[]): string {
  const urls = uniqueInPathOrder(pages).map((page) =>
    element("url", {}, [
      textElement("loc", absoluteUrl(site, page.path)),
      ...(page.lastmod ? [textElement("lastmod", isoTime(site, page.lastmod))] : []),
    ]),
  );
  return xmlDocument(element("urlset", { xmlns: SITEMAP_NS }, urls));
}

/**
 * The sitemap index at SITEMAP_PATH and the page sitemaps it lists, at most `perFile` URLs each, in path
 * order; each is dated by its newest page. Always an index, however small the site, so that robots.txt and
 * crawlers see the same layout before and after a site grows past one file.
 */
export function sitemaps(
  site: SiteSettings,
  pages: readonly SitemapPage[],
  perFile = MAX_SITEMAP_URLS,
): { path: string; content: string }[] {
  const ordered = uniqueInPathOrder(pages);
  const parts: SitemapPage[][] = [];
  for (let i = 0; i < ordered.length || parts.length === 0; i += perFile) parts.push(ordered.slice(i, i + perFile));
  const files = parts.map((part, i) => ({
    path: sitemapPartPath(i + 1),
    content: sitemap(site, part),
    lastmod: newestOf(part),
  }));
  const entries = files.map((file) =>
    element("sitemap", {}, [
      textElement("loc", absoluteUrl(site, file.path)),
      ...(file.lastmod ? [textElement("lastmod", isoTime(site, file.lastmod))] : []),
    ]),
  );
  const index = xmlDocument(element("sitemapindex", { xmlns: SITEMAP_NS }, entries));
  return [{ path: SITEMAP_PATH, content: index }, ...files.map(({ path, content }) => ({ path, content }))];
}

function newestOf(pages: readonly SitemapPage[]): DateTime | undefined {
  let newest: DateTime | undefined;
  for (const page of pages) if (page.lastmod && (!newest || page.lastmod > newest)) newest = page.lastmod;
  return newest;
}

/** Google News names the two Chinese scripts by region code rather than by script. */
function newsLanguage(lang: Script): string {
  return lang === "zh-Hant" ? "zh-tw" : "zh-cn";
}

/** Bulletins published in the two days up to and including `now`, newest first. */
export function newsBulletins(bulletins: readonly Bulletin[], now: DateTime): Bulletin[] {
  const since = now.minus(NEWS_WINDOW);
  return bulletins
    .filter((b) => b.date >= since && b.date <= now)
    .sort(byDateDesc)
    .slice(0, NEWS_LIMIT);
}

export function newsSitemap(site: SiteSettings, bulletins: readonly Bulletin[], now: DateTime): string {
  const urls = newsBulletins(bulletins, now).map((b) =>
    element("url", {}, [
      textElement("loc", absoluteUrl(site, b.url)),
      element("news:news", {}, [
        element("news:publication", {}, [
          textElement("news:name", site.title),
          textElement("news:language", newsLanguage(b.lang)),
        ]),
        textElement("news:publication_date", isoTime(site, b.date)),
        textElement("news:title", b.title),
      ]),
    ]),
  );
  return xmlDocument(element("urlset", { xmlns: SITEMAP_NS, "xmlns:news": NEWS_NS }, urls));
}

/**
 * The build's "now" for the News sitemap: the build's fixed time (SOURCE_DATE_EPOCH, `Site.fixedNow`) when set,
 * so a build is reproducible; otherwise the newest visible bulletin's date, so the sample site always has news
 * to show.
 */
export function newsNow(bulletins: readonly Bulletin[], fixedNow: DateTime | undefined, zone: string): DateTime {
  if (fixedNow) return fixedNow.setZone(zone);
  const newest = [...bulletins].sort(byDateDesc)[0];
  return newest ? newest.date.setZone(zone) : DateTime.fromSeconds(0, { zone });
}

export function robotsTxt(site: SiteSettings): string {
  return [
    "User-agent: *",
    "Allow: /",
    "",
    `Sitemap: ${absoluteUrl(site, SITEMAP_PATH)}`,
    `Sitemap: ${absoluteUrl(site, NEWS_SITEMAP_PATH)}`,
    "",
  ].join("\n");
}
