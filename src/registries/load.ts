// Reads the editor-owned registry files of content/registries/ into the typed registries, with every problem
// found reported at the line of the field it concerns. A bad entry is left out; the rest still load, so one
// typo costs one entry, not the build's other messages.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { z } from "zod";
import type { Campaign, FraudType, Problem, RegionLevel, RegionNode, Registries } from "../model.ts";
import { parseYamlWithLines, problemsFromZod, type YamlSource } from "../content/yaml-source.ts";
import { normaliseLabel, rank } from "./suggest.ts";
import { createRegistry, labelsOf, type Named } from "./registry.ts";
import { builtinRegionNodes, builtinRegions, createRegionRegistry } from "./regions.ts";
import { shortNameOf } from "./region-names.ts";

const KEY = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be ASCII: lowercase letters, digits and single hyphens, e.g. "liangxi"');
const TEXT = z.string().trim().min(1, "must not be empty");
const ALIASES = z.array(TEXT).default([]);

const regionEntry = z.strictObject({
  key: KEY,
  name: TEXT,
  shortName: TEXT.optional(),
  aliases: ALIASES,
  parent: TEXT,
});
const campaignEntry = z.strictObject({
  key: KEY,
  name: TEXT,
  aliases: ALIASES,
  description: TEXT,
  years: z.array(z.number().int().min(1990).max(2100)).default([]),
});
const typeEntry = z.strictObject({ key: KEY, name: TEXT, aliases: ALIASES, description: TEXT });

/** One valid entry of a list file, with the means to point at its fields. */
interface Located<T> {
  value: T;
  line(field?: string, index?: number): number;
}

/** Reads a YAML file holding a list of entries and validates each against the schema. */
function readList<S extends z.ZodObject>(
  file: string,
  displayFile: string,
  schema: S,
): { entries: Located<z.output<S>>[]; problems: Problem[] } {
  if (!existsSync(file)) return { entries: [], problems: [] };
  const source = parseYamlWithLines(readFileSync(file, "utf8"), displayFile, 1);
  const problems = source.problems.map((p) => ({ ...p, field: "yaml" }));
  if (problems.length) return { entries: [], problems };
  if (source.value === null || source.value === undefined) return { entries: [], problems };
  if (!Array.isArray(source.value)) {
    return {
      entries: [],
      problems: [
        {
          file: displayFile,
          line: 1,
          field: "yaml",
          message: "expected a list of entries (lines starting with `- key: …`)",
        },
      ],
    };
  }
  const entries: Located<z.output<S>>[] = [];
  const knownKeys = Object.keys(schema.shape);
  source.value.forEach((raw: unknown, i: number) => {
    const entrySource: YamlSource = {
      ...source,
      fallbackLine: source.lineOf([i]),
      lineOf: (path) => source.lineOf([i, ...path]),
    };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...problemsFromZod(parsed.error, entrySource, displayFile, knownKeys));
      return;
    }
    entries.push({
      value: parsed.data,
      line: (field, index) =>
        field === undefined
          ? entrySource.fallbackLine
          : entrySource.lineOf(index === undefined ? [field] : [field, index]),
    });
  });
  return { entries, problems };
}

/**
 * Two entries may not share a key, and a name or alias may not name two entries; `taken` seeds the keys and
 * labels already used (the built-in regions), so that a local entry cannot shadow them.
 */
function checkUnique<T extends Named>(
  entries: readonly Located<T>[],
  file: string,
  what: string,
  taken: { keys: Map<string, string>; labels?: Map<string, string> } = { keys: new Map() },
): { kept: Located<T>[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const keys = new Map(taken.keys);
  const labels = new Map(taken.labels ?? []);
  const kept: Located<T>[] = [];
  for (const entry of entries) {
    const { key } = entry.value;
    const owner = keys.get(key);
    if (owner !== undefined) {
      problems.push({
        file,
        line: entry.line("key"),
        field: "key",
        message: `duplicate ${what} key "${key}": already used by ${owner}`,
      });
      continue;
    }
    keys.set(key, `${entry.value.name} (line ${entry.line()})`);
    const ownLabels = [entry.value.name, ...entry.value.aliases];
    ownLabels.forEach((label, i) => {
      const norm = normaliseLabel(label);
      const other = labels.get(norm);
      if (other !== undefined && other !== key) {
        const field = i === 0 ? "name" : "aliases";
        problems.push({
          file,
          line: i === 0 ? entry.line("name") : entry.line("aliases", i - 1),
          field,
          message: `"${label}" already names the ${what} "${other}"`,
        });
      }
    });
    for (const label of [key, ...ownLabels])
      if (!labels.has(normaliseLabel(label))) labels.set(normaliseLabel(label), key);
    kept.push(entry);
  }
  return { kept, problems };
}

type RegionEntry = z.output<typeof regionEntry>;

/** Local entries placed under their parents; entries whose parent is unknown or who loop are reported. */
function localRegions(entries: Located<RegionEntry>[], file: string): { nodes: RegionNode[]; problems: Problem[] } {
  const builtin = builtinRegionNodes();
  const builtinKeys = new Map(builtin.map((n) => [n.key, `the built-in region ${n.name}`]));
  // Built-in names win when a label names two regions, so a local alias equal to one (苏州) would never apply.
  const builtinLabels = new Map(
    builtin.flatMap((n) => labelsOf(n).map((label) => [normaliseLabel(label), n.key] as const)).reverse(),
  );
  const { kept, problems } = checkUnique(entries, file, "region", { keys: builtinKeys, labels: builtinLabels });

  // Parents may be built-in or local, in any order of the file: resolve against both at once.
  const drafts: RegionNode[] = kept.map(({ value }) => ({
    key: value.key,
    name: value.name,
    shortName: value.shortName ?? shortNameOf(value.name, "district"),
    aliases: value.aliases,
    level: "district",
  }));
  // Built-in names win, as they do in the final registry (levels sort built-in provinces and cities first).
  const locals = createRegionRegistry(drafts);
  const resolveParent = (name: string) => builtinRegions().resolve(name) ?? locals.resolve(name);
  const parentOf = new Map<string, RegionNode>();
  kept.forEach((entry, i) => {
    const parent = resolveParent(entry.value.parent);
    if (!parent) {
      const guesses = rank(entry.value.parent, [...builtin, ...drafts], labelsOf, 3).map((s) => s.label);
      problems.push({
        file,
        line: entry.line("parent"),
        field: "parent",
        message: `unknown region "${entry.value.parent}"${guesses.length ? `; did you mean ${guesses.join(", ")}?` : ""}`,
      });
    } else if (parent.key === drafts[i]!.key) {
      problems.push({
        file,
        line: entry.line("parent"),
        field: "parent",
        message: "a region cannot be its own parent",
      });
    } else {
      parentOf.set(drafts[i]!.key, parent);
    }
  });

  // Keep only entries whose chain of parents reaches the built-in tree without a loop.
  const builtinKeySet = new Set(builtin.map((n) => n.key));
  const reaches = (key: string): boolean => {
    const seen = new Set<string>();
    for (let cur: string | undefined = key; cur !== undefined; cur = parentOf.get(cur)?.key) {
      if (builtinKeySet.has(cur)) return true;
      if (seen.has(cur)) return false;
      seen.add(cur);
    }
    return false;
  };
  const nodes: RegionNode[] = [];
  kept.forEach((entry, i) => {
    const node = drafts[i]!;
    const parent = parentOf.get(node.key);
    if (!parent) return;
    if (!reaches(node.key)) {
      problems.push({
        file,
        line: entry.line("parent"),
        field: "parent",
        message: `parent chain of "${node.key}" loops back on itself`,
      });
      return;
    }
    const sibling = [...builtin, ...drafts].find(
      (n) => n !== node && n.name === node.name && (n.parent ?? parentOf.get(n.key)?.key) === parent.key,
    );
    if (sibling) {
      problems.push({
        file,
        line: entry.line("name"),
        field: "name",
        message: `${parent.name} already has ${node.name} (key "${sibling.key}")`,
      });
      return;
    }
    nodes.push({ ...node, parent: parent.key, level: levelUnder(parent, builtin) });
  });
  return { nodes, problems };
}

/** A province's local child is a city, except in a municipality (北京, 上海), whose parts are districts. */
function levelUnder(parent: RegionNode, builtin: readonly RegionNode[]): RegionLevel {
  if (parent.level !== "province") return "district";
  return builtin.some((n) => n.parent === parent.key && n.level === "city") ? "city" : "district";
}

export interface LoadedRegistries {
  registries: Registries;
  problems: Problem[];
}

/** Loads content/registries/{regions,campaigns,types}.yaml; missing files mean no local entries. */
export function loadRegistries(contentDir: string): LoadedRegistries {
  const dir = join(contentDir, "registries");
  // Problems name files as the bulletins do: relative to the folder that holds content/.
  const display = (name: string) => relative(dirname(contentDir), join(dir, name)).split("\\").join("/");
  const problems: Problem[] = [];

  const regionFile = display("regions.yaml");
  const regionList = readList(join(dir, "regions.yaml"), regionFile, regionEntry);
  problems.push(...regionList.problems);
  const local = localRegions(regionList.entries, regionFile);
  problems.push(...local.problems);
  const regions = local.nodes.length
    ? createRegionRegistry([...builtinRegionNodes(), ...local.nodes])
    : builtinRegions();

  const campaignFile = display("campaigns.yaml");
  const campaignList = readList(join(dir, "campaigns.yaml"), campaignFile, campaignEntry);
  const campaignsChecked = checkUnique(campaignList.entries, campaignFile, "campaign");
  problems.push(...campaignList.problems, ...campaignsChecked.problems);
  const campaigns = createRegistry<Campaign>(campaignsChecked.kept.map((e) => e.value));

  const typeFile = display("types.yaml");
  const typeList = readList(join(dir, "types.yaml"), typeFile, typeEntry);
  const typesChecked = checkUnique(typeList.entries, typeFile, "fraud type");
  problems.push(...typeList.problems, ...typesChecked.problems);
  const types = createRegistry<FraudType>(typesChecked.kept.map((e) => e.value));

  return { registries: { regions, campaigns, types }, problems };
}
