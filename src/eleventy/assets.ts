// Static assets: public/ is copied as it is to the site root.
import type { UserConfig } from "@11ty/eleventy";

export function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addPassthroughCopy({ public: "/" });
  eleventyConfig.addWatchTarget("./public/");
}
