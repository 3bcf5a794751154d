// Gives Eleventy the site data as global data `fz`. Under `npm start` the model is reloaded on every
// rebuild in development mode (drafts and future bulletins shown and marked); bad content stops the
// rebuild with the same `file:line: field: message` lines as `npm run check`, and the search index is
// rebuilt after each rebuild so that /search/ works in the preview too (`npm run build` indexes on its own).
import type { UserConfig } from "@11ty/eleventy";
import { deriveSiteData, type SiteData } from "../site-data.ts";
import { ContentError } from "../errors.ts";
import { loadSite } from "../site.ts";
import { takePrepared } from "./prepared.ts";

export function modelDataPlugin(eleventyConfig: UserConfig): void {
  let cached: SiteData | undefined;
  eleventyConfig.on("eleventy.before", () => {
    cached = undefined;
  });
  eleventyConfig.addWatchTarget("./content/");
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!isServing() || !cached) return;
    const { indexSearch } = await import("../search/index-search.ts");
    await indexSearch({ site: cached.site, bulletins: cached.bulletinPages.map((p) => p.bulletin), outDir: directories.output });
  });
  eleventyConfig.addGlobalData("fz", () => {
    cached ??= takePrepared() ?? loadForEleventy();
    return cached;
  });
}

function isServing(): boolean {
  return process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
}

function loadForEleventy(): SiteData {
  const site = loadSite({ root: process.cwd(), mode: isServing() ? "development" : "production" });
  if (site.problems.length) throw new ContentError(site.problems);
  return deriveSiteData(site);
}
