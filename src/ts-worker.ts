// Worker threads do not inherit tsx's loader (the commands run TypeScript through `node --import tsx`): a
// worker registers it before importing its TypeScript entry.
import { Worker } from "node:worker_threads";

export function typeScriptWorker(entry: URL, workerData: unknown): Worker {
  const source = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
  return new Worker(source, { eval: true, workerData });
}
