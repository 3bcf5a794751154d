// Static assets: public/ is copied as it is to the site root.
import type { UserConfig } from "@11ty/eleventy";
import { isFinalRun } from "./prepared.ts";

export function assetsPlugin(eleventyConfig: UserConfig): void {
  if (!isFinalRun()) return; // copied once per build
  eleventyConfig.addPassthroughCopy({ public: "/" });
  eleventyConfig.addPassthroughCopy({ "node_modules/opencc-js/dist/esm/cn2t.js": "vendor/opencc-js/cn2t.js", "node_modules/opencc-js/dist/esm/t2cn.js": "vendor/opencc-js/t2cn.js" }); // 简/繁 switch, loaded on demand
  eleventyConfig.addWatchTarget("./public/");
}
