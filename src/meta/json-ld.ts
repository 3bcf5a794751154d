// Structured data for search engines: NewsArticle on bulletin pages and BreadcrumbList on every page with a
// trail. Built as plain objects; jsonLdScript is the only way they reach a page.
import type { Bulletin, SiteSettings } from "../model.ts";
import { absoluteUrl } from "../urls.ts";
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
    ...(bulletin.image ? { image: [imageUrl(site, bulletin.image.src)] } : {}),
    ...(sections.length > 0 ? { articleSection: sections } : {}),
    ...(keywords.length > 0 ? { keywords } : {}),
    ...(bulletin.source ? { sourceOrganization: { "@type": "Organization", name: bulletin.source } } : {}),
    contentLocation: { "@type": "Place", name: bulletin.regionPath.map((r) => r.name).join("") },
    inLanguage: bulletin.lang,
  };
}

export interface Crumb {
  name: string;
  /** Site-relative path. */
  path: string;
}

/** Home › province › city › bulletin, matching the region breadcrumb shown on the page. */
export function bulletinCrumbs(site: SiteSettings, bulletin: Bulletin): Crumb[] {
  return [
    { name: site.title, path: "/" },
    ...bulletin.regionPath.map((r) => ({ name: r.shortName, path: `/regions/${r.key}/` })),
    { name: bulletin.title, path: bulletin.url },
  ];
}

export function breadcrumbJsonLd(site: SiteSettings, crumbs: readonly Crumb[]): JsonLd {
  return {
    "@context": SCHEMA,
    "@type": "BreadcrumbList",
    itemListElement: crumbs.map((crumb, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(site, crumb.path),
    })),
  };
}

// Inside <script> the HTML parser looks only for "</script" and "<!--"; escaping every <, > and & as JSON
// \u escapes keeps the text inert there while JSON.parse still returns the exact strings. U+2028/U+2029
// are escaped for consumers that treat the text as JavaScript.
const UNSAFE_IN_SCRIPT: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** JSON text safe to place between `<script type="application/ld+json">` and `</script>` unescaped. */
export function jsonLdScript(obj: unknown): string {
  return JSON.stringify(obj).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE_IN_SCRIPT[c]!);
}
