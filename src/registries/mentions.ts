// Which regions a text talks about: a longest-match scan for every name and alias, in either script (the
// text is folded to Simplified first, so 蘇州 meets 苏州 and never 宿州). The import command uses the counts
// to guess a bulletin's region.
import type { RegionNode, RegionRegistry } from "../model.ts";
import { fold } from "../text/script.ts";
import { builtinRegions } from "./regions.ts";

export interface RegionMention {
  node: RegionNode;
  count: number;
}

// Short names that are everyday words far more often than places in fraud news: 阿里 (Alibaba), 白银
// (silver), 东方, 安康 (well-being), 新星, 白杨, 双河, 大同 (the ideal), 长寿. Their full names still count.
const COMMON_WORDS = new Set([
  "阿里",
  "白银",
  "东方",
  "安康",
  "新星",
  "白杨",
  "双河",
  "大同",
  "长寿",
  "和平",
  "普洱",
  "玉树",
  "中山",
]);

const LEVEL_ORDER = { province: 0, city: 1, district: 2 } as const;

interface Matcher {
  names: Map<string, RegionNode>;
  longest: number;
}

const matchers = new WeakMap<RegionRegistry, Matcher>();

function matcherFor(regions: RegionRegistry): Matcher {
  const cached = matchers.get(regions);
  if (cached) return cached;
  const names = new Map<string, RegionNode>();
  // Higher levels claim a shared name first, as in resolve(): 吉林 is the province.
  const nodes = [...regions.all].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
  for (const node of nodes) {
    // A built-in district's bare short name (朝阳, 和平, 东城) is too often something else; its full name
    // counts, as do aliases an editor chose on purpose.
    const shortIsWeak = node.level === "district" || COMMON_WORDS.has(node.shortName);
    const weak = shortIsWeak && node.shortName !== node.name ? fold(node.shortName) : undefined;
    for (const label of [node.name, node.shortName, ...node.aliases]) {
      const folded = fold(label);
      if ([...folded].length < 2 || folded === weak || !/\p{Script=Han}/u.test(folded)) continue;
      if (!names.has(folded)) names.set(folded, node);
    }
  }
  const longest = Math.max(0, ...[...names.keys()].map((k) => k.length));
  const matcher = { names, longest };
  matchers.set(regions, matcher);
  return matcher;
}

/**
 * Mentions of regions in `text`, most mentioned first (ties: the more specific region, then key). At each
 * position the longest name wins and is consumed: 苏州市 counts once, for the city, not again as 苏州.
 * Without a registry the built-in tree is used (no local entries).
 */
export function findRegionMentions(text: string, regions: RegionRegistry = builtinRegions()): RegionMention[] {
  const { names, longest } = matcherFor(regions);
  const counts = countLongestMatches(text, names, longest, 2);
  return [...counts]
    .map(([node, count]) => ({ node, count }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        LEVEL_ORDER[b.node.level] - LEVEL_ORDER[a.node.level] ||
        (a.node.key < b.node.key ? -1 : 1),
    );
}

/**
 * Counts the names of `names` (keys already folded) in `text`, folded first so either script matches. At each
 * position the longest name wins and is consumed. Shared by region and campaign detection.
 */
export function countLongestMatches<T>(
  text: string,
  names: ReadonlyMap<string, T>,
  longest: number,
  shortest: number,
): Map<T, number> {
  const folded = fold(text);
  const counts = new Map<T, number>();
  for (let i = 0; i < folded.length;) {
    let matched = 0;
    for (let len = Math.min(longest, folded.length - i); len >= shortest; len--) {
      const entry = names.get(folded.slice(i, i + len));
      if (entry !== undefined) {
        counts.set(entry, (counts.get(entry) ?? 0) + 1);
        matched = len;
        break;
      }
    }
    i += matched || 1;
  }
  return counts;
}
