// Feeds, sitemaps, robots.txt and the per-page head metadata, wired into Eleventy. The files are rendered
// by pure functions in src/feeds/ and src/meta/; here they only become pages and a template filter.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { SiteData } from "../site-data.ts";
import { crawlerFiles, feedFiles, sitemapFiles, type OutputFile } from "../feeds/documents.ts";
import { pageMeta, type PageMetaInput } from "../meta/page-meta.ts";
import type { SiteSettings } from "../model.ts";
import { isFinalRun } from "./prepared.ts";

function bulletinsOf(fz: SiteData) {
  return fz.bulletinPages.map((p) => p.bulletin);
}

export function feedsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("pageMeta", (site: SiteSettings, page: PageMetaInput) => pageMeta(site, page));
  if (!isFinalRun()) return;
  eleventyConfig.addTemplate("feeds/files.njk", "{{ file.content | safe }}", {
    pagination: {
      data: "fz",
      size: 1,
      alias: "file",
      before: (_keys: unknown, data: { fz: SiteData }): OutputFile[] => {
        const { fz } = data;
        const bulletins = bulletinsOf(fz);
        return [...feedFiles(fz.site, bulletins, fz.listings), ...crawlerFiles(fz.site, bulletins, process.env)];
      },
    },
    permalink: "{{ file.path }}",
    eleventyExcludeFromCollections: true,
  });
}

/**
 * The sitemap index and sitemaps of `urls`, the pages Eleventy announced. Written after the render rather
 * than as pages: how many sitemap files there are depends on the URLs, which Eleventy only announces once
 * every page's permalink is fixed.
 */
export function writeSitemaps(outputDir: string, fz: SiteData, urls: readonly string[]): void {
  for (const file of sitemapFiles(fz.site, urls, bulletinsOf(fz), fz.listings)) {
    const path = join(outputDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
