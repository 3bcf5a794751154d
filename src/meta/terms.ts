// The words that describe a bulletin to crawlers and chat apps, decided once for JSON-LD and Open Graph:
// its campaigns are the sections it belongs to; its fraud types and free tags are its keywords.
import type { Bulletin } from "../model.ts";

export function bulletinSections(bulletin: Bulletin): string[] {
  return bulletin.campaigns.map((c) => c.name);
}

export function bulletinKeywords(bulletin: Bulletin): string[] {
  return [...new Set([...bulletin.types.map((t) => t.name), ...bulletin.tags])];
}
