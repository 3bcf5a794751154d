// Registers every template in layouts/pages/ as a page. Page templates live beside the layouts, not in
// content/, because content/ belongs to editors and holds only bulletins, registries and settings.
//
// Eleventy 3.1 does not cache compiled Nunjucks page templates: a paginated template is compiled again for
// each of its pages (at 10,000 bulletins that was two thirds of the render time). So each page is registered
// as its front matter plus a one-line include, and the body is served from memory by a Nunjucks loader,
// whose compiled templates Nunjucks caches: every body is compiled once per build.
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
  /** Read by Eleventy's watcher to drop a changed file's compiled template (empty here: see resetConfig below). */
  pathsToNames: Record<string, string>;
  getSource(name: string): { src: string; path: string; noCache: boolean } | null;
}

export function pagesPlugin(eleventyConfig: UserConfig, site: RunState): void {
  const dir = join(site.root, "layouts/pages");
  // Pages are registered when Eleventy is configured, so the dev server configures it again when one changes.
  eleventyConfig.addWatchTarget(dir, { resetConfig: true });
  const bodies = new Map<string, { src: string; path: string }>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".njk")) continue;
    const file = join(entry.parentPath, entry.name);
    const name = `pages/${relative(dir, file).split("\\").join("/")}`;
    const text = readFileSync(file, "utf8");
    const front = FRONT_MATTER.exec(text)?.[0] ?? "";
    if (!site.final && !PER_BATCH.test(front)) continue;
    // Blank lines in place of the front matter keep Nunjucks' line numbers those of the file.
    bodies.set(BODY_PREFIX + name, { src: "\n".repeat(front.split("\n").length - 1) + text.slice(front.length), path: file });
    eleventyConfig.addTemplate(name, `${front}{% include "${BODY_PREFIX}${name}" %}`, {});
  }
  // A fresh cache with every Nunjucks environment (Eleventy makes one per build), as its own loaders have.
  eleventyConfig.on("eleventy.engine.njk", ({ environment }: { environment: { loaders: NunjucksLoader[] } }) => {
    environment.loaders.unshift({
      cache: {},
      pathsToNames: {},
      getSource: (name) => {
        const body = bodies.get(name);
        return body ? { ...body, noCache: false } : null;
      },
    });
  });
}
