// The calling thread's CPU time (src/thread-cpu.ts), which the build reports for its search worker.
import { test } from "node:test";
import assert from "node:assert/strict";
import { statCpuMs, threadCpuMs } from "../src/thread-cpu.ts";

/** The thread's CPU, failing the test where /proc/thread-self is missing (every machine CI runs on has it). */
function cpu(): number {
  const ms = threadCpuMs();
  assert.ok(ms !== undefined, "no /proc/thread-self/stat on this machine");
  return ms;
}

test("a thread's own CPU time counts this thread's work, not another's", async () => {
  const { Worker } = await import("node:worker_threads");
  const before = cpu();
  // Another thread burns CPU while this one waits: none of it may be counted here.
  const busy = new Worker("const end = Date.now() + 400; while (Date.now() < end);", { eval: true });
  await new Promise((resolve) => busy.once("exit", resolve));
  const waited = cpu() - before;
  const start = cpu();
  for (const end = Date.now() + 300; Date.now() < end;);
  const spun = cpu() - start;
  assert.ok(spun >= 200, `300 ms of spinning counted ${spun} ms`);
  assert.ok(waited < 200, `waiting for another thread's 400 ms counted ${waited} ms`);
});

test("a stat line's CPU is its user and system ticks, children's only when asked, whatever the command name holds", () => {
  // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime …
  const stat = "42 (node (a) b) R 1 42 42 0 -1 4194304 10 0 0 0 150 25 7 3 20 0 1";
  assert.equal(statCpuMs(stat), 1750);
  assert.equal(statCpuMs(stat, true), 1850);
});
