// `npm run import -- <file> [options]` (options: --help)
// Turns pasted or scraped news text into a bulletin; every guess is printed on stderr for the editor to check.
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import type { Script } from "../model.ts";
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
import { importText } from "../importer/import-text.ts";
import { findRegionMentions } from "../registries/index.ts";

const COMMAND_LINE = commandLine({
  usage: "npm run import -- <file> [options]",
  about:
    "Turns pasted or scraped news text (UTF-8 or GBK) into a bulletin and prints its path; every guess (title, region, campaign, date) is printed for you to check.",
  positionals: true,
  options: { ...BULLETIN_OPTIONS, to: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  help: {
    ...BULLETIN_HELP,
    date: ["DATE", "publication date, when the text has none it can find"],
    region: ["NAME", "region key or name, instead of the one guessed from the text"],
    title: ["TEXT", "the headline, instead of the first line"],
    to: ["SCRIPT", "convert the text to zh-Hans or zh-Hant"],
    "dry-run": "print the bulletin instead of writing it",
  },
  example: "npm run import -- ~/Downloads/wuxi-news.txt --date 2023-08-29 --campaign tianwang,xindun --dry-run",
});
const USAGE = `usage: ${COMMAND_LINE.usage} (see --help)`;

function readSource(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new CommandError([`${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? "error"})`]);
  }
}

function toScript(value: string | undefined): Script | undefined {
  if (value === undefined || value === "zh-Hans" || value === "zh-Hant") return value;
  throw new CommandError([`--to "${value}": must be zh-Hans or zh-Hant`]);
}

function main(argv: string[]): void {
  const { values, positionals } = parseCommandLine(COMMAND_LINE, argv);
  if (positionals.length !== 1)
    throw new CommandError([positionals.length ? "import takes one file" : "which file? " + USAGE]);
  const file = positionals[0]!;
  const bytes = readSource(file);
  const ctx = loadEditorContext(values.content);
  const result = importText(
    bytes,
    {
      title: values.title,
      date: values.date,
      region: values.region,
      campaign: listOption(values.campaign),
      slug: values.slug,
      to: toScript(values.to),
    },
    {
      registries: ctx.registries,
      regionMentions: (text) => findRegionMentions(text, ctx.registries.regions),
      timeZone: ctx.settings.timeZone,
    },
  );
  if (!result.ok) throw new CommandError(result.errors.map((e) => `${file}: ${e}`));
  const { value } = result;
  for (const d of value.decisions) process.stderr.write(`${d.field}: ${d.value}  (${d.how})\n`);

  const text = renderBulletin(value.frontMatter, value.body);
  const path = bulletinPath(ctx.contentDir, value.year, value.slug);
  const problems = problemsBeforeWrite(path, text, ctx);
  if (problems.length) throw new CommandError(problems.map(formatProblem));
  const shown = relative(process.cwd(), path);
  if (values["dry-run"]) {
    process.stdout.write(text);
    process.stderr.write(
      `dry run: would write ${shown}${existsSync(path) ? " (but it exists already; pass another --slug)" : ""}\n`,
    );
    return;
  }
  writeNewFile(path, text);
  process.stdout.write(`${shown}\n`);
}

runCommand(() => main(process.argv.slice(2)));
