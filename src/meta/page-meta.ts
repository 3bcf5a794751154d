// Everything a page's <head> says to feed readers, chat apps and crawlers, decided here so that the layout
// partial only writes it out: feed <link>s, Open Graph and Twitter tags, and the JSON-LD script texts.
import type { Bulletin, SiteSettings } from "../model.ts";
import { absoluteUrl } from "../urls.ts";
import { jsonFeedPath } from "../feeds/documents.ts";
import { PAGE_PATHS } from "../sections.ts";
import { breadcrumbJsonLd, jsonLdScript, newsArticleJsonLd } from "./json-ld.ts";
import type { Crumb } from "../urls.ts";
import { bulletinSocialPage, socialMeta, type MetaTag } from "./open-graph.ts";

export interface PageMetaInput {
  /** The page's own title, without the site name; absent on the home page. */
  title?: string;
  description?: string;
  /** Site-relative canonical path. */
  path: string;
  /** The Atom feed of the term the page lists, if any, and its name (the page title when absent). */
  feedPath?: string;
  feedTitle?: string;
  /** Set on bulletin pages. */
  bulletin?: Bulletin;
  breadcrumbs?: Crumb[];
}

export interface HeadLink {
  rel: string;
  type: string;
  title: string;
  href: string;
}

export interface PageMeta {
  links: HeadLink[];
  tags: MetaTag[];
  /** JSON texts, already safe to place inside <script type="application/ld+json">. */
  jsonLd: string[];
}

function feedLinks(site: SiteSettings, atomPath: string, title: string): HeadLink[] {
  return [
    { rel: "alternate", type: "application/atom+xml", title, href: absoluteUrl(site, atomPath) },
    { rel: "alternate", type: "application/feed+json", title, href: absoluteUrl(site, jsonFeedPath(atomPath)) },
  ];
}

/** Everything a page's <head> prints about the page itself. */
export interface PageHead extends PageMeta {
  /** The <title>: the page's title, then the site's name. */
  title: string;
  description: string;
  /** Absolute canonical URL. */
  canonical: string;
}

export function pageHead(site: SiteSettings, page: PageMetaInput): PageHead {
  return {
    title: page.title ? `${page.title} - ${site.title}` : site.title,
    description: page.description || site.description,
    canonical: absoluteUrl(site, page.path),
    ...pageMeta(site, page),
  };
}

export function pageMeta(site: SiteSettings, page: PageMetaInput): PageMeta {
  const title = page.title || site.title;
  const links = [
    ...(page.feedPath && page.feedPath !== PAGE_PATHS.feedAtom
      ? feedLinks(site, page.feedPath, page.feedTitle || title)
      : []),
    ...feedLinks(site, PAGE_PATHS.feedAtom, site.title),
  ];
  const tags = socialMeta(
    site,
    page.bulletin
      ? { ...bulletinSocialPage(page.bulletin), path: page.path }
      : { title, description: page.description || site.description, path: page.path, type: "website" },
  );
  // The current page's crumb usually has no link on the page; in structured data it points at the page.
  const crumbs = (page.breadcrumbs ?? []).map((c, i, all) =>
    c.path === undefined && i === all.length - 1 ? { ...c, path: page.path } : c,
  );
  const jsonLd = [
    ...(page.bulletin ? [newsArticleJsonLd(site, page.bulletin)] : []),
    ...(crumbs.length > 0 ? [breadcrumbJsonLd(site, crumbs)] : []),
  ].map(jsonLdScript);
  return { links, tags, jsonLd };
}
