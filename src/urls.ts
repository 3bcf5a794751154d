// Site-relative paths are the currency inside the build; the prefix and origin are added only at the edge,
// so that a deploy under /fanzha/ or on another host changes two settings and nothing else.
import type { SiteSettings } from "./model.ts";

export type UrlSite = Pick<SiteSettings, "url" | "pathPrefix">;

/** A breadcrumb; the page's own crumb, last, has no link. */
export interface Crumb {
  name: string;
  /** Site-relative, for permalinks, feeds and JSON-LD. */
  path?: string;
  /** `path` under the path prefix: what templates print. */
  href?: string;
}

export interface Link extends Crumb {
  path: string;
  href: string;
}

/** Normalises a PATH_PREFIX to start and end with a single slash. */
export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "/").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** A site-relative path (`/regions/wuxi/`) as a link under the path prefix. */
export function href(site: UrlSite, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//")) return path;
  return site.pathPrefix + path.replace(/^\/+/, "");
}

/** The absolute URL of a site-relative path, for canonical links, feeds and sitemaps. */
export function absoluteUrl(site: UrlSite, path: string): string {
  return site.url.replace(/\/+$/, "") + href(site, path);
}

export function linkTo(site: UrlSite, name: string, path: string): Link {
  return { name, path, href: href(site, path) };
}

export function homeCrumb(site: UrlSite): Link {
  return linkTo(site, "首页", "/");
}

export function bulletinUrl(year: string, month: string, slug: string): string {
  return `/bulletins/${year}/${month}/${slug}/`;
}

/** Page n of a listing: page 1 is the listing itself, later pages live under `page/<n>/`. */
export function pagePath(base: string, pageNumber: number): string {
  return pageNumber <= 1 ? base : `${base}page/${pageNumber}/`;
}
