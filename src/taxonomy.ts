// Listing pages derived from the model: one flat entry per output page (term × page number), because
// Eleventy paginates one level only. Buckets are filled in one pass over the bulletins.
import type { Bulletin, Campaign, FraudType, RegionNode, Registries } from "./model.ts";
import { cnMonth } from "./dates.ts";
import { pagePath } from "./urls.ts";

export interface Crumb {
  name: string;
  path?: string;
}

export type ListingKind = "region" | "campaign" | "type" | "year" | "month";

export interface TermLink {
  title: string;
  path: string;
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
  pages: Array<{ number: number; path: string }>;
  prev?: string;
  next?: string;
  breadcrumbs: Crumb[];
  feedPath?: string;
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

export const SECTION_TITLES = { region: "地区", campaign: "专项行动", type: "诈骗类型", year: "归档", month: "归档" } as const;

export const regionPath = (node: RegionNode) => `/regions/${node.key}/`;
export const campaignPath = (c: Pick<Campaign, "key">) => `/campaigns/${c.key}/`;
export const typePath = (t: Pick<FraudType, "key">) => `/types/${t.key}/`;
export const yearPath = (year: number) => `/archive/${year}/`;
export const monthPath = (year: number, month: number) => `/archive/${year}/${String(month).padStart(2, "0")}/`;

/** Splits a term's bulletins (already newest first) into pages of `perPage`. */
export function paginate(term: Term, perPage: number): ListingPage[] {
  const totalPages = Math.max(1, Math.ceil(term.items.length / perPage));
  const pages = Array.from({ length: totalPages }, (_, i) => ({ number: i + 1, path: pagePath(term.basePath, i + 1) }));
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
    pages,
    ...(number > 1 ? { prev: pages[number - 2]!.path } : {}),
    ...(number < totalPages ? { next: pages[number]!.path } : {}),
    breadcrumbs: term.breadcrumbs,
    ...(term.feedPath ? { feedPath: term.feedPath } : {}),
    children: term.children,
  }));
}

function bucket<K>(map: Map<K, Bulletin[]>, key: K, bulletin: Bulletin) {
  const list = map.get(key);
  if (list) list.push(bulletin);
  else map.set(key, [bulletin]);
}

/** Every term with at least one bulletin; `bulletins` must be newest first. */
export function buildTerms(bulletins: readonly Bulletin[], registries: Registries): Term[] {
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
    bucket(byMonth, `${b.date.year}-${String(b.date.month).padStart(2, "0")}`, b);
  }
  const terms: Term[] = [];
  const regionTitle = (node: RegionNode) => node.shortName;
  for (const [key, items] of [...byRegion].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const node = registries.regions.get(key)!;
    const path = registries.regions.path(key);
    terms.push({
      kind: "region",
      key,
      title: regionTitle(node),
      description: `${node.name}的反诈通报、典型案例与防骗提示`,
      basePath: regionPath(node),
      breadcrumbs: [{ name: "首页", path: "/" }, { name: SECTION_TITLES.region, path: "/regions/" }, ...path.map((n) => ({ name: regionTitle(n), path: regionPath(n) }))],
      feedPath: `${regionPath(node)}feed.xml`,
      items,
      children: registries.regions
        .children(key)
        .filter((child) => byRegion.has(child.key))
        .map((child) => ({ title: regionTitle(child), path: regionPath(child), count: byRegion.get(child.key)!.length })),
    });
  }
  terms.push(...registryTerms("campaign", registries.campaigns.all, byCampaign, campaignPath, "/campaigns/", true));
  terms.push(...registryTerms("type", registries.types.all, byType, typePath, "/types/", false));
  for (const [year, items] of [...byYear].sort(([a], [b]) => b - a)) {
    const months = [...byMonth].filter(([key]) => key.startsWith(`${year}-`)).sort(([a], [b]) => (a < b ? 1 : -1));
    terms.push({
      kind: "year",
      key: String(year),
      title: `${year}年`,
      description: `${year}年发布的反诈通报`,
      basePath: yearPath(year),
      breadcrumbs: [{ name: "首页", path: "/" }, { name: SECTION_TITLES.year, path: "/archive/" }, { name: `${year}年`, path: yearPath(year) }],
      items,
      children: months.map(([key, list]) => {
        const month = Number(key.slice(5));
        return { title: cnMonth(year, month), path: monthPath(year, month), count: list.length };
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
        breadcrumbs: [
          { name: "首页", path: "/" },
          { name: SECTION_TITLES.month, path: "/archive/" },
          { name: `${year}年`, path: yearPath(year) },
          { name: `${month}月`, path: monthPath(year, month) },
        ],
        items: list,
        children: [],
      });
    }
  }
  return terms;
}

/** Terms of a registry (campaigns, fraud types): one per entry that has bulletins, in registry order. */
function registryTerms(
  kind: "campaign" | "type",
  entries: readonly (Campaign | FraudType)[],
  byKey: Map<string, Bulletin[]>,
  pathOf: (entry: { key: string }) => string,
  section: string,
  withFeed: boolean,
): Term[] {

  return entries.flatMap((entry) => {
    const items = byKey.get(entry.key);
    if (!items) return [];
    const basePath = pathOf(entry);
    return [{
      kind,
      key: entry.key,
      title: entry.name,
      description: entry.description,
      basePath,
      breadcrumbs: [{ name: "首页", path: "/" }, { name: SECTION_TITLES[kind], path: section }, { name: entry.name, path: basePath }],
      ...(withFeed ? { feedPath: `${basePath}feed.xml` } : {}),
      items,
      children: [],
    }];
  });
}

export function listingPages(terms: readonly Term[], perPage: number): ListingPage[] {
  return terms.flatMap((term) => paginate(term, perPage));
}

/** The index pages (/regions/, /campaigns/, /types/, /archive/): terms as linked lists with counts. */
export interface IndexGroup {
  title: string;
  path?: string;
  count: number;
  description?: string;
  children: TermLink[];
}

export function indexGroups(terms: readonly Term[], kind: "region" | "campaign" | "type" | "year", registries: Registries): IndexGroup[] {
  const ofKind = terms.filter((t) => t.kind === kind);
  if (kind === "region") {
    return ofKind
      .filter((t) => registries.regions.get(t.key)!.level === "province")
      .sort((a, b) => b.items.length - a.items.length || (a.key < b.key ? -1 : 1))
      .map((t) => ({ title: t.title, path: t.basePath, count: t.items.length, children: t.children }));
  }
  return ofKind.map((t) => ({ title: t.title, path: t.basePath, count: t.items.length, description: t.description, children: t.children }));
}
