// Peak resident memory of this process and every descendant (the Pagefind indexer runs as a child process, and
// it is often the largest). A worker thread samples /proc every ~50 ms: a timer on the main thread would not
// fire while the build runs long synchronous stretches, which is exactly when memory peaks.
import { readdirSync, readFileSync } from "node:fs";
import { statCpuMs } from "../src/thread-cpu.ts";
import { typeScriptWorker } from "../src/ts-worker.ts";

export interface TreeMemory {
  /** Highest sum of VmRSS over the process tree seen in one sample. */
  peakTreeRssBytes: number;
  /** Processes in the tree at that peak sample (this one included). */
  processesAtPeak: number;
  samples: number;
  /** Distinct descendant processes seen while sampling. */
  descendantsSeen: number;
  /**
   * Sum of each descendant's own peak (VmHWM) as last seen: an upper bound for the children's share that also
   * catches a child's peak between two samples.
   */
  descendantsHwmBytes: number;
  /** This process's own peak RSS over its whole life (getrusage, via process.resourceUsage()). */
  selfMaxRssBytes: number;
  /** CPU time (user + system) of the whole tree while sampling. */
  cpuMs: number;
  /**
   * CPU time of the sampling thread itself between "ready" and stop (0 where /proc/thread-self is missing):
   * part of cpuMs and of every phase's CPU, though it is the measurement's and not the measured work's.
   */
  samplerCpuMs: number;
  /** Highest tree RSS sampled while each phase ran (see RunningSampler.phase). */
  phasePeakBytes: Record<string, number>;
  /**
   * CPU time of the whole tree while each phase ran. Less sensitive than wall time to other work on a shared
   * machine, so figures taken under different loads can be compared. Where phases overlap, both count the
   * time of the overlap.
   */
  phaseCpuMs: Record<string, number>;
}

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined; // the process ended between listing and reading
  }
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** Resident set size of one process in bytes; undefined when it is gone (or /proc is not there). */
export function rssBytes(pid: number): number | undefined {
  return statusField(pid, "VmRSS");
}

export function hwmBytes(pid: number): number | undefined {
  return statusField(pid, "VmHWM");
}

/**
 * CPU milliseconds of a process: its own user and system time, plus `withChildren` the time of its children
 * that have ended and been waited for (so a finished indexer process still counts).
 */
export function cpuMs(pid: number, withChildren: boolean): number | undefined {
  try {
    return statCpuMs(readFileSync(`/proc/${pid}/stat`, "utf8"), withChildren);
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      for (const word of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" "))
        if (word) out.push(Number(word));
    } catch {
      // thread ended, or a kernel without CONFIG_PROC_CHILDREN: descendantsByScan covers it
    }
  }
  return out;
}

/** All descendants via the parent pid of every process (slower; for kernels without task/children files). */
function descendantsByScan(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // The command name (field 2) may contain spaces and parentheses: fields resume after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parentOf.set(Number(name), ppid);
    } catch {
      // gone
    }
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length) {
    const pid = frontier.pop()!;
    for (const [child, parent] of parentOf) if (parent === pid) (found.push(child), frontier.push(child));
  }
  return found;
}

const hasChildrenFiles = (() => {
  try {
    readdirSync(`/proc/${process.pid}/task`).some(
      (t) => readFileSync(`/proc/${process.pid}/task/${t}/children`, "utf8") !== undefined,
    );
    return true;
  } catch {
    return false;
  }
})();

/** Every process below `root` (children, grandchildren, …). Empty where /proc is missing. */
export function descendants(root: number): number[] {
  if (!hasChildrenFiles) {
    try {
      return descendantsByScan(root);
    } catch {
      return [];
    }
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length) {
    for (const child of childrenOf(frontier.pop()!)) (found.push(child), frontier.push(child));
  }
  return found;
}

/** One sample of the tree: when, its total RSS and its total CPU time so far. */
interface Sample {
  at: number;
  rss: number;
  cpu: number;
}

/** Accumulates samples of one process tree; runs inside the sampling worker, and directly in tests. */
export class TreeSampler {
  private peak = 0;
  private atPeak = 0;
  private readonly hwm = new Map<number, number>();
  private readonly samples: Sample[] = [];
  private readonly phases: Array<{ phase: string; start: number; end: number }> = [];
  private lastCpu = 0;
  constructor(private readonly root: number) {}

  /**
   * `phase` ran from `start` to `end` (Date.now() milliseconds). Phases may overlap (the search index is built
   * while pages render), so each one's CPU time and peak come from the samples inside its own interval.
   */
  phase(phase: string, start: number, end: number): void {
    this.sample();
    this.phases.push({ phase, start, end });
  }

  sample(): void {
    const pids = descendants(this.root);
    let total = rssBytes(this.root) ?? 0;
    let alive = 1;
    let cpu = cpuMs(this.root, true) ?? 0;
    for (const pid of pids) {
      const rss = rssBytes(pid);
      if (rss === undefined) continue;
      total += rss;
      alive++;
      cpu += cpuMs(pid, true) ?? 0;
      const hwm = hwmBytes(pid);
      if (hwm !== undefined) this.hwm.set(pid, Math.max(hwm, this.hwm.get(pid) ?? 0));
    }
    // A child's time moves into its parent's cutime when it ends: the sum never goes back.
    this.lastCpu = Math.max(this.lastCpu, cpu);
    this.samples.push({ at: Date.now(), rss: total, cpu: this.lastCpu });
    if (total > this.peak) [this.peak, this.atPeak] = [total, alive];
  }

  /** The last sample taken at or before `at` (the first one when there is none). */
  private sampleAt(at: number): Sample | undefined {
    let lo = 0;
    let hi = this.samples.length - 1;
    if (hi < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.samples[mid]!.at <= at) lo = mid;
      else hi = mid - 1;
    }
    return this.samples[lo];
  }

  result(selfMaxRssBytes: number, samplerCpuMs = 0): TreeMemory {
    let hwm = 0;
    for (const v of this.hwm.values()) hwm += v;
    const phasePeakBytes: Record<string, number> = {};
    const phaseCpuMs: Record<string, number> = {};
    for (const { phase, start, end } of this.phases) {
      // Samples inside the interval; a phase shorter than the sampling period gets the first sample after it began.
      let peak = 0;
      for (const s of this.samples) if (s.at >= start && s.at <= end) peak = Math.max(peak, s.rss);
      if (peak === 0) peak = this.samples.find((s) => s.at >= start)?.rss ?? 0;
      phasePeakBytes[phase] = Math.max(phasePeakBytes[phase] ?? 0, peak);
      const cpu = (this.sampleAt(end)?.cpu ?? 0) - (this.sampleAt(start)?.cpu ?? 0);
      phaseCpuMs[phase] = (phaseCpuMs[phase] ?? 0) + cpu;
    }
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    return {
      peakTreeRssBytes: this.peak,
      processesAtPeak: this.atPeak,
      samples: this.samples.length,
      descendantsSeen: this.hwm.size,
      descendantsHwmBytes: hwm,
      selfMaxRssBytes,
      cpuMs: first && last ? last.cpu - first.cpu : 0,
      samplerCpuMs,
      phasePeakBytes,
      phaseCpuMs,
    };
  }
}

export interface RunningSampler {
  /** Call as each phase ends, with how long it ran: its CPU time and peak are taken over that interval. */
  phase(phase: string, ms: number): void;
  stop(): Promise<TreeMemory>;
}

/** Starts sampling this process's tree every `intervalMs` in a worker thread; `stop()` returns the figures. */
export async function startTreeSampler(intervalMs = 50): Promise<RunningSampler> {
  const worker = typeScriptWorker(new URL("./memory-worker.ts", import.meta.url), { root: process.pid, intervalMs });
  const failed = new Promise<never>((_, reject) => worker.once("error", reject));
  await Promise.race([new Promise((resolve) => worker.once("message", resolve)), failed]); // "ready"
  return {
    phase: (phase, ms) => {
      const end = Date.now();
      worker.postMessage({ phase, start: end - ms, end });
    },
    stop: async () => {
      const done = new Promise<TreeMemory>((resolve) => worker.once("message", resolve));
      worker.postMessage({ stop: true, selfMaxRssBytes: process.resourceUsage().maxRSS * 1024 });
      const result = await Promise.race([done, failed]);
      await worker.terminate();
      return result;
    },
  };
}
