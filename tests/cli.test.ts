// Every command answers --help with its usage, each option it takes and one example, and exits 0 without doing
// anything; an option it does not take is an error.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { commandLine, helpText } from "../src/commands/cli.ts";
import { ROOT } from "./helpers/site-build.ts";

const run = promisify(execFile);
const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  new: ["--title", "--region", "--campaign", "--types", "--date", "--slug", "--content"],
  import: ["--date", "--region", "--campaign", "--title", "--slug", "--to", "--dry-run", "--content"],
  check: ["--json", "--content", "--allow-drop"],
  build: ["--allow-drop", "--progress", "--no-progress"],
  bench: ["--articles", "--seed", "--keep", "--json", "--skip-search", "--content"],
  cms: ["--backend-port"],
};
const scripts = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> })
  .scripts;

/** The TypeScript file an npm script runs. */
function entry(name: string): string {
  const file = scripts[name]?.split(/\s+/).find((word) => word.endsWith(".ts"));
  assert.ok(file, `npm run ${name} runs no .ts file`);
  return file;
}

describe("--help", () => {
  test("lists every option with its value, default and text, then one example", () => {
    const text = helpText(
      commandLine({
        usage: "npm run x -- [options]",
        about: "Does x.",
        options: {
          count: { type: "string", default: "3" },
          names: { type: "string", multiple: true },
          dry: { type: "boolean" },
        },
        help: { count: ["N", "how many"], names: ["NAME", "whom"], dry: "only say what" },
        example: "npm run x -- --count 2",
      }),
    );
    assert.equal(
      text,
      [
        "usage: npm run x -- [options]",
        "",
        "Does x.",
        "",
        "options:",
        "  --count N       how many (default 3)",
        "  --names NAME …  whom",
        "  --dry           only say what",
        "  --help          show this help",
        "",
        "example:",
        "  npm run x -- --count 2",
        "",
      ].join("\n"),
    );
  });

  for (const [name, options] of Object.entries(COMMANDS)) {
    test(`npm run ${name} -- --help prints its options and an example, and does nothing else`, async () => {
      const { stdout } = await run(process.execPath, ["--import", "tsx", entry(name), "--help"], {
        cwd: ROOT,
        encoding: "utf8",
      });
      assert.match(stdout, new RegExp(`^usage: npm run ${name}\\b`));
      for (const option of [...options, "--help"])
        assert.match(stdout, new RegExp(`^  ${option}\\b`, "m"), `${name}: ${option} is not described`);
      const described = [...stdout.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]);
      assert.deepEqual(
        described.sort(),
        [...options, "--help"].sort(),
        `${name}: the help describes other options than the command takes`,
      );
      assert.match(stdout, new RegExp(`\\nexample:\\n  (\\S+=\\S+ )*npm run ${name}\\b`));
    });
  }

  test("an option a command does not take is an error", async () => {
    await assert.rejects(
      run(process.execPath, ["--import", "tsx", entry("check"), "--jsno"], { cwd: ROOT, encoding: "utf8" }),
      (error: { code?: number; stderr?: string }) => {
        assert.equal(error.code, 1);
        assert.match(error.stderr ?? "", /Unknown option '--jsno'/);
        return true;
      },
    );
  });
});

test("the bench runs node with the build's own flags, so it measures the build as editors run it", () => {
  const nodeFlags = (name: string): string[] =>
    scripts[name]!.split(/\s+/).filter((word) => word.startsWith("--max-") || word === "--import");
  assert.ok(
    nodeFlags("build").some((flag) => flag.startsWith("--max-semi-space-size=")),
    scripts.build,
  );
  assert.deepEqual(nodeFlags("bench"), nodeFlags("build"));
});
