// A loading thread (see load-parallel.ts): takes chunks of files from the shared counter until none are left,
// posting each chunk's loads as it goes so that its heap never holds more than one chunk.
import { parentPort, workerData } from "node:worker_threads";
import { DateTime } from "luxon";
import { loadRegistries } from "../registries/index.ts";
import { loadFile, type LoadContext } from "./load-bulletins.ts";
import { toWire, type LoadThreadData, type LoadThreadMessage } from "./load-parallel.ts";

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
for (let start = Atomics.add(counter, 0, chunk); start < files.length; start = Atomics.add(counter, 0, chunk)) {
  const loads = files.slice(start, start + chunk).map((path) => {
    const { bulletin, problems } = loadFile(path, ctx);
    return bulletin ? { bulletin: toWire(bulletin), problems } : { problems };
  });
  post({ start, loads });
}
post({ done: true });
