// Entry of the sampling worker started by startTreeSampler (memory.ts).
import { parentPort, workerData } from "node:worker_threads";
import { TreeSampler } from "./memory.ts";
import { threadCpuMs } from "../src/thread-cpu.ts";

const { root, intervalMs } = workerData as { root: number; intervalMs: number };
const sampler = new TreeSampler(root);
sampler.sample();
const timer = setInterval(() => sampler.sample(), intervalMs);
type Message = { phase: string; start: number; end: number } | { stop: true; selfMaxRssBytes: number };
parentPort!.on("message", (msg: Message) => {
  if ("phase" in msg) return sampler.phase(msg.phase, msg.start, msg.end);
  clearInterval(timer);
  sampler.sample();
  parentPort!.postMessage(sampler.result(msg.selfMaxRssBytes, (threadCpuMs() ?? 0) - readyCpuMs));
});
const readyCpuMs = threadCpuMs() ?? 0;
parentPort!.postMessage("ready");
