// Everything the templates receive, derived once from the model. Templates only lay this out.
import type { Bulletin, SiteSettings } from "./model.ts";
import type { Site } from "./site.ts";
import { cnDate } from "./dates.ts";
import { computeRelated, type RelatedEntry } from "./related/index.ts";
import {
  buildTerms,
  campaignPath,
  indexGroups,
  listingPages,
  regionPath,
  typePath,
  type Crumb,
  type IndexGroup,
  type ListingPage,
} from "./taxonomy.ts";
import { cspMeta } from "./security.ts";

export interface BulletinPage {
  bulletin: Bulletin;
  dateText: string;
  breadcrumbs: Crumb[];
  regionCrumbs: Crumb[];
  links: { campaigns: Crumb[]; types: Crumb[] };
  prev?: { title: string; path: string; lang: Bulletin["lang"] };
  next?: { title: string; path: string; lang: Bulletin["lang"] };
  related: RelatedEntry[];
  /** Shown by `npm start` only: production builds never contain drafts or future bulletins. */
  status?: "draft" | "future";
}

export interface SiteData {
  site: SiteSettings;
  mode: Site["mode"];
  csp: string;
  bulletinPages: BulletinPage[];
  listings: ListingPage[];
  indexes: { regions: IndexGroup[]; campaigns: IndexGroup[]; types: IndexGroup[]; years: IndexGroup[] };
  home: { latest: Bulletin[]; campaigns: IndexGroup[]; regions: IndexGroup[]; types: IndexGroup[] };
  /** Every page's path, for the sitemap. */
  stats: { bulletins: number; listingPages: number };
}

export function bulletinCrumbs(b: Bulletin): Crumb[] {
  return b.regionPath.map((node) => ({ name: node.shortName, path: regionPath(node) }));
}

export function deriveSiteData(site: Site, related = computeRelated(site.bulletins, { ...site.settings.related, now: site.now })): SiteData {
  const { settings, registries, bulletins } = site;
  const terms = buildTerms(bulletins, registries);
  const listings = listingPages(terms, settings.perPage);
  // Previous/next follow publication order: "previous" is the older neighbour.
  const bulletinPages = bulletins.map((b, i): BulletinPage => {
    const newer = bulletins[i - 1];
    const older = bulletins[i + 1];
    const regionCrumbs = bulletinCrumbs(b);
    return {
      bulletin: b,
      dateText: cnDate(b.date),
      breadcrumbs: [{ name: "首页", path: "/" }, ...regionCrumbs, { name: b.title }],
      regionCrumbs,
      links: {
        campaigns: b.campaigns.map((c) => ({ name: c.name, path: campaignPath(c) })),
        types: b.types.map((t) => ({ name: t.name, path: typePath(t) })),
      },
      ...(older ? { prev: { title: older.title, path: older.url, lang: older.lang } } : {}),
      ...(newer ? { next: { title: newer.title, path: newer.url, lang: newer.lang } } : {}),
      related: related.get(b.url) ?? [],
      ...(b.draft ? { status: "draft" as const } : b.future ? { status: "future" as const } : {}),
    };
  });
  const indexes = {
    regions: indexGroups(terms, "region", registries),
    campaigns: indexGroups(terms, "campaign", registries),
    types: indexGroups(terms, "type", registries),
    years: indexGroups(terms, "year", registries),
  };
  return {
    site: settings,
    mode: site.mode,
    csp: cspMeta(),
    bulletinPages,
    listings,
    indexes,
    home: {
      latest: bulletins.slice(0, 12),
      campaigns: [...indexes.campaigns].sort((a, b) => b.count - a.count).slice(0, 4),
      regions: indexes.regions.slice(0, 12),
      types: indexes.types,
    },
    stats: { bulletins: bulletins.length, listingPages: listings.length },
  };
}
