// Hostile and odd input (issue 16): each case is a fixture (a file in tests/fixtures/hostile/, an environment
// or a previous site) and the exact line `npm run check` and `npm run build` print for it.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { checkSite } from "../src/check-site.ts";
import { removeStaleFolders, runBuild } from "../src/commands/build.ts";
import { characterProblem, firstBadCharacter } from "../src/content/characters.ts";
import { ContentError, formatProblem } from "../src/errors.ts";
import { copyContent, ROOT, writeBulletin } from "./helpers/content-copy.ts";
import { tempDir } from "./helpers/site-build.ts";

const FIXTURES = join(ROOT, "tests/fixtures/hostile");

const OK = `---\ntitle: 测试通报\ndate: 2024-05-06\nregion: 无锡\n---\n\n正文第一段。\n`;

async function linesFor(options: {
  files?: Record<string, string | Uint8Array>;
  env?: NodeJS.ProcessEnv;
  outDir?: string;
  siteYaml?: (text: string) => string;
}) {
  const dir = copyContent({ bulletins: false });
  for (const [path, text] of Object.entries(options.files ?? {})) writeBulletin(dir, path, text);
  if (options.siteYaml)
    writeFileSync(join(dir, "site.yaml"), options.siteYaml(readFileSync(join(dir, "site.yaml"), "utf8")));
  try {
    const site = await checkSite({
      root: dir,
      contentDir: dir,
      mode: "development",
      env: options.env ?? {},
      ...(options.outDir ? { outDir: options.outDir, outName: "_site/" } : {}),
    });
    return site.problems.map(formatProblem);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
}

const fixture = (name: string) => ({ [`2024/${name}`]: readFileSync(join(FIXTURES, name)) });

/** Fixture file → the exact lines check prints for it. */
const FIXTURE_CASES: Record<string, string[]> = {
  "nested-list.md": [
    "bulletins/2024/nested-list.md:58: body: lists or quotes are nested deeper than Markdown allows here (100 levels: about 48 levels of list, 100 of quote); this line and everything after it would be cut from the page — flatten the nesting",
  ],
  "nested-quote.md": [
    "bulletins/2024/nested-quote.md:9: body: lists or quotes are nested deeper than Markdown allows here (100 levels: about 48 levels of list, 100 of quote); this line and everything after it would be cut from the page — flatten the nesting",
  ],
  "bidi-title.md": [
    'bulletins/2024/bidi-title.md:2: title: contains the invisible direction control U+202E, which makes text show in another order than it is written (e.g. "gnp.exe" shown as "exe.png"); remove it (character 3)',
  ],
  "control-title.md": [
    "bulletins/2024/control-title.md:2: title: contains the control character U+001B, which is not text; remove it (character 3)",
  ],
  "nul-body.md": [
    "bulletins/2024/nul-body.md:7: body: contains the control character U+0000, which is not text; remove it (column 4)",
  ],
  "invisible-title.md": [
    "bulletins/2024/invisible-title.md:2: title: has no visible characters (only spaces or zero-width characters)",
  ],
  "beyond-plane-2.md": [
    "bulletins/2024/beyond-plane-2.md:9: body: contains U+30EDE, beyond the characters the site supports (up to U+2FFFF); replace it (column 3)",
  ],
  "surrogate-title.md": [
    "bulletins/2024/surrogate-title.md:2: title: contains a broken character (U+D800, half of a UTF-16 surrogate pair); retype that character (character 3)",
  ],
  "alias-bomb.md": [
    "bulletins/2024/alias-bomb.md:6: front matter: YAML aliases (*name) expand to too much (Excessive alias count indicates a resource exhaustion attack); write the values out",
  ],
  "updated-before-date.md": [
    "bulletins/2024/updated-before-date.md:5: updated: 2024-05-01 00:00 is before the bulletin's date, 2024-05-06 00:00; updated is when it last changed after publication",
  ],
  "offset-15.md": [
    'bulletins/2024/offset-15.md:3: date: "2024-05-06 09:30 +15:00" has the offset +15:00; offsets run from -12:00 to +14:00',
  ],
  "year-1900.md": [
    'bulletins/2024/year-1900.md:3: date: "1900-05-06" is in the year 1900; dates must lie between 1990 and 2099',
  ],
  "too-many-tags.md": ["bulletins/2024/too-many-tags.md:5: tags: must list at most 30 entries"],
  "surrogate-bytes.md": [
    "bulletins/2024/surrogate-bytes.md:7: file: file is UTF-8 except for the bytes ED A0 80, which are not a character; retype the text around them",
  ],
  "foreign-image.md": [
    'bulletins/2024/foreign-image.md:9: body: the image "http://example.com/photo.jpg" is on another site, which the site\'s Content-Security-Policy blocks (readers would see a broken image); save it into content/images/ and write ![…](/content/images/<file>)',
  ],
};

describe("check refuses hostile content with one exact line each", () => {
  it("has a case for every fixture file", () => {
    assert.deepEqual(readdirSync(FIXTURES).sort(), Object.keys(FIXTURE_CASES).sort());
  });
  for (const [name, expected] of Object.entries(FIXTURE_CASES)) {
    it(name, async () => {
      assert.deepEqual(await linesFor({ files: { ...fixture(name), "2024/ok.md": OK } }), expected);
    });
  }

  it("reports files below bulletins/ that would be skipped: x.MD, other files, symbolic links", async () => {
    const outside = join(tempDir("outside"), "elsewhere.md");
    writeFileSync(outside, OK);
    const dir = copyContent({ bulletins: false });
    writeBulletin(dir, "2024/ok.md", OK);
    writeBulletin(dir, "2024/upper.MD", OK);
    writeBulletin(dir, "2024/notes.txt", "备忘");
    writeBulletin(dir, "2024/.draft.md.swp", "editor swap file");
    symlinkSync(outside, join(dir, "bulletins/2024/linked.md"));
    const site = await checkSite({ root: dir, contentDir: dir, mode: "development", env: {} });
    assert.deepEqual(site.problems.map(formatProblem), [
      "bulletins/2024/linked.md: file: symbolic links are not followed (one could publish a file from outside content/); put the file itself here",
      "bulletins/2024/notes.txt: file: not read: only .md files belong in content/bulletins/; move it elsewhere (images go in content/images/)",
      "bulletins/2024/upper.MD: file: not read: a bulletin's file name must end in .md (lower case); rename it",
    ]);
  });

  it("shows invisible characters in messages as <U+…>", async () => {
    const lines = await linesFor({ files: { "2024/x.md": OK.replace("region: 无锡", "region: 无\u200b锡") } });
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^bulletins\/2024\/x\.md:4: region: unknown region "无<U\+200B>锡"/);
  });

  it("refuses exactly the code points the pattern finds, over all of Unicode", () => {
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (Boolean(characterProblem(cp)) !== Boolean(firstBadCharacter(String.fromCodePoint(cp))))
        assert.fail(`U+${cp.toString(16)} disagrees`);
    }
  });
});

describe("check refuses lead images that are not safe raster pictures", () => {
  it("names the bulletin, the image line and what is wrong: SVG, not an image, truncated", async () => {
    const dir = copyContent({ bulletins: false });
    mkdirSync(join(dir, "pictures"));
    for (const name of readdirSync(join(ROOT, "tests/fixtures/images")))
      copyFileSync(join(ROOT, "tests/fixtures/images", name), join(dir, "pictures", name));
    const withImage = (name: string) =>
      OK.replace("region: 无锡", `region: 无锡\nimage: pictures/${name}\nimage_alt: 图`);
    writeBulletin(dir, "2024/svg.md", withImage("script.svg"));
    writeBulletin(dir, "2024/text.md", withImage("not-an-image.png"));
    writeBulletin(dir, "2024/cut.md", withImage("truncated.png"));
    const site = await checkSite({ root: dir, contentDir: dir, mode: "development", env: {} });
    const lines = site.problems.map(formatProblem).sort();
    assert.equal(lines.length, 3, lines.join("\n"));
    assert.match(
      lines[0]!,
      /^bulletins\/2024\/cut\.md:5: image: pictures\/truncated\.png cannot be decoded \(.+\); export the picture again$/,
    );
    assert.equal(
      lines[1],
      "bulletins/2024/svg.md:5: image: pictures/script.svg is an SVG drawing; lead images must be JPEG, PNG, WebP or GIF pictures (an SVG can carry scripts)",
    );
    assert.equal(
      lines[2],
      "bulletins/2024/text.md:5: image: pictures/not-an-image.png is not an image; use a JPEG, PNG, WebP or GIF picture",
    );
  });
});

describe("check refuses bad environment values and settings, naming the variable or the line", () => {
  const cases: Array<[string, NodeJS.ProcessEnv, string]> = [
    [
      "SITE_URL javascript:",
      { SITE_URL: "javascript:alert(1)" },
      'environment: SITE_URL: "javascript:alert(1)" is not an http(s) address; write the site\'s origin, like https://fanzha.example.org',
    ],
    [
      "SITE_URL not a URL",
      { SITE_URL: "not a url" },
      'environment: SITE_URL: "not a url" is not a URL; write the site\'s origin, like https://fanzha.example.org',
    ],
    [
      "SITE_URL with a path",
      { SITE_URL: "https://example.org/x?y" },
      'environment: SITE_URL: "https://example.org/x?y" must be an origin only (scheme and host, no path, query or password), like https://fanzha.example.org; put a sub-path in PATH_PREFIX',
    ],
    [
      "PATH_PREFIX ../../",
      { PATH_PREFIX: "../../" },
      `environment: PATH_PREFIX: "../../" is not a safe path prefix: each part between slashes must be letters, digits, '-', '_', '.' or '~' (and not '..'), like /fanzha/`,
    ],
    [
      "PATH_PREFIX with a space",
      { PATH_PREFIX: "/a b/" },
      `environment: PATH_PREFIX: "/a b/" is not a safe path prefix: each part between slashes must be letters, digits, '-', '_', '.' or '~' (and not '..'), like /fanzha/`,
    ],
    [
      "PATH_PREFIX with markup",
      { PATH_PREFIX: '/x">/' },
      `environment: PATH_PREFIX: "/x">/" is not a safe path prefix: each part between slashes must be letters, digits, '-', '_', '.' or '~' (and not '..'), like /fanzha/`,
    ],
    [
      "SOURCE_DATE_EPOCH abc",
      { SOURCE_DATE_EPOCH: "abc" },
      'environment: SOURCE_DATE_EPOCH: "abc" is not a time: write whole seconds since 1970-01-01 UTC, like 1700000000 (`date +%s`)',
    ],
  ];
  for (const [name, env, expected] of cases) {
    it(name, async () => {
      assert.deepEqual(await linesFor({ files: { "2024/ok.md": OK }, env }), [expected]);
    });
  }

  it("url in site.yaml, at its line", async () => {
    const lines = await linesFor({
      files: { "2024/ok.md": OK },
      siteYaml: (t) => t.replace(/^url: .*$/m, "url: javascript:alert(1)"),
    });
    assert.equal(lines.length, 1);
    assert.match(
      lines[0]!,
      /site\.yaml:4: url: "javascript:alert\(1\)" is not an http\(s\) address; write the site's origin, like https:\/\/fanzha\.example\.org$/,
    );
  });

  it("npm run check exits 1 and prints the line, in text and --json", () => {
    const dir = copyContent({ bulletins: false });
    writeBulletin(dir, "2024/ok.md", OK);
    writeBulletin(dir, "2024/bomb.md", readFileSync(join(FIXTURES, "alias-bomb.md")));
    const run = (args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "src/commands/check.ts"), "--content", dir, ...args], {
        encoding: "utf8",
        env: { ...process.env, SOURCE_DATE_EPOCH: "abc" },
      });
    const text = run([]);
    assert.equal(text.status, 1);
    assert.ok(text.stderr.includes('environment: SOURCE_DATE_EPOCH: "abc" is not a time'), text.stderr);
    assert.ok(text.stderr.includes("bulletins/2024/bomb.md:6: front matter: YAML aliases"), text.stderr);
    assert.ok(!/\n\s+at /.test(text.stderr), `a stack trace: ${text.stderr}`);
    const json = run(["--json"]);
    assert.equal(json.status, 1);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; problems: Array<{ field: string }> };
    assert.deepEqual(parsed.problems.map((p) => p.field).sort(), ["SOURCE_DATE_EPOCH", "front matter"]);
  });
});

/** A built site of `count` bulletin pages, as far as the guard looks. */
function previousSite(count: number): string {
  const out = join(tempDir("previous"), "_site");
  for (let i = 0; i < count; i++) mkdirSync(join(out, "bulletins/2024/05", `b${i}`), { recursive: true });
  writeFileSync(join(out, "index.html"), "previous site");
  return out;
}

describe("a build never publishes far fewer bulletins than the site it replaces", () => {
  const bulletins = (n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [`2024/b${i}.md`, OK.replace("title: 测试通报", `title: 测试通报${i}`)]),
    );

  it("refuses a build that publishes none (SOURCE_DATE_EPOCH=0), with the reason and the override", async () => {
    assert.deepEqual(
      await linesFor({ files: bulletins(3), env: { SOURCE_DATE_EPOCH: "0" }, outDir: previousSite(3) }),
      [
        "_site: bulletins: this build would publish no bulletins where _site/ has 3: 0 drafts are left out, and 3 bulletins are dated after the build's time, 1970-01-01 08:00 (SOURCE_DATE_EPOCH or the clock); if that is intended, build with `npm run build -- --allow-drop`",
      ],
    );
  });

  it("refuses publishing none even without a previous site (a fresh CI checkout)", async () => {
    const lines = await linesFor({
      files: bulletins(2),
      env: { SOURCE_DATE_EPOCH: "0" },
      outDir: join(tempDir("none"), "_site"),
    });
    assert.match(
      lines[0] ?? "",
      /^_site: bulletins: this build would publish no bulletins: 0 drafts are left out, and 2 bulletins are dated after/,
    );
  });

  it("refuses a drop beyond maxDropPercent, allows one within it or with --allow-drop", async () => {
    const env = { SOURCE_DATE_EPOCH: "1795000000" };
    assert.deepEqual(await linesFor({ files: bulletins(8), env, outDir: previousSite(10) }), [
      "_site: bulletins: this build would publish 8 bulletins, 2 fewer than the 10 in _site/ (more than maxDropPercent: 10 in site.yaml allows): 0 drafts are left out, and 0 bulletins are dated after the build's time, 2026-11-18 19:06 (SOURCE_DATE_EPOCH or the clock); if that is intended, build with `npm run build -- --allow-drop`, or raise maxDropPercent",
    ]);
    assert.deepEqual(await linesFor({ files: bulletins(9), env, outDir: previousSite(10) }), []);
    assert.deepEqual(
      await linesFor({
        files: bulletins(8),
        env,
        outDir: previousSite(10),
        siteYaml: (t) => `${t}maxDropPercent: 25\n`,
      }),
      [],
    );
  });

  it("leaves the previous site whole when it refuses, and publishes with allowDrop", async () => {
    const out = previousSite(40);
    await assert.rejects(
      runBuild({ root: ROOT, outDir: out, search: false, env: { SOURCE_DATE_EPOCH: "0" } }),
      (error: unknown) => {
        assert.ok(error instanceof ContentError);
        assert.match(
          error.message,
          /^\S*_site: bulletins: this build would publish no bulletins where \S*_site\/ has 40: /,
        );
        return true;
      },
    );
    assert.equal(readFileSync(join(out, "index.html"), "utf8"), "previous site");
    assert.deepEqual(readdirSync(join(out, "..")), ["_site"]);
    const result = await runBuild({
      root: ROOT,
      outDir: out,
      search: false,
      allowDrop: true,
      env: { SOURCE_DATE_EPOCH: "0" },
    });
    assert.equal(result.bulletins, 0);
    assert.ok(!existsSync(join(out, "bulletins/2024/05/b0")));
  });
});

describe("stale folders of killed builds", () => {
  it("are removed at the next build's start, read-only ones too", () => {
    const parent = tempDir("stale");
    const out = join(parent, "_site");
    mkdirSync(join(parent, "_site.tmp-999999999/bulletins"), { recursive: true });
    mkdirSync(join(parent, "_site.old-999999998/css"), { recursive: true });
    writeFileSync(join(parent, "_site.old-999999998/css/a.css"), "x");
    chmodSync(join(parent, "_site.old-999999998/css"), 0o555);
    mkdirSync(join(parent, `_site.tmp-${process.ppid}`)); // a build that is still running keeps its folder
    mkdirSync(join(parent, "_site.tmp-notes"));
    removeStaleFolders(out);
    assert.deepEqual(readdirSync(parent).sort(), [`_site.tmp-${process.ppid}`, "_site.tmp-notes"].sort());
    assert.ok(!existsSync(join(parent, "_site.old-999999998")));
  });
});
