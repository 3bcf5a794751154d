import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { countHan, generateArticle, HANT_SHARE, MAX_HAN, MIN_HAN } from "../bench/article.ts";
import { generateCorpus } from "../bench/corpus.ts";
import { rssBytes, TreeSampler } from "../bench/memory.ts";
import { mulberry32 } from "../bench/random.ts";
import { CAMPAIGNS, CITIES_BY_PROVINCE, FRAUD_TYPES } from "../bench/vocabulary.ts";
import { formatReport, parseBenchArgs, runBench } from "../bench/bench.ts";
import { hugoBulletin, writeHugoSite } from "../bench/hugo.ts";
import { loadRegistries } from "../src/registries/index.ts";
import { detectScript, toHant } from "../src/text/script.ts";
import { fileContents } from "./helpers/files.ts";

const CONTENT = fileURLToPath(new URL("../content", import.meta.url));
const { regions } = loadRegistries(CONTENT).registries;

function split(text: string): { front: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  assert.ok(m, "front matter fences");
  return { front: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]! };
}

test("mulberry32 is deterministic and spread over [0, 1)", () => {
  const a = mulberry32(42);
  const b = mulberry32(42);
  const xs = Array.from({ length: 1000 }, () => a.next());
  assert.deepEqual(
    xs,
    Array.from({ length: 1000 }, () => b.next()),
  );
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  assert.ok(mean > 0.45 && mean < 0.55, `mean ${mean}`);
  assert.notDeepEqual(xs.slice(0, 5), Array.from({ length: 5 }, mulberry32(43).next));
});

test("countHan counts Han characters only", () => {
  assert.equal(countHan("无锡 wuxi 2024年，無錫！"), 5);
});

test("a corpus is the same for a seed and different for another", async () => {
  const root = mkdtempSync(join(tmpdir(), "bench-corpus-"));
  try {
    for (const [name, seed] of [
      ["a", 7],
      ["b", 7],
      ["c", 8],
    ] as const) {
      assert.deepEqual(await generateCorpus({ articles: 30, seed, dir: join(root, name) }), { files: 30 });
    }
    const a = fileContents(join(root, "a"));
    assert.deepEqual(fileContents(join(root, "b")), a);
    assert.notDeepEqual(fileContents(join(root, "c")), a);
    // A complete content folder: the repository's settings and registries come along.
    assert.ok(
      a.has("site.yaml") && a.has(join("registries", "regions.yaml")),
      [...a.keys()].filter((k) => !k.startsWith("bulletins")).join(", "),
    );
    assert.equal([...a.keys()].filter((k) => k.startsWith("bulletins/")).length, 30);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("every bulletin has the required shape", () => {
  const campaignKeys = new Set(Object.keys(CAMPAIGNS));
  const typeKeys = new Set(Object.keys(FRAUD_TYPES));
  const slugs = new Set<string>();
  let hant = 0;
  const n = 400;
  for (let i = 0; i < n; i++) {
    const article = generateArticle(3, i);
    const { front, body } = split(article.text);
    const where = `${article.path}`;
    assert.equal(typeof front.title, "string", where);
    assert.ok((front.title as string).length <= 120, where);
    const date = String(front.date);
    assert.match(date, /^20(19|2[0-6])-\d\d-\d\d \d\d:\d\d$/, where);
    assert.ok(date <= "2026-11-20 23:59", `${where}: ${date}`);
    assert.ok(article.path.startsWith(`bulletins/${date.slice(0, 4)}/`) && article.path.endsWith(".md"), where);
    const slug = article.path.slice(article.path.lastIndexOf("/") + 1, -3);
    assert.match(slug, /^[a-z0-9-]{1,80}$/);
    assert.ok(!slugs.has(slug), `duplicate slug ${slug}`);
    slugs.add(slug);
    const campaigns = front.campaign === undefined ? [] : ([] as string[]).concat(front.campaign as string | string[]);
    for (const c of campaigns) assert.ok(campaignKeys.has(c), `${where}: campaign ${c}`);
    assert.ok((front.types as string[]).length >= 1 && (front.types as string[]).every((t) => typeKeys.has(t)), where);
    const city = regions.resolve(String(front.region));
    assert.equal(city?.level, "city", `${where}: region ${String(front.region)}`);

    const han = countHan(body);
    assert.ok(han >= MIN_HAN && han <= MAX_HAN, `${where}: ${han} Han characters`);
    const sections = body.match(/^## \S/gm)?.length ?? 0;
    assert.ok(sections >= 2 && sections <= 4, `${where}: ${sections} sections`);
    assert.equal(front.lang ?? "zh-Hans", article.lang, where);
    assert.equal(detectScript(body), article.lang, `${where}: body script`);
    if (article.lang === "zh-Hant") hant++;
  }
  const share = hant / n;
  assert.ok(Math.abs(share - HANT_SHARE) < 0.06, `zh-Hant share ${share}`);
});

test("the cities resolve to their provinces, in both scripts", () => {
  for (const [province, cities] of Object.entries(CITIES_BY_PROVINCE)) {
    for (const city of cities) {
      const node = regions.resolve(city);
      assert.equal(node?.level, "city", city);
      assert.equal(regions.resolve(toHant(city)), node, toHant(city));
      assert.equal(regions.path(node!.key)[0]?.shortName, province, city);
    }
  }
  assert.ok(Object.keys(CITIES_BY_PROVINCE).length >= 15);
  assert.ok(Object.values(CITIES_BY_PROVINCE).flat().length >= 60);
});

test("the tree sampler counts a child process", async () => {
  const sampler = new TreeSampler(process.pid);
  const child = spawn(process.execPath, [
    "-e",
    "const b = Buffer.alloc(64 * 2 ** 20, 1); setTimeout(() => b.length, 1500)",
  ]);
  let exited = false;
  const exit = new Promise((resolve) => child.on("exit", () => resolve((exited = true))));
  // Sampled until the child exits: on a loaded machine it may take long to reach its size.
  while (!exited) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (!exited) sampler.sample();
  }
  await exit;
  const result = sampler.result(0);
  assert.ok(result.descendantsSeen >= 1, JSON.stringify(result));
  assert.ok(result.peakTreeRssBytes > (rssBytes(process.pid) ?? 0), JSON.stringify(result));
  assert.ok(result.descendantsHwmBytes >= 64 * 2 ** 20, JSON.stringify(result));
});

test("bench arguments are checked", () => {
  assert.deepEqual(parseBenchArgs(["--articles", "50"]), {
    articles: 50,
    seed: 1,
    keep: false,
    json: false,
    skipSearch: false,
  });
  assert.equal(parseBenchArgs(["--articles", "50", "--content", "/tmp/c"]).content, "/tmp/c");
  assert.throws(() => parseBenchArgs(["--articles", "ten"]), /--articles: expected a whole number, got ten/);
  assert.throws(() => parseBenchArgs([]), /--articles/);
});

test("a 50-bulletin bench runs the whole production build", async () => {
  const report = await runBench({ articles: 50, seed: 5 });
  assert.equal(report.bulletins, 50);
  assert.ok(report.pages > report.bulletins, `${report.pages} pages`);
  for (const phase of ["load", "related", "render", "search", "other"] as const)
    assert.ok(report.phasesMs[phase] >= 0, phase);
  assert.ok(report.phasesMs.search > 0, "the search index was built");
  assert.ok(report.memory.peakTreeRssBytes > 0 && report.memory.samples >= 1, JSON.stringify(report.memory));
  for (const phase of ["load", "related", "render", "search"])
    assert.ok(report.memory.phasePeakBytes[phase]! > 0, `peak of ${phase}`);
  // Each phase's CPU time is taken over its own interval, so search (which overlaps rendering) has some too.
  assert.ok(
    report.memory.phaseCpuMs.render! > 0 && report.memory.phaseCpuMs.search! > 0,
    JSON.stringify(report.memory.phaseCpuMs),
  );
  assert.ok(report.memory.cpuMs >= report.memory.phaseCpuMs.render!, JSON.stringify(report.memory));
  // The search worker's own thread: part of the process's CPU, not all of it.
  assert.ok(
    report.searchThreadCpuMs! > 0 && report.searchThreadCpuMs! < report.memory.cpuMs,
    `${report.searchThreadCpuMs} of ${report.memory.cpuMs} ms`,
  );
  assert.equal(report.dir, undefined);
  const table = formatReport(report);
  for (const label of [
    "bulletins",
    "pages written",
    "load and validate",
    "related headlines",
    "render and write",
    "search index",
    "on its worker thread",
    "build total",
    "peak RSS",
  ]) {
    assert.ok(table.includes(label), label);
  }
});

test("a bench builds a kept run's corpus again without generating one", async () => {
  const dir = mkdtempSync(join(tmpdir(), "fz-bench-reuse-"));
  try {
    const content = join(dir, "content");
    await generateCorpus({ articles: 12, seed: 3, dir: content });
    const before = fileContents(content);
    const report = await runBench({ articles: 12, content, skipSearch: true });
    assert.equal(report.bulletins, 12);
    assert.equal(report.generateMs, 0);
    assert.deepEqual(fileContents(content), before, "the corpus is read, not regenerated");
    await assert.rejects(
      runBench({ articles: 12, content: dir }),
      /--content .*fz-bench-reuse-.*: no site\.yaml there/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the Hugo comparison site holds every bulletin with its taxonomies, dated in the site's zone", async () => {
  const dir = mkdtempSync(join(tmpdir(), "fz-bench-hugo-"));
  try {
    const content = join(dir, "content");
    await generateCorpus({ articles: 8, seed: 5, dir: content });
    assert.equal(writeHugoSite(content, join(dir, "site"), { cardinalityThreshold: 10 }), 8);
    const written = fileContents(join(dir, "site", "content"));
    const originals = fileContents(join(content, "bulletins"));
    assert.equal(written.size, 8);
    const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    const utf8 = (base64: string | undefined) => Buffer.from(base64 ?? "", "base64").toString("utf8");
    for (const [path, text] of originals) {
      const name = path.replace(/^.*\//, "");
      const source = split(utf8(text));
      const hugo = split(utf8(written.get(`bulletins/${name}`)));
      assert.equal(hugo.body, source.body, name);
      const date = /^(\d{4}-\d{2})-(\d{2}) (\d{2}:\d{2})$/.exec(String(source.front.date))!;
      assert.equal(hugo.front.date, `${date[1]}-${date[2]}T${date[3]}:00+08:00`, name);
      assert.deepEqual(hugo.front.months, [date[1]], name);
      assert.deepEqual(hugo.front.regions, [source.front.region], name);
      assert.deepEqual(hugo.front.campaigns, list(source.front.campaign), name);
      assert.deepEqual(hugo.front.types, list(source.front.types), name);
      assert.deepEqual(hugo.front.tags, list(source.front.tags), name);
      assert.equal(hugo.front.title, source.front.title, name);
    }
    const config = parseYaml(readFileSync(join(dir, "site", "config.yaml"), "utf8")) as {
      related: { indices: Array<{ name: string; cardinalityThreshold?: number }> };
    };
    assert.deepEqual(
      config.related.indices.map((i) => [i.name, i.cardinalityThreshold]),
      [
        ["campaigns", 10],
        ["regions", 10],
        ["types", 10],
        ["tags", 10],
      ],
    );
    assert.throws(
      () => hugoBulletin("x.md", "---\ntitle: t\ndate: 2024-13-02\n---\nbody", "Asia/Shanghai"),
      /x\.md: date "2024-13-02"/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("bench:hugo without Hugo installed says so in one line and exits with 1", async () => {
  const dir = mkdtempSync(join(tmpdir(), "fz-bench-nohugo-"));
  try {
    const content = join(dir, "content");
    await generateCorpus({ articles: 2, seed: 5, dir: content });
    // A PATH that holds node alone, so that `hugo` cannot be found whatever this machine has.
    const bin = join(dir, "bin");
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, "node"));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "bench/hugo.ts", "--content", content, "--work", join(dir, "hugo")],
      {
        cwd: fileURLToPath(new URL("..", import.meta.url)),
        env: { ...process.env, PATH: bin },
      },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => child.on("close", resolve));
    assert.equal(code, 1, stderr);
    assert.match(stderr, /^bench:hugo: hugo is not installed \(Hugo: apt-get install -y hugo\)$/m);
    assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
