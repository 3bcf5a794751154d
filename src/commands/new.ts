// `npm run new -- --title … --region … [options]` (options: --help)
// Writes a draft bulletin with its front matter filled in and a body skeleton, and prints its path.
import { relative } from "node:path";
import { parseContentDate } from "../dates.ts";
import { SLUG_PATTERN } from "../content/schema.ts";
import { bulletinPath, renderBulletin, writeNewFile } from "../importer/bulletin-file.ts";
import { CommandError, formatProblem } from "../errors.ts";
import {
  BULLETIN_HELP,
  BULLETIN_OPTIONS,
  listOption,
  loadEditorContext,
  problemsBeforeWrite,
} from "../importer/editor.ts";
import { commandLine, parseCommandLine } from "./cli.ts";
import { runCommand } from "./run.ts";
import { slugify } from "../importer/slug.ts";
import { detectScript, toHant } from "../text/script.ts";

const COMMAND_LINE = commandLine({
  usage: "npm run new -- --title … --region … [options]",
  about:
    "Writes a new bulletin as a draft (front matter filled in, a body skeleton) and prints its path; never overwrites.",
  positionals: true,
  options: { ...BULLETIN_OPTIONS, types: { type: "string", multiple: true } },
  help: {
    ...BULLETIN_HELP,
    title: ["TEXT", "the headline (required)"],
    region: ["NAME", "region key or name, e.g. wuxi or 无锡 (required)"],
    types: ["NAME", "fraud type key or name; repeat or separate with commas"],
    date: ["DATE", "2023-08-29 or 2023-08-29 09:30 in the site's zone (default: now)"],
  },
  example:
    'npm run new -- --title "无锡警方破获冒充客服退款诈骗案" --region 无锡 --campaign 心盾 --types 冒充电商物流客服',
});
const USAGE = `usage: ${COMMAND_LINE.usage} (see --help)`;

/** The skeleton an editor fills in: lead, one section, and the tips every bulletin ends with. */
function skeleton(hotline: string): string {
  return [
    "（导语：用一两句话交代时间、地点、事件和结果。）",
    "## 小标题",
    "（正文：案情经过、警方做法、数字与成效。）",
    "## 防骗提示",
    [
      "- 凡是要求转账到“安全账户”的，都是诈骗。",
      `- 遇到可疑电话、短信或链接，先挂断、不点击，拨打${hotline}或110核实。`,
    ].join("\n"),
  ].join("\n\n");
}

function main(argv: string[]): void {
  const { values, positionals } = parseCommandLine(COMMAND_LINE, argv);
  if (positionals.length) throw new CommandError([`unexpected argument "${positionals[0]}"; ${USAGE}`]);
  const title = values.title?.trim();
  const region = values.region?.trim();
  const missing = [!title && "--title", !region && "--region"].filter(Boolean);
  if (!title || !region) throw new CommandError([`missing ${missing.join(" and ")}; ${USAGE}`]);

  const ctx = loadEditorContext(values.content);
  const { registries, settings } = ctx;
  const date = values.date?.trim() ?? ctx.now.toFormat("yyyy-MM-dd HH:mm");
  const parsed = parseContentDate(date, settings.timeZone);
  if (!parsed) throw new CommandError([`--date "${date}": must be a date like 2023-08-29 or 2023-08-29 09:30`]);
  const slug = values.slug?.trim() ?? slugify(title);
  if (!SLUG_PATTERN.test(slug)) {
    throw new CommandError([
      values.slug
        ? `--slug "${slug}": must be 1–80 characters of a-z, 0-9 and '-'`
        : "the title gives no ASCII slug; pass --slug",
    ]);
  }
  const lang = detectScript(title);
  // Names are written as keys where they resolve; an unknown one is written as typed so that check names it.
  const text = renderBulletin(
    {
      title,
      date,
      region: registries.regions.resolve(region)?.key ?? region,
      campaign: listOption(values.campaign)?.map((c) => registries.campaigns.resolve(c)?.key ?? c),
      types: listOption(values.types)?.map((t) => registries.types.resolve(t)?.key ?? t),
      lang,
      draft: true,
    },
    lang === "zh-Hant" ? toHant(skeleton(settings.hotline)) : skeleton(settings.hotline),
  );
  const path = bulletinPath(ctx.contentDir, parsed.year, slug);
  const problems = problemsBeforeWrite(path, text, ctx);
  if (problems.length) throw new CommandError(problems.map(formatProblem));
  writeNewFile(path, text);
  process.stdout.write(`${relative(process.cwd(), path)}\n`);
  process.stderr.write("written as a draft: remove `draft: true` when it is ready to publish\n");
}

runCommand(() => main(process.argv.slice(2)));
