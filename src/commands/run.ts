// Every command entry point fails the same way: the errors of errors.ts print as plain lines (content problems
// as `file:line: field: message`), anything else as `error: …` (its stack with DEBUG=1), and the exit status is 1.
import { CommandError, ContentError, formatProblems, problemCount } from "../errors.ts";

export function runCommand(main: () => void | Promise<void>): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      console.error(describe(error));
      process.exitCode = 1;
    });
}

function describe(error: unknown): string {
  if (error instanceof ContentError) {
    return `${formatProblems(error.problems)}\n${problemCount(error.problems.length)} found; nothing was built.`;
  }
  if (error instanceof CommandError) return error.lines.join("\n");
  if (!(error instanceof Error)) return String(error);
  return process.env.DEBUG ? (error.stack ?? error.message) : `error: ${error.message}`;
}
