// Files are bytes until proven UTF-8: a bulletin saved as GBK by a Windows editor must fail loudly with the
// encoding it looks like, not render as mojibake.
import chardet from "chardet";

export type Decoded = { text: string } | { error: string };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeUtf8(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { error: "file is empty" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const guess = chardet.detect(bytes);
    return { error: `file is not UTF-8${guess ? ` (it looks like ${guess})` : ""}; re-save it as UTF-8` };
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.trim()) return { error: "file is empty" };
  return { text };
}
