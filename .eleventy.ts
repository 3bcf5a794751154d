// Fanzha Press: how the pieces in src/ are wired into Eleventy, each concern a small plugin. Eleventy is not
// started on this file: src/eleventy/site-eleventy.ts gives it the site to render (its derived data, the batch
// of pages and the repository), the same way for `npm run build`, `npm start` and the tests.
import { join, relative } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { runState, type SiteInput } from "./src/eleventy/site-eleventy.ts";
import { modelDataPlugin } from "./src/eleventy/model-data.ts";
import { filtersPlugin } from "./src/eleventy/filters.ts";
import { pagesPlugin } from "./src/eleventy/pages.ts";
import { assetsPlugin } from "./src/eleventy/assets.ts";
import { feedsPlugin } from "./src/eleventy/feeds.ts";
import { imagesPlugin } from "./src/eleventy/images.ts";
import { cmsPlugin } from "./src/eleventy/cms.ts";

export default function fanzha(input: SiteInput) {
  if (!input || !("root" in input)) {
    throw new Error(
      "Eleventy is started through `npm run build` or `npm start` (src/eleventy/site-eleventy.ts), which give it the site",
    );
  }
  return function (eleventyConfig: UserConfig): void {
    const site = runState(input, eleventyConfig);
    eleventyConfig.setNunjucksEnvironmentOptions({
      autoescape: true,
      throwOnUndefined: true,
      trimBlocks: true,
      lstripBlocks: true,
    });
    eleventyConfig.setQuietMode(true);
    // Eleventy reads templates from content/ (there are none there: see pagesPlugin), so the dev server rebuilds
    // when a bulletin changes; layouts sit beside it.
    eleventyConfig.setIncludesDirectory("../layouts");
    eleventyConfig.setLayoutsDirectory("../layouts");
    // Pages are JavaScript templates that render their Nunjucks bodies (pagesPlugin); no file in content/ may
    // be a template: a JavaScript one would run on the build machine, a Nunjucks one could reach the site data
    // and Nunjucks' own escape hatches.
    eleventyConfig.setTemplateFormats(["njk", "11ty.js"]);
    eleventyConfig.ignores.add(`${relative(process.cwd(), join(site.root, "content")) || "."}/**/*.{11ty.js,njk}`);

    eleventyConfig.addPlugin(modelDataPlugin, site); // the derived data as `fz`, this run's pages as `batch`; sitemaps
    eleventyConfig.addPlugin(filtersPlugin); // qrSvg
    eleventyConfig.addPlugin(pagesPlugin, site); // bulletin, listing, index, home, 404 … pages from layouts/pages/
    eleventyConfig.addPlugin(assetsPlugin, site); // public/ → site root
    eleventyConfig.addPlugin(feedsPlugin, site); // feeds, news sitemap, robots.txt
    eleventyConfig.addPlugin(imagesPlugin, site); // bulletin lead images as <picture> (leadImage shortcode)
    eleventyConfig.addPlugin(cmsPlugin, site); // the web editor at /admin/ (Decap CMS)
    if (input.serverMiddleware) eleventyConfig.setServerOptions({ middleware: input.serverMiddleware });
    const { afterEach } = input;
    if (afterEach)
      eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) =>
        afterEach(site.data(), directories.output),
      );
  };
}
