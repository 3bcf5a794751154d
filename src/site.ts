// The front door of the model: settings, registries and bulletins, loaded once per build, with every
// problem found on the way. Eleventy, `check`, the editor commands and the benchmark all start here.
import { join } from "node:path";
import type { Bulletin, Problem, Registries, SiteSettings } from "./model.ts";
import { DateTime } from "luxon";
import { sourceDate } from "./dates.ts";
import { loadSettings } from "./settings.ts";
import { epochProblem } from "./environment.ts";
import { loadRegistries } from "./registries/index.ts";
import {
  listBulletinFiles,
  loadBulletins,
  repoPath,
  type LoadContext,
  type LoadedBulletins,
} from "./content/load-bulletins.ts";
import { loadBulletinsInParallel } from "./content/load-parallel.ts";
import { ContentError } from "./errors.ts";

export type BuildMode = "production" | "development";

export interface Site {
  settings: SiteSettings;
  registries: Registries;
  /** What this mode publishes, newest first: production leaves drafts and future bulletins out. */
  bulletins: Bulletin[];
  /** Every valid bulletin, drafts and future ones included. */
  all: Bulletin[];
  problems: Problem[];
  /** The build's "now": bulletins dated after it are future ones. SOURCE_DATE_EPOCH, or else the clock. */
  now: DateTime;
  /** SOURCE_DATE_EPOCH, when set: what the news sitemap counts its two days back from. */
  fixedNow: DateTime | undefined;
  mode: BuildMode;
}

export interface LoadSiteOptions {
  root: string;
  /** Defaults to `<root>/content`. */
  contentDir?: string;
  mode: BuildMode;
  now?: DateTime;
  env?: NodeJS.ProcessEnv;
}

/** Newest first; ties by URL so that equal dates order the same on every machine. */
export function byDateDesc(a: Bulletin, b: Bulletin): number {
  return b.date.toMillis() - a.date.toMillis() || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);
}

export function loadSite(options: LoadSiteOptions): Site {
  const begun = beginSite(options);
  return finishSite(begun, loadBulletins(begun.files, begun.ctx), options.mode);
}

/** `loadSite` with the bulletins loaded on every core (content/load-parallel.ts): the build and `check`. */
export async function loadSiteInParallel(options: LoadSiteOptions): Promise<Site> {
  const begun = beginSite(options);
  return finishSite(begun, await loadBulletinsInParallel(begun.files, begun.ctx, begun.contentDir), options.mode);
}

type Begun = ReturnType<typeof beginSite>;

/** Everything before the bulletins: settings, registries, the build's "now" and the list of files. */
function beginSite(options: LoadSiteOptions) {
  const contentDir = options.contentDir ?? join(options.root, "content");
  const env = options.env ?? process.env;
  const { settings, problems: settingsProblems } = loadSettings(contentDir, env);
  if (!settings) throw new ContentError(settingsProblems);
  const { registries, problems: registryProblems } = loadRegistries(contentDir);
  const badEpoch = epochProblem(env);
  if (badEpoch) settingsProblems.push(badEpoch);
  const fixedNow = sourceDate(settings.timeZone, env);
  const now = options.now ?? fixedNow ?? DateTime.now().setZone(settings.timeZone);
  const { files, strays } = listBulletinFiles(join(contentDir, "bulletins"));
  const ctx: LoadContext = { root: options.root, settings, registries, now };
  return { contentDir, ctx, fixedNow, files, strays, earlyProblems: [...settingsProblems, ...registryProblems] };
}

function finishSite(begun: Begun, loaded: LoadedBulletins, mode: BuildMode): Site {
  const { ctx, strays } = begun;
  const { bulletins: all, problems } = loaded;
  for (const stray of strays)
    problems.push({ file: repoPath(ctx.root, stray.path), line: 0, field: "file", message: stray.why });
  all.sort(byDateDesc);
  const bulletins = mode === "production" ? all.filter((b) => !b.draft && !b.future) : all;
  return {
    settings: ctx.settings,
    registries: ctx.registries,
    all,
    bulletins,
    problems: [...begun.earlyProblems, ...problems],
    now: ctx.now,
    fixedNow: begun.fixedNow,
    mode,
  };
}
