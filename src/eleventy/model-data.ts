// Gives Eleventy the site data as global data `fz`, and the pages this run paginates as `batch` (a build
// renders in batches, see batches.ts; `npm start` renders everything at once). Under `npm start` the model is
// reloaded on every rebuild in development mode (drafts and future bulletins shown and marked); bad content
// stops the rebuild with the same `file:line: field: message` lines as `npm run check`, and the search index
// is rebuilt after each rebuild so that /search/ works in the preview too (`npm run build` indexes on its own).
import type { UserConfig } from "@11ty/eleventy";
import { deriveSiteData, type SiteData } from "../site-data.ts";
import { ContentError } from "../errors.ts";
import { loadSite } from "../site.ts";
import { wholeSite } from "./batches.ts";
import { writeSitemaps } from "./feeds.ts";
import { takePrepared } from "./prepared.ts";

export function modelDataPlugin(eleventyConfig: UserConfig): void {
  const prepared = takePrepared();
  let cached: SiteData | undefined;
  const data = () => (cached ??= prepared?.data ?? loadForEleventy());
  // Eleventy announces every URL it is about to write before rendering anything; the sitemaps list exactly
  // those pages, over every run of a build.
  const urls = prepared?.urls ?? [];
  eleventyConfig.on("eleventy.before", () => {
    cached = undefined;
    if (!prepared) urls.length = 0;
  });
  eleventyConfig.on("eleventy.contentMap", ({ urlToInputPath }: { urlToInputPath: Record<string, unknown> }) => {
    urls.push(...Object.keys(urlToInputPath));
  });
  eleventyConfig.addWatchTarget("./content/");
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!(prepared?.batch.final ?? true) || !cached) return;
    writeSitemaps(directories.output, cached, urls);
    if (!isServing()) return;
    const { indexSearch } = await import("../search/index-search.ts");
    await indexSearch({ bulletins: cached.bulletinPages.map((p) => p.bulletin), outDir: directories.output });
  });
  eleventyConfig.addGlobalData("fz", data);
  eleventyConfig.addGlobalData("batch", () => prepared?.batch ?? wholeSite(data()));
}

function isServing(): boolean {
  return process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
}

function loadForEleventy(): SiteData {
  const site = loadSite({ root: process.cwd(), mode: isServing() ? "development" : "production" });
  if (site.problems.length) throw new ContentError(site.problems);
  return deriveSiteData(site);
}
