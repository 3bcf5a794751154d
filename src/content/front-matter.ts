// Front matter is YAML and nothing else: `---js` would run code on the build machine, so any fence with a
// language tag is refused before gray-matter sees it.
import matter from "gray-matter";
import { parseYamlLazily, type YamlSource } from "./yaml-source.ts";
import type { Problem } from "../model.ts";

export interface SplitSource {
  yaml?: YamlSource;
  body: string;
  /** Line in the file where the body starts. */
  bodyLine: number;
  problems: Problem[];
}

export function splitFrontMatter(text: string, file: string): SplitSource {
  const firstLine = text.slice(0, text.indexOf("\n") >>> 0);
  const fence = /^---\s*(\S*)\s*$/.exec(firstLine);
  if (!fence) {
    return {
      body: text,
      bodyLine: 1,
      problems: [
        {
          file,
          line: 1,
          field: "front matter",
          message: "missing: the file must start with a `---` line, the YAML fields, and another `---` line",
        },
      ],
    };
  }
  if (fence[1]) {
    return {
      body: "",
      bodyLine: 1,
      problems: [
        { file, line: 1, field: "front matter", message: `only YAML front matter is allowed, not "${fence[1]}"` },
      ],
    };
  }
  const head = /^---[^\n]*\n(?:[\s\S]*?\n)?---[ \t]*(\n|$)/.exec(text);
  if (!head) {
    return {
      body: "",
      bodyLine: 1,
      problems: [{ file, line: 1, field: "front matter", message: "the front matter is not closed by a `---` line" }],
    };
  }
  // gray-matter only splits here; yaml-source parses the YAML, and again with positions if a problem needs a line.
  // It is given the fenced head alone, where it finds the same closing fence: it copies whatever it is given into
  // a Buffer, which for whole files was a tenth of loading 100,000 bulletins and a stream of garbage.
  const parsed = matter(head[0], { language: "yaml", engines: { yaml: () => ({}) } } as never) as {
    matter: string;
    content: string;
  };
  const source = parsed.matter.replace(/^\n/, "");
  const yaml = parseYamlLazily(source, file, 2, 1);
  const frontLines = source === "" ? 0 : source.split("\n").length;
  return { yaml, body: parsed.content + text.slice(head[0].length), bodyLine: frontLines + 3, problems: yaml.problems };
}
