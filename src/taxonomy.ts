// Listing pages derived from the model: one flat entry per output page (term × page number), because
// Eleventy paginates one level only. Buckets are filled in one pass over the bulletins.
// Every path a listing links to is paired here with its href (under the path prefix), so templates print
// links and never build them.
import type { Bulletin, Campaign, FraudType, RegionNode, Registries } from "./model.ts";
import { cnMonth } from "./dates.ts";
import { section, sectionLink, termPath, type SectionKey } from "./sections.ts";
import { homeCrumb, href, linkTo, pagePath, type Crumb, type UrlSite } from "./urls.ts";

export type ListingKind = "region" | "campaign" | "type" | "year" | "month";

export interface TermLink {
  title: string;
  path: string;
  href: string;
  count: number;
}

export interface ListingPage {
  kind: ListingKind;
  key: string;
  title: string;
  description: string;
  basePath: string;
  path: string;
  pageNumber: number;
  totalPages: number;
  totalItems: number;
  items: Bulletin[];
  /** The pager's links (pagerWindow): a few around this page, not one per page of the listing. */
  pages: PagerEntry[];
  prevHref?: string;
  nextHref?: string;
  breadcrumbs: Crumb[];
  feedPath?: string;
  feedHref?: string;
  /** Sub-terms worth linking from this listing (a province's cities, a year's months). */
  children: TermLink[];
}

export interface Term {
  kind: ListingKind;
  key: string;
  title: string;
  description: string;
  basePath: string;
  breadcrumbs: Crumb[];
  feedPath?: string;
  items: Bulletin[];
  children: TermLink[];
}

const monthKey = (month: number) => String(month).padStart(2, "0");
const yearPath = (year: number) => termPath("archive", String(year));
const monthPath = (year: number, month: number) => termPath("archive", String(year), monthKey(month));

export interface PagerLink {
  number: number;
  path: string;
  href: string;
}

/** A page link, or hidden pages between two links. */
export type PagerEntry = PagerLink | { gap: true };

/** Pages shown either side of the current one. */
export const PAGER_REACH = 2;

/**
 * The pager of page `current`: the first and last pages, the current one and PAGER_REACH either side, each run
 * of hidden pages one gap (a single hidden page is shown instead). A listing of 5,000 pages printed every
 * number on each of its pages: 5,000 links a page, 25 million for the listing at 100,000 bulletins.
 */
export function pagerWindow(pages: readonly PagerLink[], current: number): PagerEntry[] {
  const last = pages.length;
  const from = Math.max(1, current - PAGER_REACH);
  const to = Math.min(last, current + PAGER_REACH);
  // Page numbers, 1-based; pages[n - 1] is page n. Only the shown pages are visited, not the whole listing.
  const shown = [...(from > 1 ? [1] : []), ...Array.from({ length: to - from + 1 }, (_, i) => from + i)];
  if (to < last) shown.push(last);
  const out: PagerEntry[] = [];
  let before = 0;
  for (const n of shown) {
    if (n - before === 2) out.push(pages[before]!);
    else if (n - before > 2) out.push({ gap: true });
    out.push(pages[n - 1]!);
    before = n;
  }
  return out;
}

/** Splits a term's bulletins (already newest first) into pages of `perPage`. */
export function paginate(term: Term, perPage: number, site: UrlSite): ListingPage[] {
  const totalPages = Math.max(1, Math.ceil(term.items.length / perPage));
  const pages = Array.from({ length: totalPages }, (_, i): PagerLink => {
    const path = pagePath(term.basePath, i + 1);
    return { number: i + 1, path, href: href(site, path) };
  });
  return pages.map(({ number, path }) => ({
    kind: term.kind,
    key: term.key,
    title: term.title,
    description: term.description,
    basePath: term.basePath,
    path,
    pageNumber: number,
    totalPages,
    totalItems: term.items.length,
    items: term.items.slice((number - 1) * perPage, number * perPage),
    pages: pagerWindow(pages, number),
    ...(number > 1 ? { prevHref: pages[number - 2]!.href } : {}),
    ...(number < totalPages ? { nextHref: pages[number]!.href } : {}),
    breadcrumbs: term.breadcrumbs,
    ...(term.feedPath ? { feedPath: term.feedPath, feedHref: href(site, term.feedPath) } : {}),
    children: term.children,
  }));
}

function bucket<K>(map: Map<K, Bulletin[]>, key: K, bulletin: Bulletin) {
  const list = map.get(key);
  if (list) list.push(bulletin);
  else map.set(key, [bulletin]);
}

/** Every term with at least one bulletin; `bulletins` must be newest first. */
export function buildTerms(bulletins: readonly Bulletin[], registries: Registries, site: UrlSite): Term[] {
  const byRegion = new Map<string, Bulletin[]>();
  const byCampaign = new Map<string, Bulletin[]>();
  const byType = new Map<string, Bulletin[]>();
  const byYear = new Map<number, Bulletin[]>();
  const byMonth = new Map<string, Bulletin[]>();
  for (const b of bulletins) {
    // A bulletin belongs to its region and every region above it: a province lists its cities' bulletins.
    for (const node of b.regionPath) bucket(byRegion, node.key, b);
    for (const c of b.campaigns) bucket(byCampaign, c.key, b);
    for (const t of b.types) bucket(byType, t.key, b);
    bucket(byYear, b.date.year, b);
    bucket(byMonth, `${b.date.year}-${monthKey(b.date.month)}`, b);
  }
  const link = (name: string, path: string) => linkTo(site, name, path);
  const sectionCrumb = (key: SectionKey) => sectionLink(site, key);
  const terms: Term[] = [];
  const regionTitle = (node: RegionNode) => node.shortName;
  for (const [key, items] of [...byRegion].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const node = registries.regions.get(key)!;
    const basePath = termPath("region", key);
    terms.push({
      kind: "region",
      key,
      title: regionTitle(node),
      description: `${node.name}的反诈通报、典型案例与防骗提示`,
      basePath,
      breadcrumbs: [
        homeCrumb(site),
        sectionCrumb("region"),
        ...registries.regions.path(key).map((n) => link(regionTitle(n), termPath("region", n.key))),
      ],
      ...feedOf("region", basePath),
      items,
      children: registries.regions
        .children(key)
        .filter((child) => byRegion.has(child.key))
        .map((child) =>
          termLink(site, regionTitle(child), termPath("region", child.key), byRegion.get(child.key)!.length),
        ),
    });
  }
  for (const [kind, registry, byKey] of [
    ["campaign", registries.campaigns, byCampaign],
    ["type", registries.types, byType],
  ] as const) {
    terms.push(...registryTerms(kind, registry.all, byKey, site));
  }
  for (const [year, items] of [...byYear].sort(([a], [b]) => b - a)) {
    const months = [...byMonth].filter(([key]) => key.startsWith(`${year}-`)).sort(([a], [b]) => (a < b ? 1 : -1));
    const yearCrumbs = [homeCrumb(site), sectionCrumb("archive"), link(`${year}年`, yearPath(year))];
    terms.push({
      kind: "year",
      key: String(year),
      title: `${year}年`,
      description: `${year}年发布的反诈通报`,
      basePath: yearPath(year),
      breadcrumbs: yearCrumbs,
      items,
      children: months.map(([key, list]) => {
        const month = Number(key.slice(5));
        return termLink(site, cnMonth(year, month), monthPath(year, month), list.length);
      }),
    });
    for (const [key, list] of months) {
      const month = Number(key.slice(5));
      terms.push({
        kind: "month",
        key,
        title: cnMonth(year, month),
        description: `${cnMonth(year, month)}发布的反诈通报`,
        basePath: monthPath(year, month),
        breadcrumbs: [...yearCrumbs, link(`${month}月`, monthPath(year, month))],
        items: list,
        children: [],
      });
    }
  }
  return terms;
}

function termLink(site: UrlSite, title: string, path: string, count: number): TermLink {
  return { title, path, href: href(site, path), count };
}

/** A term's own feed, when its section gives its terms one. */
function feedOf(key: SectionKey, basePath: string): { feedPath?: string } {
  return section(key).termFeeds ? { feedPath: `${basePath}feed.xml` } : {};
}

/** Terms of a registry (campaigns, fraud types): one per entry that has bulletins, in registry order. */
function registryTerms(
  kind: "campaign" | "type",
  entries: readonly (Campaign | FraudType)[],
  byKey: Map<string, Bulletin[]>,
  site: UrlSite,
): Term[] {
  return entries.flatMap((entry) => {
    const items = byKey.get(entry.key);
    if (!items) return [];
    const basePath = termPath(kind, entry.key);
    return [
      {
        kind,
        key: entry.key,
        title: entry.name,
        description: entry.description,
        basePath,
        breadcrumbs: [homeCrumb(site), sectionLink(site, kind), linkTo(site, entry.name, basePath)],
        ...feedOf(kind, basePath),
        items,
        children: [],
      },
    ];
  });
}

export function listingPages(terms: readonly Term[], perPage: number, site: UrlSite): ListingPage[] {
  return terms.flatMap((term) => paginate(term, perPage, site));
}

/** The index pages (/regions/, /campaigns/, /types/, /archive/): terms as linked lists with counts. */
export interface IndexGroup {
  title: string;
  path: string;
  href: string;
  count: number;
  description?: string;
  children: TermLink[];
}

export function indexGroups(
  terms: readonly Term[],
  kind: "region" | "campaign" | "type" | "year",
  registries: Registries,
  site: UrlSite,
): IndexGroup[] {
  const ofKind = terms.filter((t) => t.kind === kind);
  const group = (t: Term, description?: string): IndexGroup => ({
    title: t.title,
    path: t.basePath,
    href: href(site, t.basePath),
    count: t.items.length,
    ...(description === undefined ? {} : { description }),
    children: t.children,
  });
  if (kind === "region") {
    return ofKind
      .filter((t) => registries.regions.get(t.key)!.level === "province")
      .sort((a, b) => b.items.length - a.items.length || (a.key < b.key ? -1 : 1))
      .map((t) => group(t));
  }
  return ofKind.map((t) => group(t, t.description));
}
