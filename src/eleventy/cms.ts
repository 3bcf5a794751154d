// The web editor at /admin/: Decap CMS's prebuilt bundle copied from node_modules (no CDN), its configuration
// (derived data, `fz.admin`) and the browser script of src/cms/admin.ts. The page itself is layouts/pages/admin.njk.
import { join } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { adminScript } from "../cms/bundle.ts";
import { ADMIN_PATH } from "../cms/config.ts";
import type { RunState } from "./site-eleventy.ts";

export function cmsPlugin(eleventyConfig: UserConfig, site: RunState): void {
  if (!site.final) return; // written once per build
  const dist = join(site.root, "node_modules/decap-cms/dist");
  // The bundle loads its chunks and WebAssembly from its own folder; source maps are left behind (25 MB).
  const target = `${ADMIN_PATH.slice(1)}decap`;
  eleventyConfig.addPassthroughCopy({
    [`${dist}/*decap-cms.js`]: target,
    [`${dist}/*.wasm`]: target,
    [`${dist}/decap-cms.js.LICENSE.txt`]: `${target}/decap-cms.js.LICENSE.txt`,
  });
  eleventyConfig.addGlobalData("cmsScript", () => adminScript());
  eleventyConfig.addTemplate("admin/config.njk", "{{ fz.admin.config | safe }}", {
    permalink: `${ADMIN_PATH}config.yml`,
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("admin/script.njk", "{{ cmsScript | safe }}", {
    permalink: `${ADMIN_PATH}fanzha-cms.js`,
    eleventyExcludeFromCollections: true,
  });
}
