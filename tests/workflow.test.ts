// The deployment workflow parses, runs the same npm commands as the README tells a person to run, in the
// same order, builds with SITE_URL and PATH_PREFIX from the repository's variables and deploys _site/ to
// GitHub Pages; .ci/run is the strict, executable CI entry point.
import assert from "node:assert/strict";
import { accessSync, constants, readFileSync, readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import { parse } from "yaml";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  id?: string;
}
interface Job {
  needs?: string | string[];
  steps?: Step[];
  environment?: { name?: string } | string;
}
interface Workflow {
  on?: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs?: Record<string, Job>;
}

/** npm commands in shell text, `npm ci` and `npm install` both read as the install step. */
function npmCommands(shell: string): string[] {
  return [...shell.matchAll(/\bnpm (ci|install|i|test|t|run [\w:-]+|start)\b/g)].map((m) => {
    const command = m[1]!;
    if (command === "ci" || command === "install" || command === "i") return "install";
    return command === "t" ? "test" : command;
  });
}

function readmeCodeBlocks(readme: string): string[] {
  return [...readme.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

const workflowText = readFileSync(join(ROOT, ".github/workflows/deploy.yml"), "utf8");
const workflow = parse(workflowText) as Workflow;
const jobs = Object.entries(workflow.jobs ?? {});
const steps = jobs.flatMap(([, job]) => job.steps ?? []);
const workflowCommands = npmCommands(steps.map((s) => s.run ?? "").join("\n"));

describe("deployment workflow", () => {
  test("reads npm commands from shell text", () => {
    assert.deepEqual(npmCommands("npm ci && npm test\nFOO=1 npm run build -- --x\nnpm install x"), [
      "install",
      "test",
      "run build",
      "install",
    ]);
  });

  test("runs on a push to main", () => {
    const push = workflow.on?.push as { branches?: string[] } | undefined;
    assert.ok(push?.branches?.includes("main"), "the workflow does not run on a push to main");
  });

  test("installs, tests and builds in that order, each exactly as the README's code blocks say", () => {
    const readmeCommands = new Set(
      readmeCodeBlocks(readFileSync(join(ROOT, "README.md"), "utf8")).flatMap(npmCommands),
    );
    const order = ["install", "test", "run build"].map((c) => workflowCommands.indexOf(c));
    assert.ok(
      order.every((i) => i >= 0),
      `the workflow runs ${JSON.stringify(workflowCommands)}, not install, test and build`,
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      "the workflow does not install, then test, then build",
    );
    for (const command of workflowCommands) {
      assert.ok(
        readmeCommands.has(command),
        `the workflow runs "npm ${command}", which no code block of README.md shows`,
      );
    }
  });

  test("tests with CI=true, so a missing browser fails the run", () => {
    const testStep = steps.find((s) => s.run !== undefined && npmCommands(s.run).includes("test"));
    assert.ok(testStep);
    assert.ok(testStep.env?.CI === "true" || /\bCI=true\b/.test(testStep.run ?? ""), "npm test runs without CI=true");
    assert.ok(
      steps.some((s) => /apt-get install -y chromium/.test(s.run ?? "")),
      "no step installs Chromium",
    );
    const node = steps.find((s) => s.uses?.startsWith("actions/setup-node@"));
    assert.equal(String(node?.with?.["node-version"]), "20");
  });

  test("builds with SITE_URL and PATH_PREFIX from the repository variables", () => {
    const build = steps.find((s) => s.run !== undefined && npmCommands(s.run).includes("run build"));
    assert.ok(build);
    assert.match(build.env?.SITE_URL ?? "", /\$\{\{\s*vars\.SITE_URL\b/);
    assert.match(build.env?.PATH_PREFIX ?? "", /\$\{\{\s*vars\.PATH_PREFIX\b/);
  });

  test("uploads _site/ and deploys it to GitHub Pages after the build", () => {
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
    assert.equal(upload?.with?.path, "_site");
    const deploy = jobs.find(([, job]) => job.steps?.some((s) => s.uses?.startsWith("actions/deploy-pages@")));
    assert.ok(deploy, "no job uses actions/deploy-pages");
    const [, deployJob] = deploy;
    const uploadJob = jobs.find(([, job]) => job.steps?.includes(upload!))![0];
    assert.ok([deployJob.needs].flat().includes(uploadJob), `the deploy job does not wait for ${uploadJob}`);
    assert.equal(workflow.permissions?.pages, "write");
    assert.equal(workflow.permissions?.["id-token"], "write");
  });
});

describe("npm test", () => {
  test("runs every tests/**/*.test.ts file (Node 20's --test does not expand globs itself)", () => {
    const script =
      (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
        .test ?? "";
    // The shell expands the unquoted patterns; "*" matches within one path segment.
    const patterns = script.split(/\s+/).filter((word) => word.startsWith("tests/") && word.endsWith(".test.ts"));
    const matchers = patterns.map((p) => new RegExp(`^${p.replace(/[.]/g, "\\.").replace(/\*/g, "[^/]*")}$`));
    const files = readdirSync(join(ROOT, "tests"), { recursive: true, encoding: "utf8" })
      .map((f) => `tests/${f.split(sep).join("/")}`)
      .filter((f) => f.endsWith(".test.ts"));
    assert.ok(files.length > 5);
    const missed = files.filter((f) => !matchers.some((m) => m.test(f)));
    assert.deepEqual(missed, [], `npm test ("${script}") does not run these test files`);
  });
});

describe(".ci/run", () => {
  const script = readFileSync(join(ROOT, ".ci/run"), "utf8");

  test("is an executable bash script that stops at the first failure", () => {
    accessSync(join(ROOT, ".ci/run"), constants.X_OK);
    assert.match(script, /^#!\/usr\/bin\/env bash\n/);
    assert.match(script, /^set -euo pipefail$/m);
  });

  test("installs the locked dependencies, Chromium when missing, and runs the tests with CI=true", () => {
    assert.match(script, /^npm ci$/m);
    assert.match(script, /apt-get install -y chromium\b/);
    assert.match(script, /^CI=true npm test$/m);
  });
});
