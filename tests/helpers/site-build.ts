// The sample site, built once per test process (per path prefix) into a temporary folder and shared by the
// gates, the output tests and the browser suite.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild, type BuildOptions, type BuildResult } from "../../src/commands/build.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** One "now" for every build of this process, so two builds of the same commit can be compared byte for byte. */
export const BUILD_ENV: Readonly<Record<string, string>> = {
  SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000)),
  SITE_URL: "https://fanzha.example.org",
};

export interface BuiltSite {
  dir: string;
  /** Path prefix the site was built for, `/` or like `/fanzha/`. */
  prefix: string;
  siteUrl: string;
  /** Whether the Pagefind index was built. */
  search: boolean;
  result: BuildResult;
}

const tempDirs: string[] = [];
process.on("exit", () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the process exits. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `fanzha-${label}-`));
  tempDirs.push(dir);
  return dir;
}

let searchWorks: Promise<boolean> | undefined;

/** The search index is built when the search module is there and loads; otherwise pages are built without it. */
export function searchAvailable(): Promise<boolean> {
  searchWorks ??= (async () => {
    const file = join(ROOT, "src/search/index-search.ts");
    if (!existsSync(file)) return false;
    try {
      await import("../../src/search/index-search.ts");
      return true;
    } catch (error) {
      console.warn(`# search module does not load, building without search: ${String(error)}`);
      return false;
    }
  })();
  return searchWorks;
}

/** runBuild of this repository, with BUILD_ENV under the caller's env. */
export async function buildWith(options: Omit<BuildOptions, "root"> & { outDir: string }): Promise<BuildResult> {
  return runBuild({ root: ROOT, search: await searchAvailable(), ...options, env: { ...BUILD_ENV, ...options.env } });
}

const memo = new Map<string, Promise<BuiltSite>>();

/** The sample site built for `prefix` (default `/`), once per process. */
export function builtSite(prefix = "/"): Promise<BuiltSite> {
  let site = memo.get(prefix);
  if (!site) {
    site = (async () => {
      const dir = join(tempDir("site"), "_site");
      // Explicit even for "/", so a PATH_PREFIX in the test's own environment cannot leak in.
      const result = await buildWith({ outDir: dir, env: { PATH_PREFIX: prefix } });
      return { dir, prefix, siteUrl: BUILD_ENV.SITE_URL!, search: await searchAvailable(), result };
    })();
    memo.set(prefix, site);
  }
  return site;
}
