// Everything the templates receive, derived once from the model. Templates only lay this out.
import type { Bulletin, SiteSettings } from "./model.ts";
import type { Site } from "./site.ts";
import { cnDate, isoDate } from "./dates.ts";
import { computeRelated, type RelatedEntry } from "./related/index.ts";
import { buildTerms, indexGroups, listingPages, type IndexGroup, type ListingPage } from "./taxonomy.ts";
import { PAGE_PATHS, SECTIONS, sectionLink, termPath, type SectionKey } from "./sections.ts";
import { crawlerFiles, feedFiles, jsonFeedPath, type OutputFile } from "./feeds/documents.ts";
import { homeCrumb, href, linkTo, type Crumb, type Link, type UrlSite } from "./urls.ts";
import { adminCspDirectives, cspMeta } from "./security.ts";
import { ADMIN_PATH, cmsConfigYaml } from "./cms/config.ts";
import { pageHead, type PageHead, type PageMetaInput } from "./meta/page-meta.ts";

/** Where a bulletin links to, shared by its page and every list that shows it (looked up by its `url`). */

/** Bulletins the home page lists, newest first. */
export const HOME_LATEST = 12;
export interface BulletinLinks {
  href: string;
  /** The date as <time datetime> wants it, and as readers read it: formatted once, for every list that shows it. */
  dateTime: string;
  dateText: string;
  /** The bulletin's region and the regions above it, province first. */
  regions: Link[];
  campaigns: Link[];
  types: Link[];
}

export interface Neighbour {
  title: string;
  path: string;
  href: string;
  lang: Bulletin["lang"];
}

/**
 * A page's head (title, description, canonical URL, feed links, Open Graph, JSON-LD) is computed when the page
 * renders rather than held: at 100,000 bulletins it would be another copy of every summary.
 */
export interface Headed {
  readonly head: PageHead;
}

function withHead<T extends object>(page: T, site: SiteSettings, input: (page: T) => PageMetaInput): T & Headed {
  return Object.defineProperty(page, "head", { get: () => pageHead(site, input(page)), enumerable: false }) as T &
    Headed;
}

export interface BulletinPage extends Headed {
  bulletin: Bulletin;
  breadcrumbs: Crumb[];
  links: BulletinLinks;
  prev?: Neighbour;
  next?: Neighbour;
  related: RelatedEntry[];
  /** Shown by `npm start` only: production builds never contain drafts or future bulletins. */
  status?: "draft" | "future";
}

/** A section's index page (/regions/, /campaigns/, /types/, /archive/): its terms as linked groups. */
export interface SectionIndex extends Headed {
  key: SectionKey;
  path: string;
  title: string;
  description: string;
  breadcrumbs: Crumb[];
  groups: IndexGroup[];
}

/** Links to the pages and files every layout may print, by name, under the path prefix. */
export type SiteLinks = Record<keyof typeof PAGE_PATHS | SectionKey | "feedJson", string>;

export interface SiteData {
  site: SiteSettings;
  csp: string;
  links: SiteLinks;
  /** The main navigation: home, every section, search. */
  nav: Link[];
  bulletinPages: BulletinPage[];
  /** Every published bulletin's links, by its `url`. */
  bulletinLinks: Record<string, BulletinLinks>;
  listings: Array<ListingPage & Headed>;
  sectionIndexes: SectionIndex[];
  /** The heads of the pages that are not made from a list. */
  heads: { home: PageHead; search: PageHead; notFound: PageHead };
  home: { latest: Bulletin[]; campaigns: IndexGroup[]; regions: IndexGroup[]; types: IndexGroup[] };
  /** Feeds, the news sitemap and robots.txt, as written (the page sitemaps follow the render: feeds.ts). */
  files: OutputFile[];
  /** The web editor at /admin/: Decap's config.yml and the page's own, looser policy. */
  admin: { config: string; csp: string; scripts: string[] };
}

function siteLinks(site: UrlSite): SiteLinks {
  const pages = Object.entries(PAGE_PATHS).map(([name, path]) => [name, href(site, path)]);
  const sections = SECTIONS.map((s) => [s.key, href(site, s.path)]);
  return Object.fromEntries([
    ...pages,
    ...sections,
    ["feedJson", href(site, jsonFeedPath(PAGE_PATHS.feedAtom))],
  ]) as SiteLinks;
}

/** One link object per term, shared by every bulletin that names the term. */
function termLinker(site: UrlSite) {
  const made = new Map<string, Link>();
  return (key: SectionKey, termKey: string, name: string): Link => {
    const id = `${key}:${termKey}`;
    let link = made.get(id);
    if (!link) made.set(id, (link = linkTo(site, name, termPath(key, termKey))));
    return link;
  };
}

export function deriveSiteData(
  site: Site,
  related = computeRelated(site.bulletins, { ...site.settings.related, now: site.now }),
): SiteData {
  const { settings, registries, bulletins } = site;
  const terms = buildTerms(bulletins, registries, settings);
  const listings = listingPages(terms, settings.perPage, settings).map((listing) =>
    withHead(listing, settings, (l) => ({
      title: l.pageNumber > 1 ? `${l.title} · 第${l.pageNumber}页` : l.title,
      description: l.description,
      path: l.path,
      ...(l.feedPath ? { feedPath: l.feedPath } : {}),
      feedTitle: l.title,
      breadcrumbs: l.breadcrumbs,
    })),
  );
  const termLink = termLinker(settings);
  const bulletinLinks: Record<string, BulletinLinks> = {};
  for (const b of bulletins) {
    bulletinLinks[b.url] = {
      href: href(settings, b.url),
      dateTime: isoDate(b.date),
      dateText: cnDate(b.date),
      regions: b.regionPath.map((node) => termLink("region", node.key, node.shortName)),
      campaigns: b.campaigns.map((c) => termLink("campaign", c.key, c.name)),
      types: b.types.map((t) => termLink("type", t.key, t.name)),
    };
  }
  const neighbour = (b: Bulletin): Neighbour => ({
    title: b.title,
    path: b.url,
    href: bulletinLinks[b.url]!.href,
    lang: b.lang,
  });
  // Previous/next follow publication order: "previous" is the older neighbour.
  const bulletinPages = bulletins.map((b, i): BulletinPage => {
    const newer = bulletins[i - 1];
    const older = bulletins[i + 1];
    const links = bulletinLinks[b.url]!;
    const page = {
      bulletin: b,
      breadcrumbs: [homeCrumb(settings), ...links.regions, { name: b.title }],
      links,
      ...(older ? { prev: neighbour(older) } : {}),
      ...(newer ? { next: neighbour(newer) } : {}),
      related: related.get(b.url) ?? [],
      ...(b.draft ? { status: "draft" as const } : b.future ? { status: "future" as const } : {}),
    };
    return withHead(page, settings, (p) => ({
      title: b.title,
      description: b.summary,
      path: b.url,
      bulletin: b,
      breadcrumbs: p.breadcrumbs,
    }));
  });
  const groups = {
    region: indexGroups(terms, "region", registries, settings),
    campaign: indexGroups(terms, "campaign", registries, settings),
    type: indexGroups(terms, "type", registries, settings),
    archive: indexGroups(terms, "year", registries, settings),
  };
  return {
    site: settings,
    csp: cspMeta(),
    links: siteLinks(settings),
    nav: [
      homeCrumb(settings),
      ...SECTIONS.map((s) => sectionLink(settings, s.key)),
      linkTo(settings, "搜索", PAGE_PATHS.search),
    ],
    admin: {
      config: cmsConfigYaml({ registries, settings }),
      csp: cspMeta(adminCspDirectives(settings.cms)),
      scripts: [`${ADMIN_PATH}decap/decap-cms.js`, `${ADMIN_PATH}fanzha-cms.js`].map((path) => href(settings, path)),
    },
    bulletinPages,
    bulletinLinks,
    listings,
    files: [...feedFiles(settings, bulletins, listings), ...crawlerFiles(settings, bulletins, site.fixedNow)],
    sectionIndexes: SECTIONS.map((s) =>
      withHead(
        {
          key: s.key,
          path: s.path,
          title: s.title,
          description: s.description,
          breadcrumbs: [homeCrumb(settings), { name: s.title }],
          groups: groups[s.key],
        },
        settings,
        (i) => ({ title: i.title, description: i.description, path: i.path }),
      ),
    ),
    heads: {
      home: pageHead(settings, { path: PAGE_PATHS.home, feedPath: PAGE_PATHS.feedAtom }),
      search: pageHead(settings, { title: "搜索", path: PAGE_PATHS.search }),
      notFound: pageHead(settings, { title: "页面未找到", path: PAGE_PATHS.notFound }),
    },
    home: {
      latest: bulletins.slice(0, HOME_LATEST),
      campaigns: [...groups.campaign].sort((a, b) => b.count - a.count).slice(0, 4),
      regions: groups.region.slice(0, 12),
      types: groups.type,
    },
  };
}
