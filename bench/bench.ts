// `npm run bench -- --articles N [--seed S] [--keep] [--json] [--skip-search] [--content DIR]`: generates a
// synthetic corpus into a temporary folder (or takes the one a kept run left) and runs the real production
// build on it (every page, related headlines, feeds, sitemaps, search), then prints the bulletins, pages, wall
// and CPU time of each phase and the peak memory of the whole process tree.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./corpus.ts";
import { startTreeSampler, type TreeMemory } from "./memory.ts";
import { runBuild, type BuildResult, type Phase } from "../src/commands/build.ts";
import { commandLine, parseCommandLine } from "../src/commands/cli.ts";
import { runCommand } from "../src/commands/run.ts";
import { PHASE_LABELS } from "../src/commands/progress.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PHASES: readonly Phase[] = ["load", "related", "render", "search", "other"];

export interface BenchOptions {
  articles: number;
  seed?: number;
  /** Keep the generated folder (content and built site) instead of deleting it. */
  keep?: boolean;
  /** Repository whose layouts, settings and registries are built with; default this one. */
  root?: string;
  /** Build without the search index, to measure the other phases where the indexer would not fit. */
  skipSearch?: boolean;
  /** Print each phase as it ends on stderr. */
  progress?: boolean;
  /**
   * Build this corpus, which a kept run generated, instead of generating one: 100,000 bulletins take 1.5 minutes
   * to generate, and their 100,000 new files slow this disk down for minutes after (docs/performance.md).
   */
  content?: string;
}

export interface BenchReport {
  articles: number;
  seed: number;
  skipSearch: boolean;
  /** Bulletins published by the build (drafts and future ones excluded; the corpus has none). */
  bulletins: number;
  pages: number;
  generateMs: number;
  phasesMs: Record<Phase, number>;
  /**
   * CPU of the search worker's own thread (Linux): the search phase's share, where the phase's CPU figure is
   * the whole process's over the worker's span, the render's included.
   */
  searchThreadCpuMs?: number;
  buildMs: number;
  memory: TreeMemory;
  /**
   * Milliseconds to create 2,000 folders with a 20 KB file each, just before the build. This disk has two
   * speeds (about 0.2 s, or 1–7 s for a while after many files were deleted anywhere on it): the render and
   * the search bundle write tens of thousands of files, so compare runs only at the same speed.
   */
  diskProbeMs: number;
  /** 1-minute load average before and after the build: other work on the machine skews the figures. */
  loadAverage: { before: number; after: number };
  machine: { cpus: number; memoryGiB: number; node: string };
  /** The temporary folder, when kept. */
  dir?: string;
}

export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  if (opts.content && !existsSync(join(opts.content, "site.yaml")))
    throw new Error(
      `--content ${opts.content}: no site.yaml there; give <folder>/content, where <folder> is what a --keep run printed after "kept:"`,
    );
  const seed = opts.seed ?? 1;
  const dir = await mkdtemp(join(tmpdir(), "fanzha-bench-"));
  const contentDir = opts.content ? resolve(opts.content) : join(dir, "content");
  try {
    let generateMs = 0;
    if (!opts.content) {
      const t0 = performance.now();
      await generateCorpus({ articles: opts.articles, seed, dir: contentDir });
      generateMs = performance.now() - t0;
      if (opts.progress)
        console.error(`bench: ${opts.articles} bulletins generated in ${seconds(generateMs)} into ${contentDir}`);
    }

    const diskProbeMs = diskProbe(join(dir, "disk-probe"));
    const before = loadavg()[0]!;
    const sampler = await startTreeSampler(50);
    let result: BuildResult;
    let memory: TreeMemory;
    try {
      result = await runBuild({
        root: opts.root ?? REPO_ROOT,
        contentDir,
        outDir: join(dir, "_site"),
        onPhase: (phase, ms) => {
          sampler.phase(phase, ms);
        },
        // Progress on stderr: a long run shows where it is, and where it died if it runs out of memory.
        ...(opts.progress ? { progress: (line: string) => console.error(`bench: ${line}`) } : {}),
        ...(opts.skipSearch ? { search: false } : {}),
      });
    } finally {
      // Stopped on failure too, so the worker thread never keeps the process alive.
      memory = await sampler.stop();
    }
    return {
      articles: opts.articles,
      seed,
      skipSearch: opts.skipSearch ?? false,
      bulletins: result.bulletins,
      pages: result.pages,
      generateMs,
      phasesMs: { ...result.phases },
      ...(result.searchThreadCpuMs === undefined ? {} : { searchThreadCpuMs: result.searchThreadCpuMs }),
      buildMs: result.totalMs,
      memory,
      diskProbeMs,
      loadAverage: { before, after: loadavg()[0]! },
      machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      ...(opts.keep ? { dir } : {}),
    };
  } finally {
    if (!opts.keep) await removeInBackground(dir);
  }
}

function diskProbe(dir: string): number {
  const body = "x".repeat(20_000);
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) {
    mkdirSync(join(dir, String(i)), { recursive: true });
    writeFileSync(join(dir, String(i), "index.html"), body);
  }
  return performance.now() - t0;
}

/**
 * Deleting tens of thousands of files takes minutes on a disk mounted with `discard` (about 2 ms a file here),
 * after the figures are known: on POSIX a detached `rm -rf` does it while the command returns. The disk stays
 * slow to create files for minutes after such a deletion, so a series of runs to compare is made with --keep and
 * its folders deleted after the last one (docs/performance.md, "The disk").
 */
export async function removeInBackground(dir: string): Promise<void> {
  if (process.platform === "win32") return rm(dir, { recursive: true, force: true });
  const child = spawn("rm", ["-rf", dir], { detached: true, stdio: "ignore" });
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  child.unref();
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

export function formatReport(r: BenchReport): string {
  const rows: Array<[string, string]> = [
    ["bulletins", String(r.bulletins)],
    ["pages written", String(r.pages)],
    ...PHASES.filter((p) => !(p === "search" && r.skipSearch)).flatMap((p): Array<[string, string]> => [
      [
        PHASE_LABELS[p],
        `${seconds(r.phasesMs[p]).padStart(9)}   cpu ${seconds(r.memory.phaseCpuMs[p] ?? 0).padStart(9)}   peak ${mib(r.memory.phasePeakBytes[p] ?? 0)}`,
      ],
      // The phase's CPU is the process's over its span; its worker's own share beside it.
      ...(p === "search" && r.searchThreadCpuMs !== undefined
        ? [
            ["  on its worker thread", `${"".padStart(9)}   cpu ${seconds(r.searchThreadCpuMs).padStart(9)}`] as [
              string,
              string,
            ],
          ]
        : []),
    ]),
    [
      "build total",
      `${seconds(r.buildMs).padStart(9)}   cpu ${seconds(r.memory.cpuMs).padStart(9)}${
        // The build indexes search while it renders: phase times then add up to more than the total.
        Object.values(r.phasesMs).reduce((a, b) => a + b, 0) > r.buildMs * 1.02 ? "   (phases overlap)" : ""
      }`,
    ],
    ["peak RSS, process tree", mib(r.memory.peakTreeRssBytes)],
    ["  this process (maxRSS)", mib(r.memory.selfMaxRssBytes)],
    ["  children (sum of peaks)", `${mib(r.memory.descendantsHwmBytes)} over ${r.memory.descendantsSeen} processes`],
    ["corpus generation", `${seconds(r.generateMs)} (not part of the build)`],
    ["disk probe", `${(r.diskProbeMs / 1000).toFixed(2)} s for 2,000 files (about 0.2 s when the disk is fast)`],
    [
      "load average",
      `${r.loadAverage.before.toFixed(2)} before, ${r.loadAverage.after.toFixed(2)} after (${r.machine.cpus} cores)`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  if (r.dir) lines.push(`kept: ${r.dir}`);
  return lines.join("\n");
}

const COMMAND_LINE = commandLine({
  usage: "npm run bench -- --articles N [options]",
  about:
    "Generates N synthetic bulletins in a temporary folder and times the real production build on them, phase by phase, with CPU time and peak memory (figures in docs/performance.md).",
  options: {
    articles: { type: "string" },
    seed: { type: "string" },
    keep: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    "skip-search": { type: "boolean", default: false },
    content: { type: "string" },
  },
  help: {
    articles: ["N", "how many bulletins to generate (required)"],
    seed: ["S", "seed of the generator, for another corpus of the same size (default 1)"],
    keep: "keep the generated content and site, and print where",
    json: "print the report as JSON on stdout (progress stays on stderr)",
    "skip-search": "build without the search index",
    content: ["DIR", "build the content folder a kept run generated (its --articles and --seed) instead of a new one"],
  },
  example: "npm run bench -- --articles 1000 --json",
});

export function parseBenchArgs(argv: string[]): BenchOptions & { json: boolean } {
  const { values } = parseCommandLine(COMMAND_LINE, argv);
  const whole = (name: string, raw: string | undefined, fallback?: number): number => {
    if (raw === undefined && fallback !== undefined) return fallback;
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < 0)
      throw new Error(`--${name}: expected a whole number, got ${raw ?? "nothing"}`);
    return n;
  };
  return {
    articles: whole("articles", values.articles),
    seed: whole("seed", values.seed, 1),
    keep: values.keep,
    json: values.json,
    skipSearch: values["skip-search"],
    ...(values.content ? { content: values.content } : {}),
  };
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  runCommand(async () => {
    const { json, ...opts } = parseBenchArgs(process.argv.slice(2));
    // Eleventy prints its own summary on stdout; with --json, stdout carries the JSON object alone.
    const log = console.log;
    if (json) console.log = (...args: unknown[]) => console.error(...args);
    let report: BenchReport;
    try {
      report = await runBench({ ...opts, progress: true });
    } finally {
      console.log = log;
    }
    console.log(json ? JSON.stringify(report) : formatReport(report));
  });
}
