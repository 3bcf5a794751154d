// Structured data for search engines: NewsArticle on bulletin pages and BreadcrumbList on every page with a
// trail. Built as plain objects; jsonLdScript is the only way they reach a page.
import type { Bulletin, SiteSettings } from "../model.ts";
import { absoluteUrl, type Crumb } from "../urls.ts";
import { imageUrl } from "../feeds/entries.ts";
import { bulletinKeywords, bulletinSections } from "./terms.ts";
import { isoTime } from "./time.ts";

const SCHEMA = "https://schema.org";

type JsonLd = Record<string, unknown>;

export function publisherJsonLd(site: SiteSettings): JsonLd {
  return { "@type": "Organization", name: site.publisher, url: absoluteUrl(site, "/") };
}

export function newsArticleJsonLd(site: SiteSettings, bulletin: Bulletin): JsonLd {
  const url = absoluteUrl(site, bulletin.url);
  const sections = bulletinSections(bulletin);
  const keywords = bulletinKeywords(bulletin);
  return {
    "@context": SCHEMA,
    "@type": "NewsArticle",
    headline: bulletin.title,
    description: bulletin.summary,
    url,
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    datePublished: isoTime(site, bulletin.date),
    dateModified: isoTime(site, bulletin.updated ?? bulletin.date),
    // With no byline the publishing office is the author, which is what such bulletins mean.
    author:
      bulletin.authors.length > 0
        ? bulletin.authors.map((name) => ({ "@type": "Person", name }))
        : [publisherJsonLd(site)],
    publisher: publisherJsonLd(site),
    ...(bulletin.image ? { image: [imageUrl(site, bulletin.image)] } : {}),
    ...(sections.length > 0 ? { articleSection: sections } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    ...(bulletin.source ? { sourceOrganization: { "@type": "Organization", name: bulletin.source } } : {}),
    contentLocation: { "@type": "Place", name: bulletin.regionPath.map((r) => r.name).join("") },
    inLanguage: bulletin.lang,
  };
}

export function breadcrumbJsonLd(site: SiteSettings, crumbs: readonly Crumb[]): JsonLd {
  return {
    "@context": SCHEMA,
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      ...(crumb.path === undefined ? {} : { item: absoluteUrl(site, crumb.path) }),
    })),
  };
}

// Inside <script> the HTML parser looks only for "</script" and "<!--"; the site's one JSON-in-script
// serialiser writes <, >, & and U+2028/U+2029 as \u escapes, which JSON.parse reads back unchanged.
export { jsonForScript as jsonLdScript } from "../json-script.ts";
