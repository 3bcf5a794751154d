// Writes a synthetic content folder: bulletins streamed to disk one by one (100,000 never sit in memory at once),
// plus the repository's registries and site settings, so that the folder builds like the real content/.
import { cp, mkdir, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateArticle } from "./article.ts";

export interface CorpusOptions {
  articles: number;
  seed: number;
  /** The content folder to write (created when missing). */
  dir: string;
  /** Content folder whose registries and settings are copied; default the repository's `content/`. */
  template?: string;
}

const REPO_CONTENT = fileURLToPath(new URL("../content/", import.meta.url));
/** Files written at once: enough to keep the disk busy, few enough to bound memory. */
const IN_FLIGHT = 64;

/** Everything of the template folder but its bulletins: registries, site.yaml and whatever else lives there. */
async function copySettings(template: string, dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(template);
  } catch {
    return; // no template folder: the generated bulletins alone
  }
  for (const name of entries) {
    if (name === "bulletins") continue;
    await cp(join(template, name), join(dir, name), { recursive: true });
  }
}

export async function generateCorpus(opts: CorpusOptions): Promise<{ files: number }> {
  if (!Number.isInteger(opts.articles) || opts.articles < 0)
    throw new Error(`articles: expected a whole number ≥ 0, got ${opts.articles}`);
  await mkdir(opts.dir, { recursive: true });
  await copySettings(opts.template ?? REPO_CONTENT, opts.dir);
  const madeDirs = new Set<string>();
  const pending = new Set<Promise<void>>();
  for (let i = 0; i < opts.articles; i++) {
    const article = generateArticle(opts.seed, i);
    const path = join(opts.dir, article.path);
    const folder = dirname(path);
    if (!madeDirs.has(folder)) {
      await mkdir(folder, { recursive: true });
      madeDirs.add(folder);
    }
    const write: Promise<void> = writeFile(path, article.text).then(() => void pending.delete(write));
    pending.add(write);
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
  }
  await Promise.all(pending);
  return { files: opts.articles };
}
