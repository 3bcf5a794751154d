// Eleventy wraps a template's failure in errors about the virtual page it was rendering; the cause Nunjucks
// reports (the real file under layouts/, its line and column) sits at the bottom of the chain. A failed render
// reads as one `file:line:column: message` line, like the problems `check` prints.
import { relative } from "node:path";
import { CommandError } from "../errors.ts";

/** `(/abs/file.njk) [Line 8, Column 20]`; a missing include has no line. */
const NUNJUCKS_PLACE = /\((\/[^()]+\.njk)\)(?: \[Line (\d+), Column (\d+)\])?/g;

function chain(error: unknown): Error[] {
  const out: Error[] = [];
  for (
    let e = error;
    e instanceof Error && out.length < 20;
    e = (e as { originalError?: unknown }).originalError ?? e.cause
  )
    out.push(e);
  return out;
}

/** The template failure under `error` as a CommandError, or undefined when it is not one. */
export function renderError(error: unknown, root: string): CommandError | undefined {
  for (const e of chain(error).reverse()) {
    // The innermost place named is the template that failed; what follows it is why.
    const place = [...e.message.matchAll(NUNJUCKS_PLACE)].at(-1);
    if (!place) continue;
    const [at, file, line, column] = place;
    const why = e.message
      .slice(place.index + at.length)
      .replace(/(Template render error:|Error:)\s*/g, "")
      .replace(/\s+/g, " ")
      .trim();
    const where = line ? `:${line}:${column}` : "";
    return new CommandError([
      `${relative(root, file!)}${where}: ${why}`,
      "nothing was built; the previous site is untouched.",
    ]);
  }
  return undefined;
}
