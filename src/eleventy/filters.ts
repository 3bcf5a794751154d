// Template filters: thin adapters from templates to the pure helpers in src/, for what is layout rather than data.
import type { UserConfig } from "@11ty/eleventy";
import { qrSvg } from "../print/qr-svg.ts";

export function filtersPlugin(eleventyConfig: UserConfig): void {
  // Drawn while the page renders rather than kept with the site data: a few KB a bulletin, held only as long
  // as its page.
  eleventyConfig.addFilter("qrSvg", (text: string) => qrSvg(text));
}
