// Progress of a long build: one line a phase (and one a render run) on stderr, with what was done and the time
// it took, so an editor waiting on 100,000 bulletins sees the build move. Quiet when stderr is not a terminal
// (CI logs, pipes) unless asked for.
import type { Phase } from "./build.ts";

export const PROGRESS_ENV = "FANZHA_PROGRESS";

export const PHASE_LABELS: Record<Phase, string> = {
  load: "load and validate",
  related: "related headlines",
  render: "render and write",
  search: "search index",
  other: "other",
};

/** `--progress` / `--no-progress` first, then FANZHA_PROGRESS=1 / 0, else whether stderr is a terminal. */
export function progressWanted(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const value = env[PROGRESS_ENV]?.trim();
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  if (value) throw new Error(`${PROGRESS_ENV}: expected 1 or 0, got "${value}"`);
  return isTTY;
}

export const number = (n: number): string => n.toLocaleString("en-US");
export const count = (n: number, unit: string): string => `${number(n)} ${unit}`;

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** e.g. `render and write: 4,000 of 132,830 pages in 9.1 s (at 110.4 s)`. */
export function progressLine(phase: Phase, what: string, ms: number, sinceStartMs: number): string {
  return `${PHASE_LABELS[phase]}: ${what} in ${seconds(ms)} (at ${seconds(sinceStartMs)})`;
}
