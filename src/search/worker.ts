// The search bundle, written on a worker thread while the main thread computes related headlines and renders:
// the two take about as long, and the machine has more than one core. The worker is given plain records
// (records.ts), not the model.
import type { Bulletin } from "../model.ts";
import { typeScriptWorker } from "../ts-worker.ts";
import type { SearchStats } from "./index-search.ts";
import { searchRecord } from "./records.ts";

export interface SearchInBackground {
  done: Promise<SearchStats>;
  /** Stops the worker (a build that failed elsewhere), so it writes nothing more into the folder. */
  cancel(): Promise<void>;
}

export function indexSearchInWorker(bulletins: readonly Bulletin[], outDir: string): SearchInBackground {
  const worker = typeScriptWorker(new URL("./worker-thread.ts", import.meta.url), {
    records: bulletins.map(searchRecord),
    outDir,
  });
  const done = new Promise<SearchStats>((resolve, reject) => {
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
