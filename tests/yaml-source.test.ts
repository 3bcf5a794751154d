import { strict as assert } from "node:assert";
import { test } from "node:test";
import { parseYamlLazily, parseYamlWithLines } from "../src/content/yaml-source.ts";

const DOCS = [
  "title: \"标题\"\ndate: 2023-08-29 09:30\nregion: 无锡\ntypes: [shuadan, 520]\ntags:\n  - 宝妈\n  - 0x1F\nsummary: 'it''s'\ndraft: false\n",
  "title: 标题\nupdated: 2023-08-29\nauthors: [~, null, True, .inf, 1e3, 0o17, 017]\n",
  "tags: [0b101, 1_000]\n", // binary numbers: text to `yaml`, numbers to js-yaml
  "tags: &t [a, b]\nauthors: *t\n", // aliases: their expansion is limited by the positioned parse
  "",
];

test("the quick parse gives the same values and lines as the parse with positions", () => {
  for (const doc of DOCS) {
    const slow = parseYamlWithLines(doc, "x.md", 2, 1);
    const quick = parseYamlLazily(doc, "x.md", 2, 1);
    assert.deepEqual(quick.value ?? null, slow.value ?? null, doc);
    assert.deepEqual(quick.problems, slow.problems, doc);
    for (const path of [["title"], ["tags", 1], ["authors"], ["missing"]])
      assert.equal(quick.lineOf(path), slow.lineOf(path), `${doc} ${path}`);
  }
});

test("a document the quick parse refuses gets the positioned parse's problems", () => {
  for (const doc of ["title: a\ntitle: b\n", "title: [unclosed\n", "title: a\n  b: c\n"]) {
    assert.deepEqual(parseYamlLazily(doc, "x.md", 2, 1).problems, parseYamlWithLines(doc, "x.md", 2, 1).problems, doc);
    assert.ok(parseYamlLazily(doc, "x.md", 2, 1).problems.length > 0, doc);
  }
});
