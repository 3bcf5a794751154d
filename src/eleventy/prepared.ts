// The build command derives the site data before Eleventy starts (to time each phase and to fail before
// anything is written); it hands the result over here so that nothing is loaded or computed twice.
import type { SiteData } from "../site-data.ts";

let prepared: SiteData | undefined;

export function handOver(data: SiteData | undefined): void {
  prepared = data;
}

export function takePrepared(): SiteData | undefined {
  return prepared;
}
