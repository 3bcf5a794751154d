// Template filters: thin adapters from templates to the pure helpers in src/.
import type { UserConfig } from "@11ty/eleventy";
import type { DateTime } from "luxon";
import type { SiteSettings } from "../model.ts";
import { absoluteUrl } from "../urls.ts";
import { cnDate, isoDate } from "../dates.ts";
import { qrSvg } from "../print/qr-svg.ts";

export function filtersPlugin(eleventyConfig: UserConfig): void {
  // Filters run with the page's data as `this.ctx`; the site settings live in the `fz` global.
  function settings(ctx: { fz?: { site: SiteSettings } } | undefined): SiteSettings {
    const site = ctx?.fz?.site;
    if (!site) throw new Error("site settings are missing from the template data");
    return site;
  }
  eleventyConfig.addFilter("absoluteUrl", function (this: { ctx?: { fz?: { site: SiteSettings } } }, path: string) {
    return absoluteUrl(settings(this.ctx), path);
  });
  eleventyConfig.addFilter("cnDate", (date: DateTime) => cnDate(date));
  eleventyConfig.addFilter("isoDate", (date: DateTime) => isoDate(date));
  // Drawn while the page renders rather than kept with the site data: a few KB a bulletin, held only as long
  // as its page.
  eleventyConfig.addFilter("qrSvg", (text: string) => qrSvg(text));
}
