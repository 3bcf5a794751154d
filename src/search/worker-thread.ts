// The search worker's thread (see worker.ts): writes the bundle and posts its figures back.
import { parentPort, workerData } from "node:worker_threads";
import { writeSearchBundle } from "./index-search.ts";
import type { SearchRecord } from "./records.ts";

const { records, outDir } = workerData as { records: SearchRecord[]; outDir: string };
parentPort!.postMessage(await writeSearchBundle({ records, outDir }));
