// A loading thread (see load-parallel.ts): takes chunks of files from the shared counter until none are left,
// posting each chunk's loads as it goes so that its heap never holds more than one chunk.
import { parentPort, workerData } from "node:worker_threads";
import { DateTime } from "luxon";
import { loadRegistries } from "../registries/index.ts";
import { loadFile, type LoadContext } from "./load-bulletins.ts";
import { claimChunks, toWireLoad, type LoadThreadData, type LoadThreadMessage } from "./load-parallel.ts";

const { files, next, chunk, root, contentDir, settings, now } = workerData as LoadThreadData;
const counter = new Int32Array(next);
// The registries' problems are the main thread's to report; here they only resolve names.
const ctx: LoadContext = {
  root,
  settings,
  registries: loadRegistries(contentDir).registries,
  now: DateTime.fromMillis(now, { zone: settings.timeZone }),
};
const post = (message: LoadThreadMessage) => parentPort!.postMessage(message);
for (const [start, end] of claimChunks(counter, chunk, files.length))
  post({ start, loads: files.slice(start, end).map((path) => toWireLoad(loadFile(path, ctx))) });
post({ done: true });
