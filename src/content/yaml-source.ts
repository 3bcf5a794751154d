// YAML parsed with its positions kept, so that every problem can name the line of the field it is about,
// and zod's issues translated into the same `file:line: field: message` shape.
import { CORE_SCHEMA, load } from "js-yaml";
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { z } from "zod";
import type { Problem } from "../model.ts";
import { rank } from "../registries/suggest.ts";

export interface YamlSource {
  value: unknown;
  problems: Problem[];
  /** Line of the value at `path` (or of its key), else the fallback line. */
  lineOf(path: readonly PropertyKey[]): number;
  /** Line where the document starts (the front-matter fence for bulletins). */
  fallbackLine: number;
}

/**
 * @param firstLine line number in the file of the YAML's first line (2 for front matter after a `---` fence)
 * @param fallbackLine line to report for fields that are missing altogether
 */
export function parseYamlWithLines(
  source: string,
  file: string,
  firstLine: number,
  fallbackLine = firstLine,
): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = doc.errors.map((error) => ({
    file,
    line: lineAt(error.pos[0]),
    field: "front matter",
    message: `malformed YAML: ${error.message.split("\n")[0]}`,
  }));
  let value: unknown;
  if (!problems.length) {
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Aliases that expand exponentially ("billion laughs") are refused by the yaml package with an error
      // that names no file; it becomes a problem at the first alias, like any other malformed YAML.
      problems.push({
        file,
        line: lineAt(firstAliasOffset(doc) ?? 0),
        field: "front matter",
        message: `YAML aliases (*name) expand to too much (${error instanceof Error ? error.message : String(error)}); write the values out`,
      });
    }
  }
  return {
    value,
    problems,
    fallbackLine,
    lineOf: (path) => {
      const offset = offsetOf(doc, path);
      return offset === undefined ? fallbackLine : lineAt(offset);
    },
  };
}

/** Each alias may be expanded this many times: plenty for a shared list, far too few for an expansion bomb. */
const MAX_ALIAS_COUNT = 50;

function firstAliasOffset(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}

/**
 * The same as parseYamlWithLines for a file without problems, four times faster: the values come from js-yaml
 * (YAML 1.2 core schema, like `yaml`), and the positions are parsed only when a problem asks for a line,
 * which a valid file never does. A document js-yaml refuses, holding a binary number (`0b101`, a number to
 * js-yaml but text to `yaml`) or an alias (`*name`, whose expansion parseYamlWithLines limits) is parsed with
 * positions straight away.
 */
export function parseYamlLazily(source: string, file: string, firstLine: number, fallbackLine = firstLine): YamlSource {
  let value: unknown;
  try {
    if (source.includes("0b") || source.includes("*")) throw new Error("parsed with positions");
    value = load(source, { schema: CORE_SCHEMA, filename: file });
  } catch {
    return parseYamlWithLines(source, file, firstLine, fallbackLine);
  }
  let positioned: YamlSource | undefined;
  return {
    value,
    problems: [],
    fallbackLine,
    lineOf: (path) => (positioned ??= parseYamlWithLines(source, file, firstLine, fallbackLine)).lineOf(path),
  };
}

function offsetOf(doc: Document, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const sub = path.slice(0, depth);
    const node = doc.getIn(sub as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
    // A key whose value is null has no value node: fall back to the key itself.
    const parent = depth === 1 ? doc.contents : doc.getIn(sub.slice(0, -1) as unknown[], true);
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === sub[depth - 1]);
      if (pair && isScalar(pair.key) && pair.key.range) return pair.key.range[0];
    }
  }
  return undefined;
}

/** Translates zod issues into problems; unknown keys get a "did you mean" from the schema's own keys. */
export function problemsFromZod(
  error: z.ZodError,
  source: YamlSource,
  file: string,
  knownKeys: readonly string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const guess = rank(key, knownKeys, (k) => [k], 1, 0.5)[0]?.label;
        problems.push({
          file,
          line: source.lineOf(path),
          field: path.join("."),
          message: `unknown field${guess ? `; did you mean "${guess}"?` : ""}`,
        });
      }
      continue;
    }
    const path = issue.path.map(String);
    const missing = issue.code === "invalid_type" && valueAt(source.value, issue.path) === undefined;
    problems.push({
      file,
      line: missing ? source.fallbackLine : source.lineOf(issue.path as PropertyKey[]),
      field: path.join(".") || "front matter",
      message: missing ? "required field is missing" : issue.message,
    });
  }
  return problems;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
