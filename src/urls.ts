// Site-relative paths are the currency inside the build; the prefix and origin are added only at the edge,
// so that a deploy under /fanzha/ or on another host changes two settings and nothing else.
import type { SiteSettings } from "./model.ts";

type UrlSite = Pick<SiteSettings, "url" | "pathPrefix">;

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

export function bulletinPath(year: string, month: string, slug: string): string {
  return `/bulletins/${year}/${month}/${slug}/`;
}

/** Page n of a listing: page 1 is the listing itself, later pages live under `page/<n>/`. */
export function pagePath(base: string, pageNumber: number): string {
  return pageNumber <= 1 ? base : `${base}page/${pageNumber}/`;
}
