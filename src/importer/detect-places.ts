// Region and campaigns guessed from the names the text mentions. Mentions are counted by the registries
// (names and aliases in either script); here they are weighed: a place's count includes the mentions of the
// places inside it, and the guess goes down the tree (province › city › district) as long as one child holds
// most of its parent's mentions — so a report about Wuxi that names four of its districts stays at Wuxi, and a
// report about one district that names its city once goes down to the district.
import type { Campaign, RegionNode, RegionRegistry, Registry } from "../model.ts";
import { fold } from "../text/script.ts";
import { countLongestMatches } from "../registries/mentions.ts";

export interface Mention<T> {
  node: T;
  count: number;
}

/** Sum of mentions of every node and everything below it. */
function rolledUp(mentions: ReadonlyArray<Mention<RegionNode>>, regions: RegionRegistry): Map<string, number> {
  const total = new Map<string, number>();
  for (const { node, count } of mentions) {
    for (const n of regions.path(node.key)) total.set(n.key, (total.get(n.key) ?? 0) + count);
  }
  return total;
}

/** The single best-counted node among `nodes`; undefined on a tie, which is for the editor to settle. */
function best(nodes: readonly RegionNode[], total: Map<string, number>): RegionNode | undefined {
  const counted = nodes
    .map((node) => ({ node, n: total.get(node.key) ?? 0 }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n);
  const [first, second] = counted;
  if (!first || (second && second.n === first.n)) return undefined;
  return first.node;
}

export function chooseRegion(
  mentions: ReadonlyArray<Mention<RegionNode>>,
  regions: RegionRegistry,
): RegionNode | undefined {
  const total = rolledUp(mentions, regions);
  let cur = best(
    regions.all.filter((r) => r.parent === undefined),
    total,
  );
  while (cur) {
    const child = best(regions.children(cur.key), total);
    if (!child || 2 * (total.get(child.key) ?? 0) <= (total.get(cur.key) ?? 0)) break;
    cur = child;
  }
  return cur;
}

/**
 * Occurrences of each entry's name or aliases in `text`, in either script. At each position the longest name
 * wins and is consumed, so 反诈进社区 is not also counted as a shorter name inside it. Names without a Han
 * character (keys, pinyin aliases) are not looked for in running Chinese text.
 */
export function countMentions<T extends { key: string; name: string; shortName?: string; aliases: readonly string[] }>(
  text: string,
  entries: readonly T[],
): Array<Mention<T>> {
  const names = new Map<string, T>();
  for (const entry of entries) {
    for (const name of [entry.name, entry.shortName ?? "", ...entry.aliases]) {
      if (/\p{Script=Han}/u.test(name) && !names.has(fold(name))) names.set(fold(name), entry);
    }
  }
  const longest = Math.max(0, ...[...names.keys()].map((n) => n.length));
  const counts = countLongestMatches(text, names, longest, 1);
  return [...counts].map(([node, count]) => ({ node, count }));
}

/** Every campaign the text names, most mentioned first (ties by key, for a stable order). */
export function detectCampaigns(text: string, campaigns: Registry<Campaign>): Campaign[] {
  return countMentions(text, campaigns.all)
    .sort((a, b) => b.count - a.count || a.node.key.localeCompare(b.node.key))
    .map((m) => m.node);
}
