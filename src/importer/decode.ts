// Pasted news text arrives as bytes in whatever the editor's machine saved: UTF-8 (with or without a BOM),
// GB18030/GBK from Windows editors in mainland China, or UTF-16 from Word's "Unicode text". Everything
// downstream works on one normalised string; bytes that decode to no text at all (a .docx, a picture) are refused
// here, so that import never writes a bulletin of garbage.
import chardet from "chardet";
import iconv from "iconv-lite";
import { firstBadCharacter } from "../content/characters.ts";

export type Decoded =
  | {
      text: string;
      /** The encoding the bytes were read as, e.g. `UTF-8`, `UTF-8 (BOM)`, `GB18030`. */
      encoding: string;
    }
  | { error: string };

// Legacy CJK encodings chardet may name; anything else it guesses for non-UTF-8 Chinese text is a misfire
// (short GBK texts often score as EUC-KR/EUC-JP), so GB18030, a superset of GBK and GB2312, is the fallback.
const CHINESE_LEGACY = new Set(["GB18030", "Big5"]);

function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  return undefined;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * UTF-16 saved without a byte-order mark: its line feeds and ASCII are a zero byte beside another, always on
 * the same side (odd offsets for little-endian). chardet does not recognise it.
 */
function bomlessUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  const pairs = bytes.length / 2;
  if (odd > pairs / 50 && even === 0) return "utf-16le";
  if (even > pairs / 50 && odd === 0) return "utf-16be";
  return undefined;
}

/** Line ends to LF and characters to NFC (pinyin tone marks may come as combining accents). */
export function normalise(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}

function read(bytes: Uint8Array): { text: string; encoding: string } {
  const bom = bomEncoding(bytes);
  if (bom)
    return {
      text: iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.encoding),
      encoding: `${bom.encoding.toUpperCase()} (BOM)`,
    };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "UTF-8" };
  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: iconv.decode(Buffer.from(bytes), utf16), encoding: `${utf16.toUpperCase()} (no BOM)` };
  const guess = chardet.detect(bytes);
  const encoding = guess && CHINESE_LEGACY.has(guess) ? guess : "GB18030";
  return { text: iconv.decode(Buffer.from(bytes), encoding), encoding };
}

export function decode(bytes: Uint8Array): Decoded {
  const { text, encoding } = read(bytes);
  const normalised = normalise(text);
  const lines = normalised.split("\n");
  const lineIndex = lines.findIndex((line) => firstBadCharacter(line));
  if (lineIndex >= 0) {
    const bad = firstBadCharacter(lines[lineIndex]!)!;
    return {
      error: `the file is not text: read as ${encoding}, line ${lineIndex + 1} holds ${bad.message.replace(/; (remove|replace|retype) .*$/, "")}; give import plain text (UTF-8, GB18030, or UTF-16), e.g. copied out of a .docx or PDF`,
    };
  }
  return { text: normalised, encoding };
}
