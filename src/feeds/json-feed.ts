// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), built as an object and serialised with JSON.stringify so
// that no title or body can break the document.
import type { SiteSettings } from "../model.ts";
import { isoTime } from "../meta/time.ts";
import { buildFeed, type FeedEntry, type FeedInput } from "./entries.ts";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

function uniq(values: string[]): string[] {
  return [...new Set(values)];
}

function jsonItem(site: SiteSettings, entry: FeedEntry): Record<string, unknown> {
  return {
    id: entry.id,
    url: entry.url,
    title: entry.title,
    content_html: entry.contentHtml,
    summary: entry.summary,
    ...(entry.image ? { image: entry.image.url } : {}),
    date_published: isoTime(site, entry.published),
    date_modified: isoTime(site, entry.updated),
    ...(entry.authors.length > 0 ? { authors: entry.authors.map((name) => ({ name })) } : {}),
    tags: uniq(entry.categories.map((c) => c.label)),
    language: entry.lang,
  };
}

export function jsonFeed(input: FeedInput): string {
  const feed = buildFeed(input);
  const { site } = feed;
  const document = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    language: site.lang,
    // Feed-level author covers items whose bulletin names none.
    authors: [{ name: site.publisher }],
    items: feed.entries.map((entry) => jsonItem(site, entry)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
