// Gives Eleventy the site data as global data `fz`, and the pages this run paginates as `batch` (a build
// renders in batches, see batches.ts; the dev server renders everything at once). The final run writes the
// sitemaps, which list exactly the URLs Eleventy announced over every run.
import { join } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { writeSitemaps } from "./feeds.ts";
import type { RunState } from "./site-eleventy.ts";

export function modelDataPlugin(eleventyConfig: UserConfig, site: RunState): void {
  // Eleventy watches only template files in its input folder; bulletins, registries and settings are data.
  eleventyConfig.addWatchTarget(join(site.root, "content"));
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
    site.urls.push(...Object.keys(urlToInputPath));
  });
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => {
    if (site.final) writeSitemaps(directories.output, site.data(), site.urls);
  });
  // Frozen, so that Eleventy hands it to each template as it is: unfrozen global data is deep-copied into every
  // template's data in every run, every listing and bulletin page object of the site each time.
  eleventyConfig.addGlobalData("fz", () => Object.freeze(site.data()));
  eleventyConfig.addGlobalData("batch", () => site.batch());
}
