// The search bundle, written on a worker thread while the main thread computes related headlines and renders:
// the two take about as long, and the machine has more than one core. The worker is given plain records
// (records.ts), not the model.
import type { Bulletin } from "../model.ts";
import { typeScriptWorker } from "../ts-worker.ts";
import type { SearchStats } from "./index-search.ts";
import { searchRecord } from "./records.ts";

export interface WorkerSearchStats extends SearchStats {
  /**
   * CPU milliseconds of the worker's thread, its start-up included (Linux only, src/thread-cpu.ts): the search
   * phase's own share, which the process's figure mixes with the render's. V8 compiles and collects for it on
   * threads of its own, shared by the process, which this leaves out.
   */
  threadCpuMs?: number;
}

export interface SearchInBackground {
  done: Promise<WorkerSearchStats>;
  /** Stops the worker (a build that failed elsewhere), so it writes nothing more into the folder. */
  cancel(): Promise<void>;
}

export function indexSearchInWorker(bulletins: readonly Bulletin[], outDir: string): SearchInBackground {
  const worker = typeScriptWorker(new URL("./worker-thread.ts", import.meta.url), {
    records: bulletins.map(searchRecord),
    outDir,
  });
  const done = new Promise<WorkerSearchStats>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) =>
      reject(new Error(`the search worker stopped (exit code ${code}) before writing the bundle`)),
    );
  });
  // Settled by the caller, or deliberately dropped by cancel().
  done.catch(() => undefined);
  return {
    done,
    cancel: async () => {
      await worker.terminate();
    },
  };
}
