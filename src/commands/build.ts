// `npm run build`: validate, derive, render and index into a temporary folder next to the output, then swap
// it in. A build that fails at any step leaves the last good site untouched.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { computeRelated } from "../related/index.ts";
import { deriveSiteData, type SiteData } from "../site-data.ts";
import { ContentError } from "../errors.ts";
import { checkSite } from "../check-site.ts";
import { siteEleventy } from "../eleventy/site-eleventy.ts";
import { renderError } from "../eleventy/render-error.ts";
import { batchSize, batches } from "../eleventy/batches.ts";
import { headersFile } from "../deploy-headers.ts";
import { commandLine, parseCommandLine, REPO_ROOT } from "./cli.ts";
import { runCommand } from "./run.ts";
import { indexSearchInWorker } from "../search/worker.ts";
import { count, number, progressLine, progressWanted, seconds } from "./progress.ts";

export type Phase = "load" | "related" | "render" | "search" | "other";

export interface BuildOptions {
  root: string;
  /** Defaults to `<root>/content`. */
  contentDir?: string;
  /** Defaults to `<root>/_site`. */
  outDir?: string;
  /** Overrides of SITE_URL, PATH_PREFIX, SOURCE_DATE_EPOCH … for this build only. */
  env?: Record<string, string>;
  /** Skip the search index (tests of pages that do not need it). */
  search?: boolean;
  /**
   * Delete the replaced site in a detached process instead of waiting: on disks mounted with `discard` each
   * deleted file costs milliseconds, and a second build of 10,000 bulletins spent 32 s in that deletion.
   */
  deleteOldInBackground?: boolean;
  onPhase?: (phase: Phase, ms: number) => void;
  /** Publish even when far fewer bulletins than in the current site would be published (src/publish-guard.ts). */
  allowDrop?: boolean;
  /** Receives one line of progress per phase and per render run (see progress.ts). */
  progress?: (line: string) => void;
}

export interface BuildResult {
  bulletins: number;
  pages: number;
  /** Eleventy runs the pages were rendered in (see src/eleventy/batches.ts). */
  renderRuns: number;
  phases: Record<Phase, number>;
  totalMs: number;
  outDir: string;
  /** CPU of the search worker's own thread (Linux; see WorkerSearchStats): the search phase's share. */
  searchThreadCpuMs?: number;
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const root = resolve(options.root);
  const outDir = resolve(options.outDir ?? join(root, "_site"));
  const env = { ...process.env, ...options.env };
  const phases: Record<Phase, number> = { load: 0, related: 0, render: 0, search: 0, other: 0 };
  const report = (phase: Phase, what: string, ms: number) =>
    options.progress?.(progressLine(phase, what, ms, performance.now() - started));
  /** Runs one phase; `done` says what it did, for the progress line. */
  const timed = async <T>(phase: Phase, work: () => T | Promise<T>, done?: (result: T) => string): Promise<T> => {
    const t0 = performance.now();
    let result: T | undefined;
    try {
      return (result = await work());
    } finally {
      const ms = performance.now() - t0;
      phases[phase] += ms;
      options.onPhase?.(phase, ms);
      if (done && result !== undefined) report(phase, done(result), ms);
    }
  };

  const site = await timed(
    "load",
    () =>
      checkSite({
        root,
        mode: "production",
        env,
        outDir,
        outName: `${relative(root, outDir).startsWith("..") ? outDir : relative(root, outDir)}/`,
        allowDrop: options.allowDrop ?? false,
        ...(options.contentDir ? { contentDir: resolve(options.contentDir) } : {}),
      }),
    (s) =>
      `${count(s.bulletins.length, "bulletins")}${s.problems.length ? `, ${count(s.problems.length, "problems")}` : ""}`,
  );
  if (site.problems.length) throw new ContentError(site.problems);
  removeStaleFolders(outDir);
  const tmpDir = `${outDir}.tmp-${process.pid}`;
  rmSync(tmpDir, { recursive: true, force: true });
  // The search bundle is written from the model, not the HTML, on a worker thread while related headlines and
  // pages are computed here: the two take about as long.
  const search = options.search === false ? undefined : indexSearchInWorker(site.bulletins, tmpDir);
  // Its phase is its own span, which overlaps the others: reported as soon as the worker is done.
  const searchStarted = performance.now();
  // Settles with the worker thread's CPU, for the build's result.
  const searched = search?.done.then((stats) => {
    const ms = performance.now() - searchStarted;
    phases.search += ms;
    options.onPhase?.("search", ms);
    const cpu = stats.threadCpuMs === undefined ? "" : ` (${seconds(stats.threadCpuMs)} of CPU on its thread)`;
    report(
      "search",
      `${count(stats.records, "bulletins")} in ${count(stats.chunks, "index chunks")}${cpu}, beside the render`,
      ms,
    );
    return stats.threadCpuMs;
  });
  // A failure is thrown where the build waits for it, after the render; until then it must not count as unhandled.
  searched?.catch(() => undefined);
  try {
    const related = await timed(
      "related",
      () => computeRelated(site.bulletins, { ...site.settings.related, now: site.now }),
      () => count(site.bulletins.length, "bulletins"),
    );
    // Related headlines were the plain texts' last reader (the search worker was given its own copy): at 100,000
    // bulletins they are half a gigabyte that the render would otherwise carry (docs/performance.md).
    for (const b of site.bulletins) b.text = "";
    const data = await timed("other", () => deriveSiteData(site, related));
    const { pages, runs } = await timed(
      "render",
      () => renderSite(root, tmpDir, data, batchSize(env), report),
      (r) => `${count(r.pages, "files")} in ${count(r.runs, r.runs === 1 ? "run" : "runs")}`,
    );
    await timed("other", async () => {
      await searched;
      writeFileSync(join(tmpDir, "_headers"), headersFile(site.settings));
      swapIn(tmpDir, outDir, options.deleteOldInBackground ?? false);
    });
    // Settled above, where the "other" phase waited for it.
    const searchThreadCpuMs = await searched;
    return {
      bulletins: site.bulletins.length,
      pages,
      renderRuns: runs,
      phases,
      totalMs: performance.now() - started,
      outDir,
      ...(searchThreadCpuMs === undefined ? {} : { searchThreadCpuMs }),
    };
  } catch (error) {
    await search?.cancel();
    rmSync(tmpDir, { recursive: true, force: true });
    throw error;
  }
}

async function renderSite(
  root: string,
  outDir: string,
  data: SiteData,
  pagesPerRun: number,
  report: (phase: Phase, what: string, ms: number) => void,
): Promise<{ pages: number; runs: number }> {
  const urls: string[] = [];
  // Batches bound the memory Eleventy holds (see batches.ts); the final one writes the sitemaps of all.
  const runs = batches(data, pagesPerRun);
  const paginated = data.bulletinPages.length + data.listings.length;
  let done = 0;
  for (const [i, batch] of runs.entries()) {
    const t0 = performance.now();
    const eleventy = siteEleventy({ root, data, batch, urls }, outDir);
    // Eleventy's "Wrote N files" would print once a run, on stdout; the build reports its runs itself, and
    // Eleventy's errors reach it as exceptions.
    eleventy.disableLogger();
    await eleventy.write().catch((error: unknown) => {
      throw renderError(error, root) ?? error;
    });
    done += batch.bulletinPages.length + batch.listings.length;
    if (runs.length > 1)
      report(
        "render",
        `run ${i + 1} of ${runs.length}, ${number(done)} of ${count(paginated, "bulletin and listing pages")}`,
        performance.now() - t0,
      );
  }
  return { pages: countPages(outDir), runs: runs.length };
}

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (e) => e.isFile() && /\.(html|xml|json|txt)$/.test(e.name) && !e.parentPath.includes("pagefind"),
  ).length;
}

/** Replaces `outDir` by `tmpDir` with two renames, so a reader of the folder never sees half a site. */
function swapIn(tmpDir: string, outDir: string, background: boolean): void {
  const old = `${outDir}.old-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(tmpDir, outDir);
  if (!existsSync(old)) return;
  // A read-only old site cannot be emptied as it is; what is left is removed by the next build's start.
  if (background && process.platform !== "win32")
    spawn("sh", ["-c", 'chmod -R u+w "$1" 2>/dev/null; rm -rf "$1"', "sh", old], {
      detached: true,
      stdio: "ignore",
    }).unref();
  else removeTree(old);
}

/**
 * Temporary and replaced sites of builds that are no longer running (killed, or whose old site was
 * read-only): `<out>.tmp-<pid>` and `<out>.old-<pid>` beside the output folder.
 */
export function removeStaleFolders(outDir: string): void {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return;
  const pattern = new RegExp(`^${basename(outDir).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(?:tmp|old)-(\\d+)$`);
  for (const name of readdirSync(parent)) {
    const pid = pattern.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) removeTree(join(parent, name));
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** rm -rf, making read-only folders writable first when that is what stands in the way. */
function removeTree(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) chmodSync(join(entry.parentPath, entry.name), 0o755);
    }
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runCommand(async () => {
    const root = REPO_ROOT;
    const { values } = parseCommandLine(
      commandLine({
        usage: "npm run build [-- options]",
        about:
          "Builds the production site into _site/ (search index included); on bad content it prints check's messages and keeps the last good _site/. SITE_URL and PATH_PREFIX in the environment set the address.",
        options: {
          "allow-drop": { type: "boolean", default: false },
          progress: { type: "boolean" },
          "no-progress": { type: "boolean" },
        },
        help: {
          "allow-drop": "publish even if far fewer bulletins than the current _site/ holds (maxDropPercent)",
          progress: "print a line per phase on stderr even when it is not a terminal (or FANZHA_PROGRESS=1)",
          "no-progress": "never print progress lines (or FANZHA_PROGRESS=0)",
        },
        example: "SITE_URL=https://fanzha.example.org PATH_PREFIX=/ npm run build",
      }),
    );
    const flag = values.progress ? true : values["no-progress"] ? false : undefined;
    const progress = progressWanted(flag, process.env, process.stderr.isTTY);
    const result = await runBuild({
      root,
      deleteOldInBackground: true,
      allowDrop: values["allow-drop"],
      ...(progress ? { progress: (line: string) => console.error(line) } : {}),
    });
    const secs = (result.totalMs / 1000).toFixed(1);
    console.log(`built ${result.bulletins} bulletins, ${result.pages} pages into ${result.outDir} in ${secs} s`);
  });
}
