// A build must never publish less than the editors wrote without saying so: a clock set to 1970, a folder
// deleted by mistake or a bad merge would otherwise swap a nearly empty site in, and `rsync --delete` would
// take the live site down with it. So a production build that publishes none of its bulletins, or far fewer
// than the site it replaces, stops with the reason; `--allow-drop` publishes it anyway.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Problem } from "./model.ts";
import type { Site } from "./site.ts";

export const ALLOW_DROP_FLAG = "--allow-drop";

/** Bulletin pages in a built site: `bulletins/<yyyy>/<mm>/<slug>/`. Undefined when there is no site. */
export function publishedCount(outDir: string): number | undefined {
  const root = join(outDir, "bulletins");
  if (!existsSync(root)) return existsSync(outDir) ? 0 : undefined;
  const dirs = (dir: string) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(dir, e.name));
  let count = 0;
  for (const year of dirs(root)) for (const month of dirs(year)) count += dirs(month).length;
  return count;
}

/**
 * The problem with publishing `site` over a site of `previous` bulletins (undefined: no site yet), if any.
 * @param outName how the output folder is named in the message, e.g. `_site/`
 */
export function dropProblem(
  site: Pick<Site, "all" | "now" | "settings">,
  previous: number | undefined,
  outName: string,
): Problem | undefined {
  const published = site.all.filter((b) => !b.draft && !b.future).length;
  const drafts = site.all.filter((b) => b.draft).length;
  const future = site.all.filter((b) => !b.draft && b.future).length;
  const why = `${drafts} draft${drafts === 1 ? " is" : "s are"} left out, and ${future} bulletin${future === 1 ? " is" : "s are"} dated after the build's time, ${site.now.toFormat("yyyy-MM-dd HH:mm")} (SOURCE_DATE_EPOCH or the clock)`;
  const override = `if that is intended, build with \`npm run build -- ${ALLOW_DROP_FLAG}\``;
  const problem = (message: string): Problem => ({
    file: outName.replace(/\/$/, ""),
    line: 0,
    field: "bulletins",
    message,
  });
  if (published === 0 && (site.all.length > 0 || (previous ?? 0) > 0)) {
    return problem(
      `this build would publish no bulletins${previous ? ` where ${outName} has ${previous}` : ""}: ${why}; ${override}`,
    );
  }
  if (previous === undefined || published >= previous) return undefined;
  const dropped = previous - published;
  const limit = site.settings.maxDropPercent;
  if ((dropped / previous) * 100 <= limit) return undefined;
  return problem(
    `this build would publish ${published} bulletins, ${dropped} fewer than the ${previous} in ${outName} (more than maxDropPercent: ${limit} in site.yaml allows): ${why}; ${override}, or raise maxDropPercent`,
  );
}
