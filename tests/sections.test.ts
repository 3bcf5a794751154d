import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SECTIONS, section, sectionLink, termPath } from "../src/sections.ts";
import { ROOT } from "./helpers/content-copy.ts";

describe("sections", () => {
  it("declares each section once, with its own path", () => {
    assert.equal(new Set(SECTIONS.map((s) => s.key)).size, SECTIONS.length);
    assert.equal(new Set(SECTIONS.map((s) => s.path)).size, SECTIONS.length);
    for (const s of SECTIONS) assert.match(s.path, /^\/[a-z]+\/$/, s.key);
  });
  it("puts a term below its section", () => {
    assert.equal(termPath("region", "wuxi"), "/regions/wuxi/");
    assert.equal(termPath("archive", "2024", "03"), "/archive/2024/03/");
    assert.equal(section("campaign").termFeeds, true);
  });
  it("links a section under the path prefix", () => {
    assert.deepEqual(sectionLink({ url: "https://example.org", pathPrefix: "/fz/" }, "type"), {
      name: "诈骗类型",
      path: "/types/",
      href: "/fz/types/",
    });
  });
});

// Templates print links the derived data made (src/site-data.ts); one that builds a URL itself would miss the
// path prefix or drift from the sections table.
describe("layouts", () => {
  const dir = join(ROOT, "layouts");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".njk"))
    .map((e) => join(e.parentPath, e.name));
  it("build no URL: every href and src prints a value the data computed", () => {
    assert.ok(files.length > 10, `${files.length} layouts`);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\b(?:href|src|action|data-bundle)="([^"]*)"/g)) {
        const value = m[1]!;
        assert.ok(
          /^(#[a-z]+|tel:[^"]*|\{\{ [\w.[\]()| ]+ \}\})$/.test(value) && !/\|\s*href|~/.test(value),
          `${file}: ${m[0]}`,
        );
      }
    }
  });
});
