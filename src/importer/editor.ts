// What `npm run new` and `npm run import` share: loading the site's settings and registries from a content
// directory, validating a bulletin with the very loader `npm run check` uses before it is written, and turning
// every failure into a CommandError whose lines are printed as they are.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { DateTime } from "luxon";
import type { Problem } from "../model.ts";
import { loadBulletin, type LoadContext } from "../content/load-bulletins.ts";
import { loadRegistries } from "../registries/index.ts";
import { loadSettings } from "../settings.ts";
import { CommandError, formatProblem } from "../errors.ts";

export interface EditorContext extends LoadContext {
  contentDir: string;
}

export function loadEditorContext(contentDir: string): EditorContext {
  const dir = resolve(contentDir);
  if (!existsSync(join(dir, "site.yaml")))
    throw new CommandError([`${contentDir}: not a content folder (it has no site.yaml); pass --content <dir>`]);
  const { settings, problems } = loadSettings(dir);
  const loaded = loadRegistries(dir);
  const all = [...problems, ...loaded.problems];
  if (!settings || all.length)
    throw new CommandError(all.length ? all.map(formatProblem) : [`${dir}: cannot read the site settings`]);
  return {
    contentDir: dir,
    // Messages name files relative to the repository, i.e. the folder holding content/.
    root: dirname(dir),
    settings,
    registries: loaded.registries,
    now: DateTime.now().setZone(settings.timeZone),
  };
}

/** The problems `npm run check` would report for `text` saved at `path`. */
export function problemsBeforeWrite(path: string, text: string, ctx: EditorContext): Problem[] {
  return loadBulletin(path, Buffer.from(text, "utf8"), ctx).problems;
}

/** The options `new` and `import` share: what the bulletin says, and where the content folder is. */
export const BULLETIN_OPTIONS = {
  title: { type: "string" },
  region: { type: "string" },
  campaign: { type: "string", multiple: true },
  date: { type: "string" },
  slug: { type: "string" },
  content: { type: "string", default: "content" },
} as const;

/** What the shared options mean where both commands mean the same; each command describes the rest. */
export const BULLETIN_HELP = {
  campaign: ["NAME", "campaign key or name; repeat or separate with commas"],
  content: ["DIR", "content folder"],
  slug: ["SLUG", "URL name, a-z 0-9 and '-' (default: the title in pinyin)"],
} as const;

/** A list flag given repeated (--campaign a --campaign b) or comma-separated (--campaign a,b or 天网，心盾). */
export function listOption(values: readonly string[] | undefined): string[] | undefined {
  const items = (values ?? [])
    .flatMap((v) => v.split(/[,，、]/u))
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}
