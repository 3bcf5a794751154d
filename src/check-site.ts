// Everything `npm run build` relies on, checked in one place: `npm run check` and the build both call this,
// so check fails on every input the build would refuse, with the same lines.
import type { Site, LoadSiteOptions } from "./site.ts";
import { loadSite } from "./site.ts";
import { dropProblem, publishedCount } from "./publish-guard.ts";

export interface CheckSiteOptions extends LoadSiteOptions {
  /** The site this build would replace; its bulletin count guards against publishing far fewer. */
  outDir?: string;
  /** How `outDir` is named in messages. */
  outName?: string;
  allowDrop?: boolean;
}

export async function checkSite(options: CheckSiteOptions): Promise<Site> {
  const site = loadSite(options);
  if (!options.allowDrop && options.outDir && !site.problems.length) {
    const drop = dropProblem(site, publishedCount(options.outDir), options.outName ?? `${options.outDir}/`);
    if (drop) site.problems.push(drop);
  }
  return site;
}
