// Atom 1.0 (RFC 4287) rendering of a feed. Every text goes through the XML helpers; the body is sent as
// escaped HTML (type="html"), which every feed reader supports and which cannot break the document.
import { DateTime } from "luxon";
import type { SiteSettings } from "../model.ts";
import { isoTime } from "../meta/time.ts";
import { buildFeed, type Feed, type FeedEntry, type FeedInput } from "./entries.ts";
import { element, textElement, xmlDocument } from "./xml.ts";

const ATOM_NS = "http://www.w3.org/2005/Atom";
export const GENERATOR = "Fanzha Press";

/** Atom requires <updated> even on an empty feed; the epoch keeps that case reproducible too. */
const EMPTY_FEED_UPDATED = DateTime.fromSeconds(0, { zone: "utc" });

function atomEntry(site: SiteSettings, entry: FeedEntry): string {
  return element("entry", { "xml:lang": entry.lang === site.lang ? undefined : entry.lang }, [
    textElement("id", entry.id),
    textElement("title", entry.title, { type: "text" }),
    element("link", { rel: "alternate", type: "text/html", href: entry.url }),
    textElement("published", entry.publishedIso),
    textElement("updated", entry.updatedIso),
    ...entry.authors.map((name) => element("author", {}, [textElement("name", name)])),
    ...entry.categories.map((c) => element("category", { term: c.term, label: c.label, scheme: c.scheme })),
    textElement("summary", entry.summary, { type: "text" }),
    textElement("content", entry.contentHtml, { type: "html" }),
  ]);
}

export function atomFeed(input: FeedInput): string {
  return renderAtom(buildFeed(input));
}

export function renderAtom(feed: Feed): string {
  const { site } = feed;
  return xmlDocument(
    element("feed", { xmlns: ATOM_NS, "xml:lang": site.lang }, [
      textElement("id", feed.id),
      textElement("title", feed.title, { type: "text" }),
      textElement("subtitle", feed.description, { type: "text" }),
      textElement("updated", isoTime(site, feed.updated ?? EMPTY_FEED_UPDATED)),
      element("link", { rel: "self", type: "application/atom+xml", href: feed.selfUrl }),
      element("link", { rel: "alternate", type: "text/html", href: feed.homeUrl }),
      // Feed-level author: Atom needs one for entries whose bulletin names no author.
      element("author", {}, [textElement("name", site.publisher)]),
      textElement("generator", GENERATOR),
      ...feed.entries.map((entry) => atomEntry(site, entry)),
    ]),
  );
}
