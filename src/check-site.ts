// Everything `npm run build` relies on, checked in one place: `npm run check` and the build both call this,
// so check fails on every input the build would refuse, with the same lines.
import { resolve } from "node:path";
import type { Bulletin, Problem } from "./model.ts";
import type { Site, LoadSiteOptions } from "./site.ts";
import { loadSiteInParallel } from "./site.ts";
import { decodeProblem } from "./images.ts";
import { dropProblem, publishedCount } from "./publish-guard.ts";

export interface CheckSiteOptions extends LoadSiteOptions {
  /** The site this build would replace; its bulletin count guards against publishing far fewer. */
  outDir?: string;
  /** How `outDir` is named in messages. */
  outName?: string;
  allowDrop?: boolean;
}

export async function checkSite(options: CheckSiteOptions): Promise<Site> {
  const site = await loadSiteInParallel(options);
  site.problems.push(...(await imageProblems(site.all, options.root)));
  if (!options.allowDrop && options.outDir && !site.problems.length) {
    const drop = dropProblem(site, publishedCount(options.outDir), options.outName ?? `${options.outDir}/`);
    if (drop) site.problems.push(drop);
  }
  return site;
}

/** Lead images that pass the header check but do not decode (truncated, corrupt), each file decoded once. */
async function imageProblems(bulletins: readonly Bulletin[], root: string): Promise<Problem[]> {
  const decoded = new Map<string, Promise<string | undefined>>();
  const problems: Problem[] = [];
  for (const b of bulletins) {
    if (!b.image) continue;
    const file = resolve(root, b.image.src.replace(/^\/+/, ""));
    if (!decoded.has(file)) decoded.set(file, decodeProblem(file));
    const problem = await decoded.get(file);
    if (problem)
      problems.push({ file: b.sourcePath, line: b.image.line, field: "image", message: `${b.image.src} ${problem}` });
  }
  return problems;
}
