// The one typed model every part of the build derives from. Files in content/ are decoded and validated
// once into these records; related headlines, listings, feeds and search records are pure functions of them.
import type { DateTime } from "luxon";

export type Script = "zh-Hans" | "zh-Hant";

export type RegionLevel = "province" | "city" | "district";

export interface RegionNode {
  /** ASCII URL key, unique over the whole tree (e.g. `wuxi`, `suzhou-js`, `suzhou-ah`). */
  key: string;
  /** Full official name, e.g. 无锡市. */
  name: string;
  /** Short name used in headlines and breadcrumbs, e.g. 无锡. */
  shortName: string;
  /** Every other spelling that resolves to this node (short and Traditional forms, local names). */
  aliases: string[];
  level: RegionLevel;
  /** Key of the parent node; absent for provinces. */
  parent?: string;
}

export interface Campaign {
  key: string;
  name: string;
  aliases: string[];
  description: string;
  years: number[];
}

export interface FraudType {
  key: string;
  name: string;
  aliases: string[];
  description: string;
}

/** A lookup table of entries that answer to their key, name and aliases (in either script). */
export interface Registry<T extends { key: string; name: string }> {
  readonly all: readonly T[];
  get(key: string): T | undefined;
  /** Key, name or alias, in Simplified or Traditional script. */
  resolve(nameOrAlias: string): T | undefined;
  /** Nearest keys/names for a "did you mean" message, best first. */
  suggest(input: string, limit?: number): string[];
}

export interface RegionRegistry extends Registry<RegionNode> {
  children(key: string): RegionNode[];
  /** The node and its ancestors, province first. */
  path(key: string): RegionNode[];
}

export interface Registries {
  regions: RegionRegistry;
  campaigns: Registry<Campaign>;
  types: Registry<FraudType>;
}

export interface RelatedWeights {
  campaign: number;
  sameCity: number;
  sameProvince: number;
  type: number;
  tag: number;
  text: number;
  recency: number;
}

export interface SiteSettings {
  title: string;
  description: string;
  /** Absolute origin, from SITE_URL or the settings file, without trailing slash. */
  url: string;
  /** Always starts and ends with `/`. */
  pathPrefix: string;
  timeZone: string;
  lang: Script;
  perPage: number;
  hotline: string;
  publisher: string;
  /** A build refuses to publish more than this share fewer bulletins than the site it replaces. */
  maxDropPercent: number;
  related: { count: number; weights: RelatedWeights };
  cms: CmsSettings;
}

/** The web editor at /admin/ (Decap CMS): the git host it commits to, and the local backend of `npm run cms`. */
export interface CmsSettings {
  /** Decap's `backend` block, written to its config as given: `name` (github, gitlab, gitea), `repo`, `branch` … */
  backend: {
    name: "github" | "gitlab" | "gitea";
    repo: string;
    branch: string;
    api_root?: string;
    base_url?: string;
    [option: string]: unknown;
  };
  /** URL of decap-server's API (from DECAP_LOCAL_BACKEND); set only by `npm run cms`. */
  localBackend?: string;
}

export interface Heading {
  level: number;
  text: string;
  id: string;
}

export interface Bulletin {
  /** Repository-relative path of the source file, with forward slashes. */
  sourcePath: string;
  slug: string;
  /** Site-relative URL without the path prefix, e.g. `/bulletins/2023/08/wuxi-tianwang/`. */
  url: string;
  title: string;
  date: DateTime;
  updated?: DateTime;
  /** The node named in front matter and its ancestors, province first. */
  regionPath: RegionNode[];
  region: RegionNode;
  province: RegionNode;
  city?: RegionNode;
  campaigns: Campaign[];
  types: FraudType[];
  tags: string[];
  summary: string;
  authors: string[];
  source?: string;
  image?: LeadImage;
  draft: boolean;
  /** Dated after the build's "now"; left out of production builds like drafts. */
  future: boolean;
  lang: Script;
  /** Rendered, sanitised HTML of the body. */
  html: string;
  /** Plain text of the body (no markup), for similarity, search and reading time; `npm run build` empties it once
   * related headlines are computed and the search worker has its copy. */
  text: string;
  readingMinutes: number;
}

export interface LeadImage {
  /** Repository-relative path of the original, as front matter gives it. */
  src: string;
  alt: string;
  /** Site-relative path of the resized copy that feeds, Open Graph and JSON-LD link to (src/images.ts). */
  sharePath: string;
  /** Line of `image:` in the bulletin's file, for problems found when the picture is decoded. */
  line: number;
}

/** One problem found in content: printed as `file:line: field: message`. */
export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
}
