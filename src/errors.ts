// Every failure a command reports on purpose, and how problems read: one `file:line: field: message` line each,
// the same for `check`, `build`, `new` and `import`. Anything else that is thrown is a bug and says so.
import type { Problem } from "./model.ts";

/** Content that cannot be published; every problem found, not only the first. */
export class ContentError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = "ContentError";
  }
}

/** A mistake the user can act on (a flag, a path, a name); each line is printed as it is. */
export class CommandError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
    this.name = "CommandError";
  }
}

/** Characters a reader cannot see or that reorder a line: shown as <U+202E> so that a message says what is there. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}\p{Cs}]/gu;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}>`);
}

/** `file:line: field: message`; problems of the environment or the output folder have no line. */
export function formatProblem(p: Problem): string {
  return visible(`${p.file}${p.line > 0 ? `:${p.line}` : ""}: ${p.field}: ${p.message}`);
}

/** "1 problem", "3 problems". */
export function problemCount(n: number): string {
  return `${n} problem${n === 1 ? "" : "s"}`;
}

export function formatProblems(problems: readonly Problem[]): string {
  return sortProblems(problems).map(formatProblem).join("\n");
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
