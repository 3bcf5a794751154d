// JSON inside <script type="application/ld+json"> or data blocks: characters that could end the script
// element or confuse an HTML parser are written as \u escapes, which every JSON parser reads back as-is.
const UNSAFE = /[<>&\u2028\u2029]/g;

export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
