// The web editor at /admin/: Decap CMS's prebuilt bundle copied from node_modules (no CDN), its configuration
// (derived data, `fz.admin`) and the browser script of src/cms/admin.ts. The page itself is layouts/pages/admin.njk.
import type { UserConfig } from "@11ty/eleventy";
import { adminScript } from "../cms/bundle.ts";
import { ADMIN_PATH } from "../cms/config.ts";

const DECAP_DIST = "node_modules/decap-cms/dist";

export function cmsPlugin(eleventyConfig: UserConfig): void {
  // The bundle loads its chunks and WebAssembly from its own folder; source maps are left behind (25 MB).
  const target = `${ADMIN_PATH.slice(1)}decap`;
  eleventyConfig.addPassthroughCopy({ [`${DECAP_DIST}/*decap-cms.js`]: target, [`${DECAP_DIST}/*.wasm`]: target, [`${DECAP_DIST}/decap-cms.js.LICENSE.txt`]: `${target}/decap-cms.js.LICENSE.txt` });
  eleventyConfig.addGlobalData("cmsScript", () => adminScript());
  eleventyConfig.addTemplate("admin/config.njk", "{{ fz.admin.config | safe }}", { permalink: `${ADMIN_PATH}config.yml`, eleventyExcludeFromCollections: true });
  eleventyConfig.addTemplate("admin/script.njk", "{{ cmsScript | safe }}", { permalink: `${ADMIN_PATH}fanzha-cms.js`, eleventyExcludeFromCollections: true });
}
