// The site's sections, declared once: the taxonomy, the main navigation, the section index pages, the
// breadcrumbs and the feed categories all read this table, so a section is added or renamed here alone.
// The archive (years and months) is a section whose terms come from bulletin dates instead of a registry.
import { linkTo, type Link, type UrlSite } from "./urls.ts";

export type SectionKey = "region" | "campaign" | "type" | "archive";

export interface Section {
  key: SectionKey;
  /** Site-relative path of the section's index page; a term lives at `<path><term key>/`. */
  path: string;
  /** Name in the navigation, the breadcrumbs and the index page's heading. */
  title: string;
  /** The index page's lede and meta description. */
  description: string;
  /** Whether each term of the section has its own Atom and JSON feed. */
  termFeeds: boolean;
}

/** In navigation order. */
export const SECTIONS: readonly Section[] = [
  { key: "region", path: "/regions/", title: "地区", description: "按省份和城市浏览各地的反诈通报。", termFeeds: true },
  {
    key: "campaign",
    path: "/campaigns/",
    title: "专项行动",
    description: "各地公安机关开展的打击治理电信网络诈骗专项行动。",
    termFeeds: true,
  },
  {
    key: "type",
    path: "/types/",
    title: "诈骗类型",
    description: "公安部通报的高发电信网络诈骗类型。",
    termFeeds: false,
  },
  { key: "archive", path: "/archive/", title: "归档", description: "按年份和月份浏览全部通报。", termFeeds: false },
];

const BY_KEY = new Map(SECTIONS.map((s) => [s.key, s]));

export function section(key: SectionKey): Section {
  return BY_KEY.get(key)!;
}

/** The listing of one term of a section: `/regions/wuxi/`, `/archive/2024/`, `/archive/2024/03/`. */
export function termPath(key: SectionKey, ...termKeys: string[]): string {
  return `${section(key).path}${termKeys.map((k) => `${k}/`).join("")}`;
}

export function sectionLink(site: UrlSite, key: SectionKey): Link {
  const { title, path } = section(key);
  return linkTo(site, title, path);
}

/** Pages outside the sections that templates link to, by name. */
export const PAGE_PATHS = {
  home: "/",
  search: "/search/",
  notFound: "/404.html",
  feedAtom: "/feed.xml",
  siteCss: "/css/site.css",
  searchCss: "/css/search.css",
  favicon: "/favicon.svg",
  searchJs: "/js/search.js",
  scriptSwitchJs: "/js/script-switch.js",
  highlightJs: "/js/highlight.js",
  readAloudJs: "/js/read-aloud.js",
  textSizeJs: "/js/text-size.js",
  filterPanelJs: "/js/filter-panel.js",
  searchBundle: "/pagefind/",
  images: "/img/",
} as const;
