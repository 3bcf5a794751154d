// The editor's browser script (src/cms/admin.ts) bundled for /admin/ at build time, with the slugify and
// script conversion it shares with the commands: one copy of each, no generated file in the repository.
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

let bundled: Promise<string> | undefined;

/** The minified script; bundled once per process (it depends on src/, not on content). */
export function adminScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [fileURLToPath(new URL("./admin.ts", import.meta.url))],
    bundle: true,
    write: false,
    format: "iife",
    minify: true,
    target: "es2020",
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}
