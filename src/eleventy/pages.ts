// Registers every template in layouts/pages/ as a page. Page templates live beside the layouts, not in
// content/, because content/ belongs to editors and holds only bulletins, registries and settings.
//
// Eleventy 3.1 does not cache compiled Nunjucks page templates: a paginated template is compiled again for
// each of its pages (at 10,000 bulletins that was two thirds of the render time). So each page is registered
// as its front matter plus a one-line include, and the body is served by a Nunjucks loader, whose compiled
// templates Nunjucks caches: every body is compiled once per build.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { RunState } from "./site-eleventy.ts";

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*\r?\n/;
/** A page paginating the run's batch (see batches.ts) is rendered by every run; any other by the final one. */
const PER_BATCH = /^\s+data:\s*batch\./m;
/** Names of the in-memory page bodies; a prefix no file under layouts/ can have. */
const BODY_PREFIX = "fz-page-body:";

interface NunjucksLoader {
  cache: Record<string, unknown>;
  /** Read by Eleventy's watcher to drop a changed file's compiled template; bodies are read afresh instead. */
  pathsToNames: Record<string, string>;
  getSource(name: string): { src: string; path: string; noCache: boolean } | null;
}

/** A page's body: its file with blank lines in place of the front matter, so Nunjucks' line numbers are the file's. */
function pageBody(file: string): { front: string; body: string } {
  const text = readFileSync(file, "utf8");
  const front = FRONT_MATTER.exec(text)?.[0] ?? "";
  return { front, body: "\n".repeat(front.split("\n").length - 1) + text.slice(front.length) };
}

export function pagesPlugin(eleventyConfig: UserConfig, site: RunState): void {
  const dir = join(site.root, "layouts/pages");
  // A page's front matter is registered when Eleventy is configured, so the dev server configures it again
  // when a page changes. Its watcher matches changed files as `./`-paths from the working directory.
  eleventyConfig.addWatchTarget(`./${relative(process.cwd(), dir)}`, { resetConfig: true });
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".njk")) continue;
    const file = join(entry.parentPath, entry.name);
    const name = `${BODY_PREFIX}pages/${relative(dir, file).split("\\").join("/")}`;
    const { front } = pageBody(file);
    if (!site.final && !PER_BATCH.test(front)) continue;
    files.set(name, file);
    eleventyConfig.addTemplate(name.slice(BODY_PREFIX.length), `${front}{% include "${name}" %}`, {});
  }
  // A fresh loader with every Nunjucks environment (Eleventy makes one per build): each body is read and
  // compiled once a build, so the dev server renders a page's latest body even when Eleventy did not
  // configure itself again (it does not when the page changed during another rebuild).
  eleventyConfig.on("eleventy.engine.njk", ({ environment }: { environment: { loaders: NunjucksLoader[] } }) => {
    environment.loaders.unshift({
      cache: {},
      pathsToNames: {},
      getSource: (name) => {
        const file = files.get(name);
        return file ? { src: pageBody(file).body, path: file, noCache: false } : null;
      },
    });
  });
}
