// Registers every template in layouts/pages/ as a page. Page templates live beside the layouts, not in
// content/, because content/ belongs to editors and holds only bulletins, registries and settings.
//
// Eleventy 3.1 compiles a paginated Nunjucks page again for each of its pages: its body and its permalink.
// So each page is registered as a JavaScript template carrying the file's front matter, whose body and
// permalink are rendered from a Nunjucks loader of our own, whose compiled templates Nunjucks caches: each is
// compiled once per build, however many pages a template paginates.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { CORE_SCHEMA, load } from "js-yaml";
import type { RunState } from "./site-eleventy.ts";

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n/;
/** Names of the in-memory page bodies and permalinks; prefixes no file under layouts/ can have. */
const BODY_PREFIX = "fz-page-body:";
const PERMALINK_PREFIX = "fz-page-permalink:";

interface NunjucksEnvironment {
  loaders: NunjucksLoader[];
  render(name: string, context: object): string;
  render(name: string, context: object, done: (error: Error | null, output: string) => void): void;
}

/**
 * A body may call an asynchronous shortcode (leadImage), so it renders with a callback. The page comes back
 * flat: Nunjucks builds it as a rope of a thousand small strings, and Eleventy keeps a batch's pages until it
 * writes them, by which time the pieces are scattered over the heap: flattening them then cost 3.6 s of 10,000
 * bulletins' render and each kept rope held its pieces (docs/performance.md); now it costs almost nothing.
 */
function renderAsync(env: NunjucksEnvironment, name: string, context: object): Promise<string> {
  return new Promise((resolve, reject) =>
    env.render(name, context, (error, output) => (error ? reject(error) : resolve(flat(output)))),
  );
}

/** The string, flat in memory: converting it to a number makes V8 join a rope's pieces (the result is unused). */
function flat(text: string): string {
  Number(text);
  return text;
}

interface NunjucksLoader {
  cache: Record<string, unknown>;
  /** Read by Eleventy's watcher to drop a changed file's compiled template; bodies are read afresh instead. */
  pathsToNames: Record<string, string>;
  getSource(name: string): { src: string; path: string; noCache: boolean } | null;
}

interface PageFile {
  /** The front matter as data, and the permalink's own Nunjucks source when it has to be rendered per page. */
  data: Record<string, unknown>;
  permalink?: string;
  /** The body, with blank lines in place of the front matter, so Nunjucks' line numbers are the file's. */
  body: string;
}

function readPage(file: string): PageFile {
  const text = readFileSync(file, "utf8");
  const front = FRONT_MATTER.exec(text);
  const data = (front ? load(front[1]!, { schema: CORE_SCHEMA, filename: file }) : {}) as Record<string, unknown>;
  const frontText = front?.[0] ?? "";
  const body = "\n".repeat(frontText.split("\n").length - 1) + text.slice(frontText.length);
  const { permalink } = data;
  if (typeof permalink === "string" && /{{|{%/.test(permalink)) {
    delete data.permalink;
    return { data, permalink, body };
  }
  return { data, body };
}

/** Whether a page paginates the run's batch (see batches.ts): those render in every run, the others in the final one. */
function perBatch(data: Record<string, unknown>): boolean {
  const pagination = data.pagination as { data?: unknown } | undefined;
  return typeof pagination?.data === "string" && pagination.data.startsWith("batch.");
}

export function pagesPlugin(eleventyConfig: UserConfig, site: RunState): void {
  const dir = join(site.root, "layouts/pages");
  // A page's front matter is registered when Eleventy is configured, so the dev server configures it again
  // when a page changes. Its watcher matches changed files as `./`-paths from the working directory.
  eleventyConfig.addWatchTarget(`./${relative(process.cwd(), dir)}`, { resetConfig: true });
  const files = new Map<string, string>();
  let env: NunjucksEnvironment | undefined;
  const nunjucks = (): NunjucksEnvironment => {
    if (!env) throw new Error("pages render before Eleventy made its Nunjucks environment");
    return env;
  };
  // Eleventy makes its Nunjucks environment, with the site's filters and shortcodes, only for a Nunjucks
  // template: this one, never written, asks for it in every run.
  eleventyConfig.addTemplate("pages/nunjucks-environment.njk", "", {
    permalink: false,
    eleventyExcludeFromCollections: true,
  });
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".njk")) continue;
    const file = join(entry.parentPath, entry.name);
    const name = `pages/${relative(dir, file).split("\\").join("/")}`;
    const page = readPage(file);
    if (!site.final && !perBatch(page.data)) continue;
    files.set(name, file);
    const data: Record<string, unknown> = { ...page.data };
    if (page.permalink !== undefined) {
      data.permalink = (pageData: object) => nunjucks().render(PERMALINK_PREFIX + name, pageData);
    }
    eleventyConfig.addTemplate(name.replace(/\.njk$/, ".11ty.js"), {
      data,
      render: (pageData: object) => renderAsync(nunjucks(), BODY_PREFIX + name, pageData),
    });
  }
  // A fresh loader with every Nunjucks environment (Eleventy makes one per build): each body is read and
  // compiled once a build, so the dev server renders a page's latest body even when Eleventy did not
  // configure itself again (it does not when the page changed during another rebuild).
  eleventyConfig.on("eleventy.engine.njk", ({ environment }: { environment: NunjucksEnvironment }) => {
    env = environment;
    environment.loaders.unshift({
      cache: {},
      pathsToNames: {},
      getSource: (source) => {
        const body = source.startsWith(BODY_PREFIX);
        if (!body && !source.startsWith(PERMALINK_PREFIX)) return null;
        const file = files.get(source.slice((body ? BODY_PREFIX : PERMALINK_PREFIX).length));
        if (!file) return null;
        const page = readPage(file);
        return { src: body ? page.body : (page.permalink ?? ""), path: file, noCache: false };
      },
    });
  });
}
