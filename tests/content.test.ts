import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import { runBuild } from "../src/commands/build.ts";
import { ContentError, formatProblem } from "../src/errors.ts";
import { loadSite } from "../src/site.ts";
import { copyContent, ROOT, writeBulletin } from "./helpers/content-copy.ts";

const GOOD = `---
title: 测试通报
date: 2024-05-06
region: 无锡
---

正文第一段。
`;

function problemsFor(files: Record<string, string | Uint8Array>) {
  const dir = copyContent({ bulletins: false });
  for (const [path, text] of Object.entries(files)) writeBulletin(dir, path, text);
  const site = loadSite({ root: dir, contentDir: dir, mode: "development" });
  return { site, lines: site.problems.map(formatProblem) };
}

describe("content validation", () => {
  it("accepts a minimal valid bulletin and resolves its region", () => {
    const { site, lines } = problemsFor({ "2024/ok.md": GOOD });
    assert.deepEqual(lines, []);
    const b = site.all[0]!;
    assert.equal(b.url, "/bulletins/2024/05/ok/");
    assert.equal(b.region.key, "wuxi");
    assert.deepEqual(
      b.regionPath.map((r) => r.shortName),
      ["江苏", "无锡"],
    );
    assert.equal(b.summary, "正文第一段。");
  });

  it("reports the four classic mistakes with file and line, all at once", () => {
    const text = `---\ntitel: 错字标题\ndate: 2023-13-45\nregion: 火星\nslug: ../x\n---\n\n正文。\n`;
    const { lines } = problemsFor({ "2023/bad.md": text });
    const file = "bulletins/2023/bad.md";
    assert.ok(lines.includes(`${file}:2: titel: unknown field; did you mean "title"?`), lines.join("\n"));
    assert.ok(lines.includes(`${file}:1: title: required field is missing`), lines.join("\n"));
    assert.ok(
      lines.some((l) => l.startsWith(`${file}:3: date: "2023-13-45" is not a date`)),
      lines.join("\n"),
    );
    assert.ok(
      lines.some((l) => l.startsWith(`${file}:4: region: unknown region "火星"`)),
      lines.join("\n"),
    );
    assert.ok(
      lines.some((l) => l.startsWith(`${file}:5: slug: must be 1–80 characters`)),
      lines.join("\n"),
    );
  });

  it("suggests the nearest registry names for unknown campaigns and fraud types", () => {
    const text = `---\ntitle: t\ndate: 2024-01-01\nregion: 苏州\ncampaign: 心盾行\ntypes:\n  - 刷单反利\n---\n正文。\n`;
    const { lines } = problemsFor({ "2024/x.md": text });
    assert.ok(
      lines.some((l) => /:5: campaign: unknown campaign "心盾行"; did you mean .*心盾/.test(l)),
      lines.join("\n"),
    );
    assert.ok(
      lines.some((l) => /:7: types: unknown fraud type "刷单反利"; did you mean .*刷单返利/.test(l)),
      lines.join("\n"),
    );
  });

  it("refuses non-YAML front matter, malformed YAML, permalinks, empty and non-UTF-8 files", () => {
    const gbk = iconv.encode(
      GOOD.replace("测试通报", "无锡警方提醒谨防刷单返利诈骗，切勿轻信高额回报").repeat(3),
      "gbk",
    );
    const { lines } = problemsFor({
      "2024/js.md": `---js\n{ title: "x" }\n---\nbody`,
      "2024/yaml.md": `---\ntitle: [unclosed\ndate: 2024-01-01\n---\nbody`,
      "2024/perma.md": `---\ntitle: t\ndate: 2024-01-01\nregion: 无锡\npermalink: ../../etc/\n---\nbody`,
      "2024/empty.md": "",
      "2024/gbk.md": gbk,
    });
    const find = (name: string) => lines.filter((l) => l.startsWith(`bulletins/2024/${name}.md:`));
    assert.match(find("js")[0] ?? "", /:1: front matter: only YAML front matter is allowed, not "js"/);
    assert.match(find("yaml")[0] ?? "", /:\d+: front matter: malformed YAML/);
    assert.match(find("perma")[0] ?? "", /:5: permalink: not allowed/);
    assert.equal(find("empty")[0], "bulletins/2024/empty.md:1: file: file is empty");
    assert.match(find("gbk")[0] ?? "", /:1: file: file is not UTF-8 \(it looks like (GB18030|GBK|GB2312)/);
  });

  it("reports two bulletins with one URL, naming the other file", () => {
    const { lines, site } = problemsFor({
      "2024/a.md": GOOD,
      "2024/b.md": GOOD.replace("region: 无锡", "region: 无锡\nslug: a"),
    });
    assert.equal(site.all.length, 1);
    assert.ok(
      lines.some((l) => l.includes("/bulletins/2024/05/a/ is already the URL of bulletins/2024/a.md")),
      lines.join("\n"),
    );
  });

  it("keeps drafts and future bulletins out of production but in development", () => {
    const dir = copyContent({ bulletins: false });
    writeBulletin(dir, "2024/ok.md", GOOD);
    writeBulletin(dir, "2024/draft.md", GOOD.replace("region: 无锡", "region: 无锡\ndraft: true"));
    writeBulletin(dir, "2099/future.md", GOOD.replace("2024-05-06", "2099-01-01"));
    const prod = loadSite({ root: dir, contentDir: dir, mode: "production" });
    const dev = loadSite({ root: dir, contentDir: dir, mode: "development" });
    assert.deepEqual(
      prod.bulletins.map((b) => b.slug),
      ["ok"],
    );
    assert.deepEqual(dev.bulletins.map((b) => b.slug).sort(), ["draft", "future", "ok"]);
  });
});

describe("npm run check", () => {
  it("prints every problem as file:line: field: message and exits 1; --json for machines", () => {
    const dir = copyContent();
    writeBulletin(dir, "2023/bad.md", `---\ntitel: 错字\ndate: 2023-13-45\nregion: 火星\nslug: ../x\n---\n正文\n`);
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/commands/check.ts"), "--content", dir, ...args], {
        encoding: "utf8",
      });
    const text = run([]);
    assert.equal(text.status, 1);
    const lines = text.stderr
      .trim()
      .split("\n")
      .filter((l) => l.includes("bad.md:"));
    assert.equal(lines.length, 5, text.stderr);
    for (const l of lines) assert.match(l, /^\S+bad\.md:\d+: [\w.]+: .+/);
    const json = run(["--json"]);
    assert.equal(json.status, 1);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; problems: Array<{ field: string }> };
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.problems.map((p) => p.field).sort(), ["date", "region", "slug", "titel", "title"]);
  });

  it("is what a failing build prints, word for word, and the build writes nothing", async () => {
    const dir = copyContent();
    writeBulletin(dir, "2023/bad.md", `---\ntitel: 错字\ndate: 2023-13-45\nregion: 火星\nslug: ../x\n---\n正文\n`);
    const check = spawnSync(
      process.execPath,
      ["--import", "tsx", join(ROOT, "src/commands/check.ts"), "--content", dir],
      { encoding: "utf8" },
    );
    const checkLines = check.stderr.trim().split("\n").slice(0, -1).join("\n");
    const outDir = join(dir, "..", `${basename(dir)}-site`);
    await assert.rejects(runBuild({ root: ROOT, contentDir: dir, outDir, search: false }), (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.equal(error.message, checkLines);
      return true;
    });
    assert.ok(!existsSync(outDir));
  });

  it("passes on the sample content", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/commands/check.ts")], {
      encoding: "utf8",
      cwd: ROOT,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /no problems/);
  });
});
