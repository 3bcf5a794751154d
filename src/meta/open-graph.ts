// Open Graph and Twitter card tags, so a link shared in a chat app shows a proper card. Returned as data;
// the layout partial renders each with autoescaping.
import type { DateTime } from "luxon";
import type { Bulletin, LeadImage, SiteSettings } from "../model.ts";
import { absoluteUrl } from "../urls.ts";
import { imageUrl } from "../feeds/entries.ts";
import { bulletinKeywords, bulletinSections } from "./terms.ts";
import { isoTime } from "./time.ts";

export interface SocialPage {
  title: string;
  description: string;
  /** Site-relative path of the page. */
  path: string;
  type: "article" | "website";
  image?: Pick<LeadImage, "sharePath" | "alt">;
  published?: DateTime;
  modified?: DateTime;
  /** article:section and article:tag values (campaign names; types and tags). */
  section?: string[];
  tags?: string[];
}

export interface MetaTag {
  property?: string;
  name?: string;
  content: string;
}

const OG_LOCALE = { "zh-Hans": "zh_CN", "zh-Hant": "zh_TW" } as const;

export function socialMeta(site: SiteSettings, page: SocialPage): MetaTag[] {
  const og = (property: string, content: string): MetaTag => ({ property, content });
  const tw = (name: string, content: string): MetaTag => ({ name, content });
  const image = page.image ? imageUrl(site, page.image) : undefined;
  return [
    og("og:site_name", site.title),
    og("og:locale", OG_LOCALE[site.lang]),
    og("og:type", page.type),
    og("og:title", page.title),
    og("og:description", page.description),
    og("og:url", absoluteUrl(site, page.path)),
    ...(image && page.image ? [og("og:image", image), og("og:image:alt", page.image.alt)] : []),
    ...(page.type === "article" && page.published ? [og("article:published_time", isoTime(site, page.published))] : []),
    ...(page.type === "article" && page.modified ? [og("article:modified_time", isoTime(site, page.modified))] : []),
    ...(page.type === "article" ? (page.section ?? []).map((s) => og("article:section", s)) : []),
    ...(page.type === "article" ? (page.tags ?? []).map((t) => og("article:tag", t)) : []),
    tw("twitter:card", image ? "summary_large_image" : "summary"),
    tw("twitter:title", page.title),
    tw("twitter:description", page.description),
    ...(image && page.image ? [tw("twitter:image", image), tw("twitter:image:alt", page.image.alt)] : []),
  ];
}

/** The card of a bulletin page. */
export function bulletinSocialPage(bulletin: Bulletin): SocialPage {
  return {
    title: bulletin.title,
    description: bulletin.summary,
    path: bulletin.url,
    type: "article",
    ...(bulletin.image ? { image: bulletin.image } : {}),
    published: bulletin.date,
    ...(bulletin.updated ? { modified: bulletin.updated } : {}),
    section: bulletinSections(bulletin),
    tags: bulletinKeywords(bulletin),
  };
}
