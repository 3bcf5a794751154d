// Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time and the most
// inclusive time, so a profile of the build can be read in a terminal and quoted in docs/performance.md.
// Usage: npm run bench:profile -- <file.cpuprofile> [--top N] [--filter text]
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionCost {
  name: string;
  selfMs: number;
  totalMs: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url
    .replace(/^file:\/\//, "")
    .replace(/.*\/node_modules\//, "~/")
    .replace(/.*\/work\/main\//, "");
  return `${functionName || "(anonymous)"} ${file}:${lineNumber + 1}`;
}

/** Self and inclusive milliseconds per function (by name and location), heaviest self time first. */
export function summarise(profile: Profile): FunctionCost[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const costs = new Map<string, FunctionCost>();
  const entry = (name: string): FunctionCost => {
    let c = costs.get(name);
    if (!c) costs.set(name, (c = { name, selfMs: 0, totalMs: 0 }));
    return c;
  };
  for (const [id, us] of selfUs) {
    entry(label(byId.get(id)!)).selfMs += us / 1000;
    // Inclusive time: charge every distinct function on the stack once (recursion must not double count).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const name = label(byId.get(cur)!);
      if (seen.has(name)) continue;
      seen.add(name);
      entry(name).totalMs += us / 1000;
    }
  }
  return [...costs.values()].sort((a, b) => b.selfMs - a.selfMs);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `| head` closes the pipe early: that is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" ? process.exit(0) : Promise.reject(e)));
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: "string", default: "25" }, filter: { type: "string" } },
  });
  const file = positionals[0];
  if (!file) throw new Error("usage: npm run bench:profile -- <file.cpuprofile> [--top N] [--filter text]");
  const costs = summarise(JSON.parse(readFileSync(file, "utf8")) as Profile).filter(
    (c) => !values.filter || c.name.includes(values.filter),
  );
  const top = Number(values.top);
  const row = (c: FunctionCost): string =>
    `${c.selfMs.toFixed(0).padStart(8)} ${c.totalMs.toFixed(0).padStart(8)}  ${c.name}`;
  console.log("  self ms total ms  function (by self time)");
  for (const c of costs.slice(0, top)) console.log(row(c));
  console.log("\n  self ms total ms  function (by inclusive time)");
  for (const c of [...costs].sort((a, b) => b.totalMs - a.totalMs).slice(0, top)) console.log(row(c));
}
