import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { parse as parseYaml } from "yaml";
import { loadSite } from "../src/site.ts";
import { ROOT, runCommand, tempContent } from "./fixtures/import/cli.ts";

describe("npm run new", () => {
  let temp: ReturnType<typeof tempContent>;
  before(() => {
    temp = tempContent();
  });
  after(() => temp.dispose());

  test("writes a valid draft with front matter and a skeleton, prints its path, refuses to overwrite", () => {
    const args = [
      "--title",
      "无锡警方破获“断卡”案 抓获嫌疑人12名",
      "--region",
      "無錫",
      "--campaign",
      "断卡,天网",
      "--campaign",
      "心盾",
    ];
    const r = runCommand("new", [
      ...args,
      "--types",
      "刷单返利",
      "--date",
      "2024-06-01 09:30",
      "--content",
      temp.content,
    ]);
    assert.equal(r.status, 0, r.stderr);
    const path = resolve(r.stdout.trim());
    assert.equal(
      path,
      join(temp.content, "bulletins/2024/wu-xi-jing-fang-po-huo-duan-ka-an-zhua-huo-xian-yi-ren-12-ming.md"),
    );
    const text = readFileSync(path, "utf8");
    const [, yaml = "", body = ""] = text.split(/^---\n/m);
    const site = loadSite({ root: ROOT, contentDir: temp.content, mode: "development" });
    assert.deepEqual(site.problems, []);
    assert.ok(
      site.all.some((b) => b.sourcePath.endsWith("wu-xi-jing-fang-po-huo-duan-ka-an-zhua-huo-xian-yi-ren-12-ming.md")),
    );
    assert.deepEqual(parseYaml(yaml), {
      title: "无锡警方破获“断卡”案 抓获嫌疑人12名",
      date: "2024-06-01 09:30",
      region: "wuxi",
      campaign: ["duanka", "tianwang", "xindun"],
      types: [site.registries.types.resolve("刷单返利")?.key],
      lang: "zh-Hans",
      draft: true,
    });
    assert.deepEqual(body.match(/^## .*/gm), ["## 小标题", "## 防骗提示"]);
    assert.match(body.trim().split("\n")[0]!, /导语/);
    assert.match(body, /^- .*\n- .*96110/m, "the tips are one tight list with the site's hotline");

    const again = runCommand("new", [...args, "--date", "2024-06-02", "--content", temp.content]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already exists/);
    assert.equal(readFileSync(path, "utf8"), text);
  });

  test("a Traditional title gets a Traditional skeleton and lang zh-Hant; --slug is used as given", () => {
    const r = runCommand("new", [
      "--title",
      "蘇州警方提醒",
      "--region",
      "蘇州",
      "--slug",
      "suzhou-tixing",
      "--date",
      "2024-06-01",
      "--content",
      temp.content,
    ]);
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(join(temp.content, "bulletins/2024/suzhou-tixing.md"), "utf8");
    assert.match(text, /^region: suzhou-js$/m);
    assert.match(text, /^lang: zh-Hant$/m);
    assert.match(text, /## 防騙提示/);
  });

  test("unknown region and campaign: check's messages, nothing written", () => {
    const r = runCommand("new", [
      "--title",
      "测试",
      "--region",
      "无锡X",
      "--campaign",
      "天网X",
      "--date",
      "2024-06-01",
      "--content",
      temp.content,
    ]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^\S*bulletins\/2024\/ce-shi\.md:\d+: region: .*无锡X/m);
    assert.match(r.stderr, /^\S*bulletins\/2024\/ce-shi\.md:\d+: campaign: .*天网X/m);
    assert.equal(existsSync(join(temp.content, "bulletins/2024/ce-shi.md")), false);
  });

  test("missing flags, a bad date or a title without a slug: one clear line each, exit 1", () => {
    const missing = runCommand("new", ["--content", temp.content]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^missing --title and --region; usage: npm run new/);
    const badDate = runCommand("new", [
      "--title",
      "测试",
      "--region",
      "wuxi",
      "--date",
      "29/08/2023",
      "--content",
      temp.content,
    ]);
    assert.equal(badDate.stderr.trim(), '--date "29/08/2023": must be a date like 2023-08-29 or 2023-08-29 09:30');
    const noSlug = runCommand("new", ["--title", "“”", "--region", "wuxi", "--content", temp.content]);
    assert.match(noSlug.stderr, /pass --slug/);
    const unknown = runCommand("new", ["--titel", "x", "--content", temp.content]);
    assert.equal(unknown.status, 1);
    assert.doesNotMatch(unknown.stderr, /\n\s+at /, "no stack trace");
  });
});
