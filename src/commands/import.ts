// npm run import -- <file> [--date …] [--region …] [--campaign …] [--title …] [--slug …] [--to zh-Hans|zh-Hant]
//                  [--dry-run] [--content <dir>]
// Turns pasted or scraped news text into a bulletin; every guess is printed on stderr for the editor to check.
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import type { Script } from "../model.ts";
import { bulletinPath, renderBulletin, writeNewFile } from "../importer/bulletin-file.ts";
import { CommandError, formatProblem } from "../errors.ts";
import { BULLETIN_FLAGS, listOption, loadEditorContext, problemsBeforeWrite } from "../importer/editor.ts";
import { runCommand } from "./run.ts";
import { importText } from "../importer/import-text.ts";
import { findRegionMentions } from "../registries/index.ts";

const USAGE =
  "usage: npm run import -- <file> [--date 2023-08-29] [--region wuxi] [--campaign tianwang,xindun] [--title …] [--slug …] [--to zh-Hans|zh-Hant] [--dry-run]";

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
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...BULLETIN_FLAGS, to: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new CommandError([positionals.length ? "import takes one file" : "which file? " + USAGE]);
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
    process.stderr.write(`dry run: would write ${shown}${existsSync(path) ? " (but it exists already; pass another --slug)" : ""}\n`);
    return;
  }
  writeNewFile(path, text);
  process.stdout.write(`${shown}\n`);
}

runCommand(() => main(process.argv.slice(2)));
