// Entry of the sampling worker started by startTreeSampler (memory.ts).
import { parentPort, workerData } from "node:worker_threads";
import { TreeSampler } from "./memory.ts";

const { root, intervalMs } = workerData as { root: number; intervalMs: number };
const sampler = new TreeSampler(root);
sampler.sample();
const timer = setInterval(() => sampler.sample(), intervalMs);
type Message = { phaseEnded: string } | { stop: true; selfMaxRssBytes: number };
parentPort!.on("message", (msg: Message) => {
  if ("phaseEnded" in msg) return sampler.phaseEnded(msg.phaseEnded);
  clearInterval(timer);
  sampler.sample();
  parentPort!.postMessage(sampler.result(msg.selfMaxRssBytes));
});
parentPort!.postMessage("ready");
