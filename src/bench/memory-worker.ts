// Entry of the sampling worker started by startTreeSampler (memory.ts).
import { parentPort, workerData } from "node:worker_threads";
import { TreeSampler } from "./memory.ts";

const { root, intervalMs } = workerData as { root: number; intervalMs: number };
const sampler = new TreeSampler(root);
sampler.sample();
const timer = setInterval(() => sampler.sample(), intervalMs);
parentPort!.on("message", (msg: { stop: true; selfMaxRssBytes: number }) => {
  clearInterval(timer);
  sampler.sample();
  parentPort!.postMessage(sampler.result(msg.selfMaxRssBytes));
});
parentPort!.postMessage("ready");
