// Feeds, sitemaps, robots.txt and the per-page head metadata, wired into Eleventy. The files are rendered
// by pure functions in src/feeds/ and src/meta/; here they only become pages and a template filter.
import type { UserConfig } from "@11ty/eleventy";
import type { SiteData } from "../site-data.ts";
import { crawlerFiles, feedFiles, sitemapFile, type OutputFile } from "../feeds/documents.ts";
import { pageMeta, type PageMetaInput } from "../meta/page-meta.ts";
import type { SiteSettings } from "../model.ts";

function bulletinsOf(fz: SiteData) {
  return fz.bulletinPages.map((p) => p.bulletin);
}

export function feedsPlugin(eleventyConfig: UserConfig): void {
  // Eleventy announces every URL it is about to write before rendering anything; the sitemap, rendered
  // later, lists exactly those pages.
  let builtUrls: string[] = [];
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
    builtUrls = Object.keys(urlToInputPath);
  });

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

  eleventyConfig.addTemplate("feeds/sitemap.njk", "{{ fz | sitemapXml | safe }}", {
    permalink: "/sitemap.xml",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addFilter("sitemapXml", (fz: SiteData) => sitemapFile(fz.site, builtUrls, bulletinsOf(fz), fz.listings).content);

  eleventyConfig.addFilter("pageMeta", (site: SiteSettings, page: PageMetaInput) => pageMeta(site, page));
}
