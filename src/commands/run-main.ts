// Command entry points share one way to fail: content problems print as `file:line: field: message` lines
// (never a stack trace) and every failure exits with status 1.
import { ContentError, formatProblems } from "../site.ts";

export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ContentError) {
      console.error(formatProblems(error.problems));
      console.error(`${error.problems.length} problem${error.problems.length === 1 ? "" : "s"} found; nothing was built.`);
    } else {
      console.error(error instanceof Error ? (process.env.DEBUG ? error.stack : `error: ${error.message}`) : error);
    }
    process.exitCode = 1;
  });
}
