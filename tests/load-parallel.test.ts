import { strict as assert } from "node:assert";
import { join } from "node:path";
import { describe, it } from "node:test";
import { DateTime } from "luxon";
import type { Bulletin } from "../src/model.ts";
import { formatProblem } from "../src/errors.ts";
import {
  listBulletinFiles,
  loadBulletins,
  type LoadContext,
  type LoadedBulletins,
} from "../src/content/load-bulletins.ts";
import { fromWire, loadBulletinsInParallel, toWire } from "../src/content/load-parallel.ts";
import { loadSite } from "../src/site.ts";
import { copyContent, ROOT, writeBulletin } from "./helpers/content-copy.ts";

/** A bulletin with its dates spelt out, so that two loads of one file compare equal whichever thread made them. */
function plain(b: Bulletin): unknown {
  const when = (d: DateTime | undefined) => d && `${d.toISO()} ${d.zoneName}`;
  return { ...b, date: when(b.date), updated: when(b.updated) };
}

/** Asserts that two loads hold the same bulletins, made of the same registry entries, and the same problems. */
function assertSameLoad(actual: LoadedBulletins, expected: LoadedBulletins): void {
  assert.deepEqual(actual.problems.map(formatProblem), expected.problems.map(formatProblem));
  assert.deepEqual(actual.bulletins.map(plain), expected.bulletins.map(plain));
  actual.bulletins.forEach((b, i) => {
    const e = expected.bulletins[i]!;
    assert.ok(b.region === e.region && b.province === e.province && b.city === e.city, `${b.sourcePath}: region`);
    assert.ok(
      b.regionPath.every((node, j) => node === e.regionPath[j]),
      `${b.sourcePath}: region path`,
    );
    assert.ok(b.campaigns.every((c, j) => c === e.campaigns[j]) && b.types.every((t, j) => t === e.types[j]));
    assert.deepEqual(Object.keys(b), Object.keys(e), `${b.sourcePath}: the model's key order`);
  });
}

/** The sample content plus files that fail, in a copy: its files and a load context as the build makes it. */
function sampleWithProblems(): { dir: string; files: string[]; ctx: LoadContext } {
  const dir = copyContent();
  writeBulletin(dir, "2024/bad-region.md", "---\ntitle: 测试\ndate: 2024-05-06\nregion: 火星\n---\n\n正文。\n");
  writeBulletin(dir, "2024/bad-date.md", "---\ntitle: 测试\nregion: 无锡\ndate: 2024-13-06\n---\n\n正文。\n");
  // Two files claiming one URL: the second in the files' order is refused, at its slug's line.
  writeBulletin(
    dir,
    "2024/a-first.md",
    "---\ntitle: 甲\ndate: 2024-05-06\nregion: 无锡\nslug: same-url\n---\n\n正文。\n",
  );
  writeBulletin(
    dir,
    "2024/b-second.md",
    "---\ntitle: 乙\ndate: 2024-05-07\nregion: 无锡\n\nslug: same-url\n---\n\n正文。\n",
  );
  const site = loadSite({ root: dir, contentDir: dir, mode: "development" });
  const ctx = { root: dir, settings: site.settings, registries: site.registries, now: site.now };
  return { dir, files: listBulletinFiles(join(dir, "bulletins")).files, ctx };
}

describe("loading on several threads", () => {
  it("carries every sample bulletin across threads and back unchanged", () => {
    const site = loadSite({ root: ROOT, mode: "development", env: {} });
    assert.ok(site.all.some((b) => b.updated) && site.all.some((b) => b.image) && site.all.some((b) => b.city));
    for (const b of site.all) {
      const back = fromWire(structuredClone(toWire(b)), site.registries, site.settings.timeZone);
      assertSameLoad({ bulletins: [back], problems: [] }, { bulletins: [b], problems: [] });
    }
  });

  it("loads through worker threads alone what one thread loads, problems and URL clashes included", async () => {
    const { dir, files, ctx } = sampleWithProblems();
    const expected = loadBulletins(files, ctx);
    assert.ok(expected.problems.some((p) => p.field === "slug" && p.file.endsWith("b-second.md") && p.line === 6));
    assert.ok(expected.problems.some((p) => p.field === "region") && expected.problems.some((p) => p.field === "date"));
    const options = { threads: 3, minFilesPerThread: 1, chunk: 3, mainThread: false };
    assertSameLoad(await loadBulletinsInParallel(files, ctx, dir, options), expected);
  });

  it("gives the same load with this thread taking its share beside the workers", async () => {
    const { dir, files, ctx } = sampleWithProblems();
    const options = { threads: 2, minFilesPerThread: 1, chunk: 1 };
    assertSameLoad(await loadBulletinsInParallel(files, ctx, dir, options), loadBulletins(files, ctx));
  });

  it("fails with this thread's own error when a file of its share cannot be read, the workers' end handled", async () => {
    const { dir, files, ctx } = sampleWithProblems();
    const missing = join(dir, "bulletins", "2024", "gone.md");
    // One chunk holds every file, so this thread takes them all and throws before the worker has started.
    await assert.rejects(
      loadBulletinsInParallel([missing, ...files], ctx, dir, { threads: 2, minFilesPerThread: 1, chunk: 1000 }),
      /ENOENT.*gone\.md/,
    );
  });

  it("fails, naming the file, when a worker cannot read one", async () => {
    const { dir, files, ctx } = sampleWithProblems();
    const missing = join(dir, "bulletins", "2024", "gone.md");
    await assert.rejects(
      loadBulletinsInParallel([...files, missing], ctx, dir, { threads: 2, minFilesPerThread: 1, mainThread: false }),
      (error: Error) => error.message.includes("gone.md"),
    );
  });
});
