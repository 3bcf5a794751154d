// Pasted news text arrives as bytes in whatever the editor's machine saved: UTF-8 (with or without a BOM),
// or GB18030/GBK from Windows editors in mainland China. Everything downstream works on one normalised string.
import chardet from "chardet";
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  /** The encoding the bytes were read as, e.g. `UTF-8`, `UTF-8 (BOM)`, `GB18030`. */
  encoding: string;
}

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

/** Line ends to LF and characters to NFC (pinyin tone marks may come as combining accents). */
export function normalise(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}

export function decode(bytes: Uint8Array): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = iconv.decode(Buffer.from(bytes.subarray(bom.skip)), bom.encoding);
    return { text: normalise(text), encoding: `${bom.encoding.toUpperCase()} (BOM)` };
  }
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: normalise(utf8), encoding: "UTF-8" };
  const guess = chardet.detect(bytes);
  const encoding = guess && CHINESE_LEGACY.has(guess) ? guess : "GB18030";
  return { text: normalise(iconv.decode(Buffer.from(bytes), encoding)), encoding };
}
