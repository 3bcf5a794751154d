// Pagefind's browser runtime (pagefind.js and its WebAssembly; search.js runs it without its worker) from the
// installed `pagefind` package.
// The runtime ships inside the Pagefind binary only, so it is copied out once per installed version, by
// writing a one-page index with the binary into a cache folder; builds then copy it from there and never
// start the binary.
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PAGEFIND_VERSION } from "./pagefind-format.ts";
import { SEARCH_LANGUAGE } from "../../public/js/search-text.js";

export const RUNTIME_FILES = ["pagefind.js", "wasm.unknown.pagefind"] as const;

/** The package exports no package.json: found above its entry point. */
function findPackageJson(): string {
  let dir = dirname(fileURLToPath(import.meta.resolve("pagefind")));
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("search: no package.json above the pagefind package's entry point");
    dir = up;
  }
  return join(dir, "package.json");
}

const packageJson = findPackageJson();

export async function installedPagefindVersion(): Promise<string> {
  return (JSON.parse(await readFile(packageJson, "utf8")) as { version: string }).version;
}

/** Fails, naming what to update, unless the installed Pagefind is the one the bundle writer targets. */
export async function checkPagefindVersion(): Promise<void> {
  const installed = await installedPagefindVersion();
  if (installed === PAGEFIND_VERSION) return;
  throw new Error(
    `search: the installed pagefind is ${installed}, but src/search/pagefind-format.ts writes Pagefind ${PAGEFIND_VERSION}'s ` +
      `bundle format. Pin "pagefind": "${PAGEFIND_VERSION}" in package.json, or check the format against the new runtime ` +
      'and update PAGEFIND_VERSION (README, "Upgrading Pagefind").',
  );
}

function cacheDir(): string {
  return join(dirname(dirname(packageJson)), ".cache", `fanzha-pagefind-runtime-${PAGEFIND_VERSION}`);
}

async function present(dir: string): Promise<boolean> {
  const found = await Promise.all(
    RUNTIME_FILES.map((f) =>
      stat(join(dir, f)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.every(Boolean);
}

async function extract(target: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), "fanzha-pagefind-runtime-"));
  try {
    const pagefind = await import("pagefind");
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`search: pagefind createIndex failed: ${errors.join("; ")}`);
    const added = await index.addCustomRecord({ url: "/", content: "runtime", language: SEARCH_LANGUAGE });
    if (added.errors.length) throw new Error(`search: pagefind addCustomRecord failed: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(work, "bundle") });
    if (written.errors.length) throw new Error(`search: pagefind writeFiles failed: ${written.errors.join("; ")}`);
    await pagefind.close();
    await mkdir(join(work, "runtime"));
    for (const f of RUNTIME_FILES) await cp(join(work, "bundle", f), join(work, "runtime", f));
    await mkdir(dirname(target), { recursive: true });
    // Renamed into place whole, so that a build running alongside never copies half a runtime.
    await rename(join(work, "runtime"), target).catch(async (e: unknown) => {
      if (!(await present(target))) throw e;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Copies the runtime files into the bundle folder. */
export async function copyRuntime(bundleDir: string): Promise<void> {
  await checkPagefindVersion();
  const dir = cacheDir();
  if (!(await present(dir))) await extract(dir);
  await Promise.all(RUNTIME_FILES.map((f) => cp(join(dir, f), join(bundleDir, f))));
}
