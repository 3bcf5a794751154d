// `npm run check [--json]`: validates all content without building. Every problem of every file at once.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatProblems, sortProblems } from "../errors.ts";
import { loadSite } from "../site.ts";
import { runCommand } from "./run.ts";

runCommand(async () => {
  const { values } = parseArgs({ options: { json: { type: "boolean", default: false }, content: { type: "string" } } });
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  // Drafts and future bulletins are checked too: they will be published one day.
  const site = loadSite({ root, mode: "development", ...(values.content ? { contentDir: resolve(values.content) } : {}) });
  const problems = sortProblems(site.problems);
  if (values.json) {
    console.log(JSON.stringify({ ok: problems.length === 0, bulletins: site.all.length, problems }, null, 2));
  } else if (problems.length) {
    console.error(formatProblems(problems));
    console.error(`${problems.length} problem${problems.length === 1 ? "" : "s"} in ${new Set(problems.map((p) => p.file)).size} file(s).`);
  } else {
    console.log(`checked ${site.all.length} bulletins: no problems`);
  }
  if (problems.length) process.exitCode = 1;
});
