// Characters no published text may hold, whichever field or file it comes from: they hide or reorder what a
// reader sees (a right-to-left override shows "反诈\u202Egnp.exe" as "…exe.png"), are not text at all (NUL,
// ESC, lone surrogates), or lie beyond what the search index can fold. Checked at validation so that
// `npm run check` finds them, not a crash in a later build step.
import type { z } from "zod";

/** The last code point the site's search folds (the end of CJK Extension F's plane, U+2FFFF). */
export const MAX_CODE_POINT = 0x2ffff;

const BIDI_CONTROLS = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

function hex(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** What is wrong with one code point, if anything. Tabs and line feeds are text. */
export function characterProblem(cp: number): string | undefined {
  if (cp >= 0xd800 && cp <= 0xdfff)
    return `a broken character (${hex(cp)}, half of a UTF-16 surrogate pair); retype that character`;
  if ((cp < 0x20 && cp !== 0x09 && cp !== 0x0a) || (cp >= 0x7f && cp <= 0x9f))
    return `the control character ${hex(cp)}, which is not text; remove it`;
  if (cp === 0xfffe || cp === 0xffff) return `${hex(cp)}, which is not a character; remove it`;
  if (BIDI_CONTROLS.has(cp))
    return `the invisible direction control ${hex(cp)}, which makes text show in another order than it is written (e.g. "gnp.exe" shown as "exe.png"); remove it`;
  if (cp > MAX_CODE_POINT)
    return `${hex(cp)}, beyond the characters the site supports (up to ${hex(MAX_CODE_POINT)}); replace it`;
  return undefined;
}

/** Every code point characterProblem refuses, as one pattern, so that clean text is scanned at regex speed. */
// eslint-disable-next-line no-control-regex
const BAD =
  /[\p{Cs}\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u{30000}-\u{10FFFF}]/u;

/** The first bad character of `text`: its message and its position (in code points, from 1). */
export function firstBadCharacter(text: string): { message: string; column: number } | undefined {
  const match = BAD.exec(text);
  if (!match) return undefined;
  const cp = match[0].codePointAt(0)!;
  return {
    message: characterProblem(cp) ?? `the character ${cp.toString(16)}`,
    column: [...text.slice(0, match.index)].length + 1,
  };
}

/** Whitespace and characters that are never drawn (zero-width spaces and joiners, soft hyphens …). */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;

export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, "") !== "";
}

/** The same rules as a zod refinement, for every text field of front matter, registries and settings. */
export function refineText(value: string, ctx: z.RefinementCtx): void {
  const bad = firstBadCharacter(value);
  if (bad) ctx.addIssue({ code: "custom", message: `contains ${bad.message} (character ${bad.column})` });
  else if (value !== "" && !hasVisibleText(value))
    ctx.addIssue({ code: "custom", message: "has no visible characters (only spaces or zero-width characters)" });
}
