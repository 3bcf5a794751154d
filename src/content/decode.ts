// Files are bytes until proven UTF-8: a bulletin saved as GBK by a Windows editor must fail loudly with the
// encoding it looks like, not render as mojibake; a UTF-8 file with a few broken bytes is pointed at the line.
import chardet from "chardet";

export type Decoded = { text: string } | { error: string; line: number };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { error: "file is empty", line: 1 };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return notUtf8(bytes);
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.trim()) return { error: "file is empty", line: 1 };
  return { text };
}

function notUtf8(bytes: Uint8Array): { error: string; line: number } {
  // Mostly UTF-8 with a few bad bytes (an encoded UTF-16 surrogate, a cut character): say where. A file in
  // another encoding has bad bytes nearly everywhere; then its encoding is the useful news.
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const broken = lenient.match(/\uFFFD+/g)?.length ?? 0;
  const good = lenient.match(/[^\u0000-\u007F\uFFFD]/gu)?.length ?? 0;
  if (good < broken * 3) {
    const guess = chardet.detect(bytes);
    return {
      error: `file is not UTF-8${guess && guess !== "UTF-8" ? ` (it looks like ${guess})` : ""}; re-save it as UTF-8`,
      line: 1,
    };
  }
  const at = firstInvalidUtf8(bytes);
  const line = bytes.subarray(0, at).reduce((n, b) => (b === 0x0a ? n + 1 : n), 1);
  const hex = [...bytes.subarray(at, at + 3)].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
  return {
    error: `file is UTF-8 except for the bytes ${hex}, which are not a character; retype the text around them`,
    line,
  };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (the length if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const second = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates (ED A0–BF …) and code points past U+10FFFF.
    if (
      (b === 0xe0 && second < 0xa0) ||
      (b === 0xed && second >= 0xa0) ||
      (b === 0xf0 && second < 0x90) ||
      (b === 0xf4 && second >= 0x90)
    )
      return i;
    i += length;
  }
  return bytes.length;
}
