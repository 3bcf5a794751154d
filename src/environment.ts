// Settings that come from the environment (SITE_URL, PATH_PREFIX, SOURCE_DATE_EPOCH) are checked like content:
// a bad value is a problem naming the variable, found by `npm run check` before a build writes anything.
import type { Problem } from "./model.ts";

/** The pseudo-file environment problems are reported under; it has no lines. */
export const ENVIRONMENT = "environment";

export function environmentProblem(variable: string, message: string | undefined): Problem | undefined {
  return message === undefined ? undefined : { file: ENVIRONMENT, line: 0, field: variable, message };
}

/** Luxon's latest representable instant, in seconds. */
const MAX_EPOCH = 8.64e12;

export function epochProblem(env: NodeJS.ProcessEnv): Problem | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (value === undefined || value === "") return undefined;
  const ok = /^\d+$/.test(value.trim()) && Number(value) <= MAX_EPOCH;
  return environmentProblem(
    "SOURCE_DATE_EPOCH",
    ok
      ? undefined
      : `"${value}" is not a time: write whole seconds since 1970-01-01 UTC, like 1700000000 (\`date +%s\`)`,
  );
}
