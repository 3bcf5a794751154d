// The one place where text becomes XML. Feeds and sitemaps are built from strings, so every value passes
// through escapeXml; characters that XML 1.0 forbids outright (control characters, lone surrogates) are
// dropped, because a single one makes a whole feed unreadable for every subscriber.

// eslint-disable-next-line no-control-regex
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

// A cheap first look: most text has none of these, and the exact pattern above is slow on long bodies.
// eslint-disable-next-line no-control-regex
const MAYBE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for use in element content and in double- or single-quoted attribute values. */
export function escapeXml(text: string): string {
  const allowed = MAYBE_FORBIDDEN.test(text) ? text.replace(FORBIDDEN, "") : text;
  return allowed.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export type Attributes = Record<string, string | undefined>;

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");
}

/** An element holding escaped text. */
export function textElement(name: string, text: string, attrs: Attributes = {}): string {
  return `<${name}${attributes(attrs)}>${escapeXml(text)}</${name}>`;
}

/** An element holding already-built child elements (one per line), or an empty element. */
export function element(name: string, attrs: Attributes, children: readonly string[] = []): string {
  if (children.length === 0) return `<${name}${attributes(attrs)}/>`;
  return `<${name}${attributes(attrs)}>\n${children.join("\n")}\n</${name}>`;
}

/** A complete XML document: declaration, root element and a final newline. */
export function xmlDocument(root: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root}\n`;
}
