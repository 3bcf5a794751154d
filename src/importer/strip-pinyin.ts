// Some wire services annotate Traditional text with pinyin after each simplified-differing character:
// 網(wǎng), 進(jìn). Those annotations go; every other parenthesis stays (English names, years, (app), bylines).
// A parenthesis is an annotation only when it directly follows a Han character and holds nothing but pinyin
// syllables with at least one tone mark, so (Tom), (2023), (app) and (José) survive.

const TONED: Record<string, string> = {
  ā: "a", á: "a", ǎ: "a", à: "a",
  ē: "e", é: "e", ě: "e", è: "e", ê: "e", ế: "e", ề: "e",
  ī: "i", í: "i", ǐ: "i", ì: "i",
  ō: "o", ó: "o", ǒ: "o", ò: "o",
  ū: "u", ú: "u", ǔ: "u", ù: "u",
  ǖ: "v", ǘ: "v", ǚ: "v", ǜ: "v", ü: "v",
  ń: "n", ň: "n", ǹ: "n", ḿ: "m",
};
const TONE_MARKS = new Set(Object.keys(TONED).filter((ch) => ch !== "ü"));

const INITIALS = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?";
const FINALS =
  "(?:iang|iong|uang|ueng|iao|ian|uai|uan|van|ang|eng|ing|ong|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ve|vn|ue|io|a|o|e|i|u|v|ng|n|m)";
const SYLLABLE = new RegExp(`^${INITIALS}${FINALS}$`);

/** True when `s` (lower case, tone marks removed) splits into one or more pinyin syllables. */
function isPinyinRun(s: string): boolean {
  // Dynamic programming over split points: annotations may join syllables (wǎngluò) or space them.
  const ok: boolean[] = [true];
  for (let end = 1; end <= s.length; end++) {
    ok[end] = false;
    for (let start = Math.max(0, end - 6); start < end; start++) {
      if (ok[start] && SYLLABLE.test(s.slice(start, end))) {
        ok[end] = true;
        break;
      }
    }
  }
  return ok[s.length] === true;
}

/** Whether the inside of a parenthesis is a pinyin annotation. */
export function isPinyinAnnotation(inner: string): boolean {
  const text = inner.normalize("NFC").trim().toLowerCase();
  if (!/^[\p{Script=Latin}' ]+$/u.test(text)) return false;
  if (![...text].some((ch) => TONE_MARKS.has(ch))) return false;
  const plain = [...text].map((ch) => TONED[ch] ?? ch).join("");
  return plain.split(/[ ']+/).filter(Boolean).every(isPinyinRun);
}

const ANNOTATION = /(\p{Script=Han})[(（]([^()（）\n]{1,40})[)）]/gu;

export function stripPinyin(text: string): string {
  // A lookbehind would miss back-to-back annotations sharing no character, so the Han character is captured
  // and put back.
  return text.replace(ANNOTATION, (whole, han: string, inner: string) =>
    isPinyinAnnotation(inner) ? han : whole,
  );
}
