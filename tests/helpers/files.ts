// Folders as tests compare them, and throwaway copies of this repository for tests that edit it.
import { cpSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { listFiles } from "./link-check.ts";
import { ROOT, tempDir } from "./site-build.ts";

/** Every file under `dir` by its relative path, with its bytes (base64), so two folders compare exactly. */
export function fileContents(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path)).toString("base64")]));
}

/** A copy of what the commands read (sources, layouts, assets, content), sharing this repository's node_modules. */
export function repositoryCopy(label: string): string {
  const dir = tempDir(label);
  for (const entry of [".eleventy.ts", "package.json", "tsconfig.json", "src", "layouts", "public", "content"]) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}
