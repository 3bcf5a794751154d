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

/** runBuild of this repository, with BUILD_ENV under the caller's env. */
export async function buildWith(options: Omit<BuildOptions, "root"> & { outDir: string }): Promise<BuildResult> {
  return runBuild({ root: ROOT, ...options, env: { ...BUILD_ENV, ...options.env } });
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
      return { dir, prefix, siteUrl: BUILD_ENV.SITE_URL!, result };
    })();
    memo.set(prefix, site);
  }
  return site;
}
