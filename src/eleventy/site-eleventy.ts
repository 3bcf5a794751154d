// The one hand-over to Eleventy. `npm run build`, `npm start` and the tests all render through here: the
// derived site data (src/site-data.ts), the batch of pages a run renders and the repository whose layouts and
// assets are used are given to .eleventy.ts through the programmatic API's config callback. Nothing is read
// from the working directory, the environment or a module-level slot, so builds may run side by side.
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import Eleventy, { type UserConfig } from "@11ty/eleventy";
import fanzha from "../../.eleventy.ts";
import type { SiteData } from "../site-data.ts";
import { wholeSite, type Batch } from "./batches.ts";

export interface SiteInput {
  /** The repository: layouts/, public/, content/images/ and the browser copies from node_modules/. */
  root: string;
  /** The derived data; or, for the dev server, how to derive it again before each rebuild. */
  data: SiteData | (() => SiteData);
  /** The pages this run paginates (a build renders in batches, see batches.ts); the whole site by default. */
  batch?: Batch;
  /** Every URL announced by the runs of one build so far, for the sitemaps the final run writes. */
  urls?: string[];
  /** Run after each build of the dev server (it indexes search into the preview). */
  afterEach?: (data: SiteData, outDir: string) => Promise<void>;
  /** Connect-style handlers the dev server runs before serving a file. */
  serverMiddleware?: Array<(req: IncomingMessage, res: ServerResponse, next: () => void) => void>;
}

/** What the plugins of one Eleventy run read: the repository, and the data and batch of the build now running. */
export interface RunState {
  root: string;
  data(): SiteData;
  batch(): Batch;
  /** Whether this run renders the site's other pages and writes its assets, feeds and sitemaps. */
  final: boolean;
  urls: string[];
}

/** An Eleventy that renders `input` into `outDir`. */
export function siteEleventy(input: SiteInput, outDir: string, runMode: "build" | "serve" = "build"): Eleventy {
  return new Eleventy(join(input.root, "content"), outDir, {
    // There is no configuration file to find: .eleventy.ts is given its input here.
    configPath: false,
    quietMode: true,
    runMode,
    config: fanzha(input),
  });
}

/** The run's state; the dev server's data is derived once per rebuild, when a plugin first asks for it. */
export function runState(input: SiteInput, eleventyConfig: UserConfig): RunState {
  const load = input.data;
  let data = typeof load === "function" ? undefined : load;
  const urls = input.urls ?? [];
  eleventyConfig.on("eleventy.before", () => {
    if (typeof load !== "function") return;
    // The dev server derives the data again for each rebuild; its URLs start over.
    data = undefined;
    urls.length = 0;
  });
  const current = () => (data ??= (load as () => SiteData)());
  return {
    root: input.root,
    data: current,
    batch: () => input.batch ?? wholeSite(current()),
    final: input.batch?.final ?? true,
    urls,
  };
}
