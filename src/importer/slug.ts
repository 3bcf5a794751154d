// URL names from Chinese titles: one pinyin syllable per character, hyphen-separated, ASCII only, so that
// 江苏无锡：多方联动 → jiang-su-wu-xi-duo-fang-lian-dong. Latin words and digits in the title are kept.
import { pinyin } from "pinyin-pro";
import { toHans } from "../text/script.ts";

export const SLUG_MAX = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Cuts at the last hyphen that keeps the slug within `max`, never inside a syllable. */
export function trimSlug(slug: string, max = SLUG_MAX): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1).lastIndexOf("-");
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, max);
}

export function slugify(title: string, max = SLUG_MAX): string {
  // Simplified first: pinyin-pro's dictionary is keyed on Simplified characters.
  const syllables = pinyin(toHans(title), { toneType: "none", type: "array", nonZh: "consecutive", v: true });
  const slug = syllables
    .join("-")
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return trimSlug(slug, max);
}
