// Static assets: public/ is copied as it is to the site root.
import { join } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { RunState } from "./site-eleventy.ts";

export function assetsPlugin(eleventyConfig: UserConfig, site: RunState): void {
  eleventyConfig.addWatchTarget(join(site.root, "public"));
  if (!site.final) return; // copied once per build
  eleventyConfig.addPassthroughCopy({ [join(site.root, "public")]: "/" });
  // The 简/繁 switch loads these on demand.
  for (const file of ["cn2t.js", "t2cn.js"]) {
    eleventyConfig.addPassthroughCopy({
      [join(site.root, "node_modules/opencc-js/dist/esm", file)]: `vendor/opencc-js/${file}`,
    });
  }
}
