// @11ty/eleventy-img 6 ships JavaScript without declarations; these cover the part src/images.ts uses.
declare module "@11ty/eleventy-img" {
  export interface ImageOptions {
    widths?: Array<number | "auto" | null>;
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    filenameFormat?: (id: string, src: string, width: number, format: string) => string;
  }
  export interface ImageFormatEntry {
    format: string;
    width: number;
    height: number;
    url: string;
    srcset: string;
    filename: string;
    outputPath: string;
  }
  export type ImageMetadata = Record<string, ImageFormatEntry[]>;
  interface ImageFunction {
    (src: string, options?: ImageOptions): Promise<ImageMetadata>;
    generateHTML(metadata: ImageMetadata, attributes: Record<string, string>): string;
  }
  const Image: ImageFunction;
  export default Image;
}

declare module "@11ty/eleventy" {
  export interface UserConfig {
    addShortcode(name: string, shortcode: (this: any, ...args: any[]) => unknown): void;
    directories: { output: string; input: string };
  }
}
