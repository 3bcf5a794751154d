// A bulletin's lead image, made at build time: resized to a few widths, encoded as AVIF and WebP with the
// original format as the fallback, and written as a <picture> whose <img> carries width and height, so the
// page does not jump while the image loads.
import Image from "@11ty/eleventy-img";

/** Widths in CSS pixels; the article column is at most about 42rem wide, so 960 covers 2x screens on phones. */
export const LEAD_WIDTHS: readonly number[] = [480, 960];
export const LEAD_FORMATS: readonly string[] = ["avif", "webp", "auto"];
/** The column the image fills: the whole viewport on phones, the article column beside the sidebar on wide screens. */
export const LEAD_SIZES = "(min-width: 64rem) 45rem, (min-width: 46rem) 43rem, calc(100vw - 2rem)";

export interface LeadImageRequest {
  /** The image file on disk. */
  file: string;
  alt: string;
  /** Folder the resized files are written to. */
  outputDir: string;
  /** URL path of that folder on the site, path prefix included, ending with `/`. */
  urlPath: string;
}

export async function leadPicture(request: LeadImageRequest): Promise<string> {
  const metadata = await Image(request.file, {
    widths: [...LEAD_WIDTHS],
    formats: [...LEAD_FORMATS],
    outputDir: request.outputDir,
    urlPath: request.urlPath,
  });
  return Image.generateHTML(metadata, { alt: request.alt, sizes: LEAD_SIZES, decoding: "async" });
}
