// Registers every template in layouts/pages/ as a page. Page templates live beside the layouts, not in
// content/, because content/ belongs to editors and holds only bulletins, registries and settings.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { UserConfig } from "@11ty/eleventy";

export function pagesPlugin(dir: string) {
  return function (eleventyConfig: UserConfig): void {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".njk")) continue;
      const file = join(entry.parentPath, entry.name);
      eleventyConfig.addTemplate(`pages/${relative(dir, file).split("\\").join("/")}`, readFileSync(file, "utf8"), {});
    }
  };
}
