// JSON Feed 1.1 (https://jsonfeed.org/version/1.1), built as an object and serialised with JSON.stringify so
// that no title or body can break the document.
import type { SiteSettings } from "../model.ts";
import { buildFeed, type Feed, type FeedEntry, type FeedInput } from "./entries.ts";

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
    date_published: entry.publishedIso,
    date_modified: entry.updatedIso,
    ...(entry.authors.length > 0 ? { authors: entry.authors.map((name) => ({ name })) } : {}),
    tags: uniq(entry.categories.map((c) => c.label)),
    language: entry.lang,
  };
}

export function jsonFeed(input: FeedInput): string {
  return renderJsonFeed(buildFeed(input));
}

/** `feed.selfUrl` is the JSON Feed's own URL. */
export function renderJsonFeed(feed: Feed): string {
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
