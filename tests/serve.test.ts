// `npm start` as an editor uses it: the dev server follows edits to a bulletin, a page template, a partial and
// a stylesheet; a bad edit shows check's lines in the terminal and in the browser, and the next good save
// recovers; nothing prints a stack trace. Runs src/commands/serve.ts on a throwaway copy of the repository.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { repositoryCopy } from "./helpers/files.ts";

const BULLETIN = "content/bulletins/2022/nanjing-yunjian-2022-zongjie.md";
const BULLETIN_URL = "/bulletins/2022/12/nanjing-yunjian-2022-zongjie/";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, "utf8");
  const after = change(before);
  assert.notEqual(after, before, `the edit of ${file} changes it`);
  writeFileSync(path, after);
}

test("npm start follows every edit, shows bad content as check does, and recovers", { timeout: 180_000 }, async () => {
  const dir = repositoryCopy("serve");
  const port = await freePort();
  const server = spawn(process.execPath, ["--import", "tsx", "src/commands/serve.ts", "--port", String(port)], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const get = async (path: string) => {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { accept: "text/html" } });
      return { status: res.status, text: await res.text() };
    } catch {
      return { status: 0, text: "" };
    }
  };
  /** Polls until the page satisfies `ok`: each edit takes one rebuild, whose length depends on the machine. */
  const waitFor = async (path: string, ok: (page: { status: number; text: string }) => boolean, what: string) => {
    for (let i = 0; i < 240; i++) {
      const page = await get(path);
      if (ok(page)) return page;
      await sleep(250);
    }
    assert.fail(`${what}: not shown at ${path} within 60 s; server output:\n${output}`);
  };
  try {
    await waitFor(BULLETIN_URL, (p) => p.status === 200, "the first build");

    edit(dir, BULLETIN, (t) => t.replace("title: 南京公安", "title: 编辑后的南京公安"));
    await waitFor(BULLETIN_URL, (p) => p.text.includes("<title>编辑后的南京公安"), "a bulletin's new title");

    edit(dir, "layouts/pages/bulletin.njk", (t) =>
      t.replace("{% block content %}", '{% block content %}\n<p id="template-edit">模板已修改</p>'),
    );
    await waitFor(BULLETIN_URL, (p) => p.text.includes('id="template-edit"'), "a page template's edit");

    edit(dir, "layouts/partials/footer.njk", (t) => `${t}\n<p id="partial-edit">页脚已修改</p>\n`);
    await waitFor("/", (p) => p.text.includes('id="partial-edit"'), "a partial's edit");

    edit(dir, "public/css/site.css", (t) => `${t}\n/* stylesheet-edit */\n`);
    await waitFor("/css/site.css", (p) => p.text.includes("stylesheet-edit"), "a stylesheet's edit");

    edit(dir, BULLETIN, (t) => t.replace("region: 南京", "region: 不存在的地方"));
    const line = `${BULLETIN}:4: region: unknown region "不存在的地方"`;
    const error = await waitFor("/", (p) => p.status === 500, "the problems page");
    assert.ok(error.text.includes(line.replaceAll('"', "&quot;")), `the page shows ${line}:\n${error.text}`);
    for (let i = 0; i < 40 && !output.includes(line); i++) await sleep(250);
    assert.ok(output.includes(line), `the terminal shows ${line}:\n${output}`);

    edit(dir, BULLETIN, (t) => t.replace("region: 不存在的地方", "region: 南京"));
    await waitFor(
      BULLETIN_URL,
      (p) => p.status === 200 && p.text.includes("<title>编辑后的南京公安"),
      "the preview after the fix",
    );

    assert.doesNotMatch(output, /TypeError|Unhandled|\n\s+at /, `no stack trace:\n${output}`);
  } finally {
    server.kill("SIGTERM");
  }
});
