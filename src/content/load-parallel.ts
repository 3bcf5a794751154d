// Loading on every core: decoding, validating and rendering a bulletin takes about 0.4 ms, so 100,000 files
// kept one core busy for a minute while the others waited for the model. Worker threads and the main thread
// take files a chunk at a time from one shared counter (a thread that starts late or runs slow takes fewer);
// each load travels back with registry entries as keys and dates as milliseconds, and is gathered in the
// files' order, so the site is the same as `loadBulletins` makes on one thread.
import { availableParallelism } from "node:os";
import { DateTime } from "luxon";
import type { Bulletin, Registries, SiteSettings } from "../model.ts";
import { typeScriptWorker } from "../ts-worker.ts";
import {
  gatherLoads,
  loadBulletins,
  loadFile,
  type FileLoad,
  type LoadContext,
  type LoadedBulletins,
} from "./load-bulletins.ts";

/**
 * Below this many files a share, a thread's start costs more than it saves: 0.65 s under tsx before its first file
 * (0.43 s importing the loader, 0.07 s the registries), about 1,500 files' worth of loading.
 */
const MIN_FILES_PER_THREAD = 1500;
/** Beyond this many threads each one's own heap and registries cost more memory than they save time. */
const MAX_THREADS = 4;
/** Files a thread takes at a time: small enough to even out the finish, large enough that messages stay few. */
const CHUNK = 100;

/** A bulletin as it crosses between threads: registry entries by key, dates in milliseconds. */
export type WireBulletin = Omit<
  Bulletin,
  "date" | "updated" | "regionPath" | "region" | "province" | "city" | "campaigns" | "types"
> & {
  date: number;
  updated?: number;
  regionPath: string[];
  region: string;
  province: string;
  city?: string;
  campaigns: string[];
  types: string[];
};

export interface WireLoad {
  bulletin?: WireBulletin;
  problems: FileLoad["problems"];
}

/** What a loading thread is given: the counter it shares and what it needs to rebuild the load context. */
export interface LoadThreadData {
  files: readonly string[];
  next: SharedArrayBuffer;
  chunk: number;
  root: string;
  contentDir: string;
  settings: SiteSettings;
  now: number;
}

/** A chunk of loads from a thread, starting at file `start`; `{ done: true }` once it has no more to take. */
export type LoadThreadMessage = { start: number; loads: WireLoad[] } | { done: true };

/** The [start, end) ranges of files this thread takes, `chunk` at a time, from the counter all threads share. */
export function* claimChunks(counter: Int32Array, chunk: number, total: number): Generator<[number, number]> {
  for (let start = Atomics.add(counter, 0, chunk); start < total; start = Atomics.add(counter, 0, chunk))
    yield [start, Math.min(start + chunk, total)];
}

export function toWireLoad({ bulletin, problems }: FileLoad): WireLoad {
  return bulletin ? { bulletin: toWire(bulletin), problems } : { problems };
}

export function fromWireLoad({ bulletin, problems }: WireLoad, registries: Registries, zone: string): FileLoad {
  return bulletin ? { bulletin: fromWire(bulletin, registries, zone), problems } : { problems };
}

export function toWire(b: Bulletin): WireBulletin {
  // Spread first, so the keys keep the model's order (the optional ones too: `base` is `b`, typed without them).
  const base: Omit<Bulletin, "updated" | "city"> = b;
  return {
    ...base,
    date: b.date.toMillis(),
    ...(b.updated ? { updated: b.updated.toMillis() } : {}),
    regionPath: b.regionPath.map((node) => node.key),
    region: b.region.key,
    province: b.province.key,
    ...(b.city ? { city: b.city.key } : {}),
    campaigns: b.campaigns.map((c) => c.key),
    types: b.types.map((t) => t.key),
  };
}

export function fromWire(w: WireBulletin, registries: Registries, zone: string): Bulletin {
  const { regions, campaigns, types } = registries;
  const entry = <T>(found: T | undefined, key: string): T => {
    // Both threads read the same registry files, so a key one of them wrote is always found.
    if (!found) throw new Error(`a loading thread named "${key}", which this thread's registries lack`);
    return found;
  };
  const node = (key: string) => entry(regions.get(key), key);
  const base: Omit<WireBulletin, "updated" | "city"> = w;
  return {
    ...base,
    date: DateTime.fromMillis(w.date, { zone }),
    ...(w.updated !== undefined ? { updated: DateTime.fromMillis(w.updated, { zone }) } : {}),
    regionPath: w.regionPath.map(node),
    region: node(w.region),
    province: node(w.province),
    ...(w.city !== undefined ? { city: node(w.city) } : {}),
    campaigns: w.campaigns.map((key) => entry(campaigns.get(key), key)),
    types: w.types.map((key) => entry(types.get(key), key)),
  };
}

export interface ParallelOptions {
  /** Threads in all, the main one included; by default one per core, at most MAX_THREADS. */
  threads?: number;
  minFilesPerThread?: number;
  chunk?: number;
  /** Whether this thread takes a share too; tests turn it off to load through the workers alone. */
  mainThread?: boolean;
}

/** `loadBulletins`, spread over threads when there are enough files to gain from it. */
export async function loadBulletinsInParallel(
  files: readonly string[],
  ctx: LoadContext,
  contentDir: string,
  options: ParallelOptions = {},
): Promise<LoadedBulletins> {
  const threads = Math.min(
    options.threads ?? Math.min(availableParallelism(), MAX_THREADS),
    Math.floor(files.length / (options.minFilesPerThread ?? MIN_FILES_PER_THREAD)),
  );
  if (threads < 2) return loadBulletins(files, ctx);
  const chunk = options.chunk ?? CHUNK;
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const loads: FileLoad[] = new Array(files.length);
  const data: LoadThreadData = {
    files,
    next,
    chunk,
    root: ctx.root,
    contentDir,
    settings: ctx.settings,
    now: ctx.now.toMillis(),
  };
  const zone = ctx.settings.timeZone;
  const workers = Array.from({ length: threads - 1 }, () =>
    typeScriptWorker(new URL("./load-thread.ts", import.meta.url), data),
  );
  const finished = Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.on("message", (message: LoadThreadMessage) => {
            if ("done" in message) return resolve();
            message.loads.forEach((load, i) => (loads[message.start + i] = fromWireLoad(load, ctx.registries, zone)));
          });
          worker.once("error", reject);
          worker.once("exit", (code) =>
            reject(new Error(`a loading thread stopped (exit code ${code}) before loading its share`)),
          );
        }),
    ),
  );
  // Awaited once this thread's share is done; should that share throw first, the workers' end is not unhandled.
  finished.catch(() => undefined);
  try {
    // This thread's share, taken like the workers' (their messages wait until it is done).
    if (options.mainThread !== false) {
      for (const [start, end] of claimChunks(counter, chunk, files.length))
        for (let i = start; i < end; i++) loads[i] = loadFile(files[i]!, ctx);
    }
    await finished;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return gatherLoads(files, loads, ctx);
}
