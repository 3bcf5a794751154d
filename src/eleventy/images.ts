// Lead images: `{% leadImage image, urlPath %}` renders a bulletin's image as a <picture> and writes the resized
// copy feeds and Open Graph link to (src/images.ts). `image.src` is the repository-relative path the content
// loader has checked.
import { join } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { IMAGE_DIR, leadPicture, RASTER_FILES } from "../images.ts";
import type { LeadImage } from "../model.ts";
import type { RunState } from "./site-eleventy.ts";

export function imagesPlugin(eleventyConfig: UserConfig, site: RunState): void {
  // Pictures a body links to (`![…](/content/images/a.jpg)`) are published as they are, raster formats only:
  // an SVG (which can carry a script) or anything else dropped into the folder stays unpublished.
  if (site.final)
    eleventyConfig.addPassthroughCopy(
      { [join(site.root, "content/images")]: "content/images" },
      { filter: [...RASTER_FILES] },
    );
  eleventyConfig.addShortcode("leadImage", async (image: LeadImage, urlPath: string) =>
    leadPicture({
      file: join(site.root, image.src.replace(/^\/+/, "")),
      alt: image.alt,
      outputDir: join(eleventyConfig.directories.output, IMAGE_DIR),
      urlPath,
      sharePath: image.sharePath,
    }),
  );
}
