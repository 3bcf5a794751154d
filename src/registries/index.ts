// The registries' public face: load them from content/, or find the regions a text mentions.
export { loadRegistries, type LoadedRegistries } from "./load.ts";
export { findRegionMentions, type RegionMention } from "./mentions.ts";
export { builtinRegions, createRegionRegistry } from "./regions.ts";
export { createRegistry } from "./registry.ts";
export { rank } from "./suggest.ts";
