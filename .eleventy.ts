// Fanzha Press: how the pieces in src/ are wired into Eleventy. Each concern is a small plugin.
import type { UserConfig } from "@11ty/eleventy";
import { modelDataPlugin } from "./src/eleventy/model-data.ts";
import { filtersPlugin } from "./src/eleventy/filters.ts";
import { pagesPlugin } from "./src/eleventy/pages.ts";
import { assetsPlugin } from "./src/eleventy/assets.ts";
import { feedsPlugin } from "./src/eleventy/feeds.ts";
import { imagesPlugin } from "./src/eleventy/images.ts";
import { cmsPlugin } from "./src/eleventy/cms.ts";

export default function (eleventyConfig: UserConfig) {
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.setQuietMode(true);

  eleventyConfig.addPlugin(modelDataPlugin); // the content model and everything derived from it, as `fz`
  eleventyConfig.addPlugin(filtersPlugin); // absoluteUrl, cnDate, isoDate, qrSvg
  eleventyConfig.addPlugin(pagesPlugin("layouts/pages")); // bulletin, listing, index, home, 404 … pages
  eleventyConfig.addPlugin(assetsPlugin); // public/ → site root
  eleventyConfig.addPlugin(feedsPlugin); // feeds, sitemaps, robots.txt; `pageMeta` for partials/meta.njk
  eleventyConfig.addPlugin(imagesPlugin); // bulletin lead images as <picture> (leadImage shortcode)
  eleventyConfig.addPlugin(cmsPlugin); // the web editor at /admin/ (Decap CMS)

  return {
    dir: { input: "content", includes: "../layouts", layouts: "../layouts", data: "_data" },
    templateFormats: ["njk"],
    markdownTemplateEngine: false,
    htmlTemplateEngine: false,
  };
}
