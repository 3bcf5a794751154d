// The search worker's thread (see worker.ts): writes the bundle and posts its figures back.
import { parentPort, workerData } from "node:worker_threads";
import { threadCpuMs } from "../thread-cpu.ts";
import { writeSearchBundle } from "./index-search.ts";
import type { SearchRecord } from "./records.ts";

const { records, outDir } = workerData as { records: Array<SearchRecord | undefined>; outDir: string };

/** Each record, let go as soon as it is read: at 100,000 bulletins their texts are about 0.5 GB. */
function* released(): Generator<SearchRecord> {
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    records[i] = undefined;
    yield record;
  }
}

const stats = await writeSearchBundle({ records: released(), outDir });
parentPort!.postMessage({ ...stats, threadCpuMs: threadCpuMs() });
