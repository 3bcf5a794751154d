// A bulletin's lead image, made at build time: resized to a few widths, encoded as AVIF and WebP with the
// original format as the fallback, and written as a <picture> whose <img> carries width and height, so the
// page does not jump while the image loads. Feeds and Open Graph link to a resized copy too, never to the
// original: only raster pictures of bounded size are accepted, so nothing an editor drops in (an SVG with a
// script, a 50 MB photo) is published as it is.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import Image from "@11ty/eleventy-img";
import { imageSize } from "image-size";
import sharp from "sharp";

/** Widths in CSS pixels; the article column is at most about 42rem wide, so 960 covers 2x screens on phones. */
export const LEAD_WIDTHS: readonly number[] = [480, 960];
export const LEAD_FORMATS: readonly string[] = ["avif", "webp", "auto"];
/** The column the image fills: the whole viewport on phones, the article column beside the sidebar on wide screens. */
export const LEAD_SIZES = "(min-width: 64rem) 45rem, (min-width: 46rem) 43rem, calc(100vw - 2rem)";
/** The width link previews (Open Graph, feeds) ask for; smaller originals are not enlarged. */
export const SHARE_WIDTH = 1200;
/** Where resized images are written, below the site root. */
export const IMAGE_DIR = "img";
export const IMAGE_LIMITS = { bytes: 20 * 1024 * 1024, pixels: 50_000_000 } as const;

/** image-size's names of the raster formats browsers and link previews all show. */
const RASTER: Readonly<Record<string, string>> = { jpg: "jpeg", png: "png", webp: "webp", gif: "gif" };

/** The same formats as file-name globs, for what is published as it is. */
export const RASTER_FILES: readonly string[] = ["**/*.{jpg,jpeg,png,webp,gif}", "**/*.{JPG,JPEG,PNG,WEBP,GIF}"];

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Reads the image's header: what is wrong with it, or the site path of its shared copy (named by the content's
 * hash, so a changed picture gets a new URL and two bulletins with one picture share one file).
 */
export function inspectLeadImage(file: string): { problem: string } | { sharePath: string } {
  const size = statSync(file).size;
  if (size > IMAGE_LIMITS.bytes) {
    return {
      problem: `is ${megabytes(size)}; a lead image may be at most ${megabytes(IMAGE_LIMITS.bytes)} (it is shown at most ${SHARE_WIDTH} pixels wide): save a smaller copy`,
    };
  }
  const bytes = readFileSync(file);
  let info: { type?: string; width?: number; height?: number };
  try {
    info = imageSize(bytes);
  } catch {
    return { problem: "is not an image; use a JPEG, PNG, WebP or GIF picture" };
  }
  if (info.type === "svg")
    return {
      problem: "is an SVG drawing; lead images must be JPEG, PNG, WebP or GIF pictures (an SVG can carry scripts)",
    };
  const format = RASTER[info.type ?? ""];
  if (!format) return { problem: `is a ${info.type ?? "unknown"} image; use a JPEG, PNG, WebP or GIF picture` };
  const pixels = (info.width ?? 0) * (info.height ?? 0);
  if (!pixels || pixels > IMAGE_LIMITS.pixels) {
    return {
      problem: `is ${info.width ?? 0}×${info.height ?? 0} pixels; a lead image must have at most ${IMAGE_LIMITS.pixels / 1e6} million: save a smaller copy`,
    };
  }
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 16);
  return { sharePath: `/${IMAGE_DIR}/${hash}-share.${format}` };
}

/** Decodes the whole picture (at a tiny size): a truncated or corrupt file fails here, not in the middle of a build. */
export async function decodeProblem(file: string): Promise<string | undefined> {
  try {
    await sharp(file, { failOn: "truncated", limitInputPixels: IMAGE_LIMITS.pixels }).resize(16).raw().toBuffer();
    return undefined;
  } catch (error) {
    return `cannot be decoded (${error instanceof Error ? error.message : String(error)}); export the picture again`;
  }
}

export interface LeadImageRequest {
  /** The image file on disk. */
  file: string;
  alt: string;
  /** Folder the resized files are written to. */
  outputDir: string;
  /** URL path of that folder on the site, path prefix included, ending with `/`. */
  urlPath: string;
  /** The site path inspectLeadImage gave for the shared copy; it is written into `outputDir` too. */
  sharePath: string;
}

export async function leadPicture(request: LeadImageRequest): Promise<string> {
  const [metadata] = await Promise.all([
    Image(request.file, {
      widths: [...LEAD_WIDTHS],
      formats: [...LEAD_FORMATS],
      outputDir: request.outputDir,
      urlPath: request.urlPath,
    }),
    Image(request.file, {
      widths: [SHARE_WIDTH],
      formats: ["auto"],
      outputDir: request.outputDir,
      urlPath: request.urlPath,
      filenameFormat: () => basename(request.sharePath),
    }),
  ]);
  return Image.generateHTML(metadata, { alt: request.alt, sizes: LEAD_SIZES, decoding: "async" });
}
