// Writing a bulletin file: YAML front matter made by the yaml package (never by string concatenation, so
// quotes, colons and # in titles are escaped correctly), the Markdown body, and a path that is never
// overwritten. Shared by `npm run new` and `npm run import`.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { Document, isMap, isSeq } from "yaml";
import type { Script } from "../model.ts";
import { CommandError } from "../errors.ts";

export interface NewFrontMatter {
  title: string;
  /** As it will be written: `2023-08-29` or `2023-08-29 09:30`. */
  date: string;
  region: string;
  campaign?: string[];
  types?: string[];
  tags?: string[];
  authors?: string[];
  source?: string;
  lang?: Script;
  draft?: boolean;
}

// Fixed field order, the one editors see in the sample bulletins.
const ORDER: ReadonlyArray<keyof NewFrontMatter> = [
  "title",
  "date",
  "region",
  "campaign",
  "types",
  "tags",
  "authors",
  "source",
  "lang",
  "draft",
];

export function renderFrontMatter(fm: NewFrontMatter): string {
  const data: Record<string, unknown> = {};
  for (const key of ORDER) {
    const value = fm[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    data[key] = value;
  }
  const doc = new Document(data);
  // Short lists read best on one line, as in the hand-written bulletins: [tianwang, xindun].
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) if (isSeq(pair.value)) pair.value.flow = true;
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

export function renderBulletin(fm: NewFrontMatter, body: string): string {
  return `---\n${renderFrontMatter(fm)}---\n\n${body.replace(/\n*$/, "\n")}`;
}

/** content/bulletins/<yyyy>/<slug>.md */
export function bulletinPath(contentDir: string, year: number, slug: string): string {
  return join(contentDir, "bulletins", String(year), `${slug}.md`);
}

/** Writes `text` to a new file; refuses (CommandError) when the path exists, whatever its content. */
export function writeNewFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  try {
    // 'wx' makes "does not exist yet" and "create" one step, so two runs cannot both write.
    writeFileSync(path, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new CommandError([
        `${relative(process.cwd(), path)} already exists; choose another --slug (nothing was overwritten)`,
      ]);
    }
    throw error;
  }
}
