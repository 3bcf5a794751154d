// What the front-matter schema allows a field, found by asking the schema itself rather than by reading zod's
// internals: the editor's limits then follow every change to src/content/schema.ts.
import type { z } from "zod";

export interface FieldLimits {
  required: boolean;
  /** Longest text (or list item) the schema accepts, when it has a limit. */
  max?: number;
}

/** Past this a field counts as unlimited. */
const CEILING = 10_000;

export function fieldLimits(shape: Record<string, z.ZodType>, name: string): FieldLimits {
  const schema = shape[name];
  if (!schema) throw new Error(`the front-matter schema has no field "${name}"`);
  const required = !schema.safeParse(undefined).success;
  // Probed with Han characters, which every text field accepts; a list is probed with one item.
  const list = schema.safeParse(["字"]).success && !schema.safeParse("字").success;
  const accepts = (n: number) => schema.safeParse(list ? ["字".repeat(n)] : "字".repeat(n)).success;
  if (!accepts(1)) return { required };
  if (accepts(CEILING)) return { required };
  let lo = 1;
  let hi = CEILING;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (accepts(mid)) lo = mid;
    else hi = mid;
  }
  return { required, max: lo };
}
