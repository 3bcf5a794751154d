import { test } from "node:test";
import assert from "node:assert/strict";
import matter from "gray-matter";
import { splitFrontMatter } from "../src/content/front-matter.ts";

/** What gray-matter makes of the whole file: splitFrontMatter hands it only the fenced head. */
function wholeFile(text: string): { matter: string; content: string } {
  return matter(text, { language: "yaml", engines: { yaml: () => ({}) } } as never) as {
    matter: string;
    content: string;
  };
}

test("the body and its first line are what gray-matter splits from the whole file", () => {
  const cases = [
    "---\ntitle: 甲\n---\n正文第一段。\n\n第二段。\n",
    "---\ntitle: 甲\n---",
    "---\ntitle: 甲\n---\n",
    "---\ntitle: 甲\n---   \n正文紧随空格之后。",
    "---\ntitle: 甲\n---\n\n\n正文前有空行。",
    "---\n---\n只有正文。",
    "---\ntitle: 甲\n---x\nregion: 无锡\n---\n一行以 ---x 开头时，gray-matter 在那里分开。",
    "---\ntitle: 甲\n---\n正文里还有\n---\n一条分隔线。",
  ];
  for (const text of cases) {
    const split = splitFrontMatter(text, "content/bulletins/x.md");
    const whole = wholeFile(text);
    assert.equal(split.body, whole.content, JSON.stringify(text));
    const source = whole.matter.replace(/^\n/, "");
    assert.equal(split.bodyLine, (source === "" ? 0 : source.split("\n").length) + 3, JSON.stringify(text));
    assert.deepEqual(split.problems, [], JSON.stringify(text));
  }
});
