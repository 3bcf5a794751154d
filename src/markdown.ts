// Bodies are rendered once per build, here, not by a template engine: raw HTML is shown as text, unsafe
// link schemes are refused by markdown-it's validateLink, and headings get ids readers can read (Chinese
// text, not the empty string a slugify would make of it).
import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import type { Heading } from "./model.ts";
import { KIND_HAN, charKind } from "../public/js/search-text.js";

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * Past its nesting limit markdown-it stops parsing a container and drops everything after it without a word;
 * the limit is reached by lists about 48 levels deep or block quotes about 100 deep. Whenever a container's
 * content starts beyond the limit, the line is recorded so the loader can refuse the body instead.
 */
/** How deep lists and quotes may nest before markdown-it would cut the body (its preset's option, untyped). */
export const MAX_NESTING = (md.options as { maxNesting?: number }).maxNesting ?? 100;
const tokenizeBlock = md.block.tokenize.bind(md.block);
md.block.tokenize = (state, startLine, endLine) => {
  const env = state.env as { cutAtLine?: number };
  if (state.level >= MAX_NESTING && env.cutAtLine === undefined) {
    const line = state.skipEmptyLines(startLine);
    if (line < endLine) env.cutAtLine = line;
  }
  tokenizeBlock(state, startLine, endLine);
};

export interface RenderedBody {
  html: string;
  text: string;
  headings: Heading[];
  firstParagraph: string;
  /** 0-based line of the body where the parser's nesting limit would cut it (the loader refuses such bodies). */
  cutAtLine?: number;
  /** Images the body loads from other sites, which the site's CSP (img-src 'self') would block; 0-based lines. */
  foreignImages: Array<{ line: number; src: string }>;
}

/** A readable, stable fragment id: the heading's own words, minus punctuation and spaces. */
export function headingId(text: string, taken: Set<string>, index: number): string {
  const base =
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || `section-${index}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function inlineText(token: Token): string {
  return (token.children ?? [])
    .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : ""))
    .join("");
}

/**
 * @param pathPrefix the site's PATH_PREFIX: a root-relative link an editor writes (`/regions/wuxi/`) must
 * point inside the site when it is deployed under a sub-path.
 */
export function renderBody(source: string, pathPrefix = "/"): RenderedBody {
  const env: { cutAtLine?: number } = {};
  const tokens = md.parse(source, env);
  const headings: Heading[] = [];
  const taken = new Set<string>();
  const textParts: string[] = [];
  const foreignImages: RenderedBody["foreignImages"] = [];
  let firstParagraph = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "heading_open") {
      const text = inlineText(tokens[i + 1]!);
      const id = headingId(text, taken, headings.length + 1);
      token.attrSet("id", id);
      headings.push({ level: Number(token.tag.slice(1)), text, id });
    }
    if (token.type === "inline" && pathPrefix !== "/") {
      for (const child of token.children ?? []) {
        if (child.type !== "link_open" && child.type !== "image") continue;
        const attr = child.type === "image" ? "src" : "href";
        const target = child.attrGet(attr);
        if (target?.startsWith("/") && !target.startsWith("//")) child.attrSet(attr, pathPrefix + target.slice(1));
      }
    }
    if (token.type === "inline") {
      for (const child of token.children ?? []) {
        const src = child.type === "image" ? child.attrGet("src") : null;
        if (src && FOREIGN.test(src)) foreignImages.push({ line: token.map?.[0] ?? 0, src });
      }
      const text = inlineText(token);
      textParts.push(text);
      if (!firstParagraph && tokens[i - 1]?.type === "paragraph_open" && text.trim()) firstParagraph = text.trim();
    }
  }
  return {
    html: md.renderer.render(tokens, md.options, {}),
    text: textParts.join("\n"),
    headings,
    firstParagraph,
    foreignImages,
    ...(env.cutAtLine !== undefined ? { cutAtLine: env.cutAtLine } : {}),
  };
}

/** An address on another site: a scheme other than data: (markdown-it lets only raster data: images through), or `//host`. */
const FOREIGN = /^(?!data:)(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

// Read once: imported bindings of this plain-JS module are getters when tsx runs the build, one call per character.
const kindOf = charKind;
const HAN_KIND = KIND_HAN;
const LATIN_WORD = /[A-Za-z0-9]+/g;

/** Minutes to read: Chinese is read by characters (about 400 a minute), other text by words. */
export function readingMinutes(text: string): number {
  // Counted code point by code point through search-text's table of kinds (the same \p{Script=Han}): a
  // Unicode regex over every bulletin took a quarter of loading 10,000 of them.
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (kindOf(cp) === HAN_KIND) han++;
  }
  const words = text.match(LATIN_WORD)?.length ?? 0;
  return Math.max(1, Math.round(han / 400 + words / 200));
}

/** A lead for lists and feeds: the given summary, else the first paragraph cut at a sentence end. */
export function summarise(firstParagraph: string, max = 120): string {
  if (firstParagraph.length <= max) return firstParagraph;
  const cut = firstParagraph.slice(0, max);
  const end = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf("！"), cut.lastIndexOf("？"));
  return end > max / 2 ? cut.slice(0, end + 1) : `${cut}…`;
}
