// Feeds, the news sitemap, robots.txt and the page sitemaps, wired into Eleventy. The files are rendered by
// pure functions in src/feeds/.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { SiteData } from "../site-data.ts";
import { sitemapFiles } from "../feeds/documents.ts";
import type { RunState } from "./site-eleventy.ts";

export function feedsPlugin(eleventyConfig: UserConfig, site: RunState): void {
  if (!site.final) return;
  // Written as the derived data has them (src/site-data.ts `files`).
  eleventyConfig.addTemplate("feeds/files.11ty.js", {
    data: {
      pagination: { data: "fz.files", size: 1, alias: "file" },
      permalink: ({ file }: { file: { path: string } }) => file.path,
      eleventyExcludeFromCollections: true,
    },
    render: ({ file }: { file: { content: string } }) => file.content,
  });
}

/**
 * The sitemap index and sitemaps of `urls`, the pages Eleventy announced. Written after the render rather
 * than as pages: how many sitemap files there are depends on the URLs, which Eleventy only announces once
 * every page's permalink is fixed.
 */
export function writeSitemaps(outputDir: string, fz: SiteData, urls: readonly string[]): void {
  for (const file of sitemapFiles(
    fz.site,
    urls,
    fz.bulletinPages.map((p) => p.bulletin),
    fz.listings,
  )) {
    const path = join(outputDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
