// Lead images: `{% leadImage src, alt, urlPath %}` renders a bulletin's image as a <picture> (src/images.ts).
// `src` is the repository-relative path the content loader has checked; the build runs from the repository root.
import { resolve } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { leadPicture } from "../images.ts";

/** Where resized images are written, below the site root. */
export const IMAGE_DIR = "img";

export function imagesPlugin(eleventyConfig: UserConfig): void {
  // The original is published at its repository path too: feeds and Open Graph link to it (src/feeds/entries.ts).
  eleventyConfig.addPassthroughCopy({ "content/images": "content/images" });
  eleventyConfig.addShortcode("leadImage", async (src: string, alt: string, urlPath: string) =>
    leadPicture({
      file: resolve(src.replace(/^\/+/, "")),
      alt,
      outputDir: resolve(eleventyConfig.directories.output, IMAGE_DIR),
      urlPath,
    }),
  );
}
