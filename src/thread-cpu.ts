// The CPU time of the calling thread. Node 20 counts whole processes only (process.cpuUsage() in a worker
// thread is every thread's), so this reads Linux's /proc/thread-self/stat; elsewhere there is no figure.
import { readFileSync } from "node:fs";

/** Linux reports CPU times in clock ticks of 1/100 s on every common configuration (USER_HZ). */
const TICK_MS = 10;

/**
 * User and system milliseconds of a /proc stat line: fields after the command name (which may hold spaces),
 * utime and stime being fields 14 and 15; `withChildren` adds cutime and cstime (children waited for).
 */
export function statCpuMs(stat: string, withChildren = false): number {
  const f = stat
    .slice(stat.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
  const own = f[11]! + f[12]!;
  return (withChildren ? own + f[13]! + f[14]! : own) * TICK_MS;
}

/** CPU milliseconds of the calling thread since it started, or undefined where /proc/thread-self is missing. */
export function threadCpuMs(): number | undefined {
  try {
    return statCpuMs(readFileSync("/proc/thread-self/stat", "utf8"));
  } catch {
    return undefined;
  }
}
