// `npm run check [--json] [--allow-drop]`: validates all content without building. Every problem of every file
// at once: what `npm run build` would refuse, including a drop in published bulletins against `_site/`.
import { join, resolve } from "node:path";
import type { Problem } from "../model.ts";
import { ContentError, formatProblems, problemCount, sortProblems } from "../errors.ts";
import { checkSite } from "../check-site.ts";
import { commandLine, parseCommandLine, REPO_ROOT } from "./cli.ts";
import { runCommand } from "./run.ts";

const COMMAND_LINE = commandLine({
  usage: "npm run check [-- options]",
  about:
    "Validates all content (drafts and future bulletins too) and the environment without building, and prints every problem as file:line: field: message; exits 1 on any.",
  options: {
    json: { type: "boolean", default: false },
    content: { type: "string" },
    "allow-drop": { type: "boolean", default: false },
  },
  help: {
    json: "print the result as JSON",
    content: ["DIR", "check another content folder (default content)"],
    "allow-drop": "accept publishing far fewer bulletins than the current _site/ holds",
  },
  example: "npm run check -- --json",
});

runCommand(async () => {
  const { values } = parseCommandLine(COMMAND_LINE);
  const root = REPO_ROOT;
  let problems: Problem[];
  let count = 0;
  try {
    // Drafts and future bulletins are checked too: they will be published one day. The published count is
    // compared with the site `npm run build` would replace, which is built from the default content folder.
    const site = await checkSite({
      root,
      mode: "development",
      allowDrop: values["allow-drop"],
      ...(values.content
        ? { contentDir: resolve(values.content) }
        : { outDir: join(root, "_site"), outName: "_site/" }),
    });
    problems = sortProblems(site.problems);
    count = site.all.length;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems = sortProblems(error.problems);
  }
  if (values.json) {
    console.log(JSON.stringify({ ok: problems.length === 0, bulletins: count, problems }, null, 2));
  } else if (problems.length) {
    console.error(formatProblems(problems));
    console.error(`${problemCount(problems.length)} in ${new Set(problems.map((p) => p.file)).size} file(s).`);
  } else {
    console.log(`checked ${count} bulletins: no problems`);
  }
  if (problems.length) process.exitCode = 1;
});
