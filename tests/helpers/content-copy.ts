// A throwaway copy of the sample content folder, for tests that add broken or extra bulletins.
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export function copyContent(options: { bulletins?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "fanzha-content-"));
  cpSync(join(ROOT, "content"), dir, {
    recursive: true,
    filter: (src) => options.bulletins !== false || !src.includes(`${join("content", "bulletins")}`),
  });
  mkdirSync(join(dir, "bulletins"), { recursive: true });
  return dir;
}

export function writeBulletin(contentDir: string, relPath: string, text: string | Uint8Array): string {
  const file = join(contentDir, "bulletins", relPath);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}
