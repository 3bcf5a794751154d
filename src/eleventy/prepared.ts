// The build command derives the site data before Eleventy starts (to time each phase and to fail before
// anything is written); it hands the result over here, with the batch of pages the next Eleventy run
// renders, so that nothing is loaded or computed twice.
import type { SiteData } from "../site-data.ts";
import type { Batch } from "./batches.ts";

export interface Prepared {
  data: SiteData;
  batch: Batch;
  /** Every URL the build's runs have announced so far, for the sitemaps the final run writes. */
  urls: string[];
}

let prepared: Prepared | undefined;

export function handOver(value: Prepared | undefined): void {
  prepared = value;
}

export function takePrepared(): Prepared | undefined {
  return prepared;
}

/** Whether the Eleventy run being configured renders the whole site's shared files (always, under `npm start`). */
export function isFinalRun(): boolean {
  return prepared?.batch.final ?? true;
}
