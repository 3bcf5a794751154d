// html-validate with the repository's .htmlvalidate.json, loaded once: one validator serves every page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import { ROOT } from "./site-build.ts";

export type HtmlValidator = (name: string, html: string) => Promise<string[]>;

/** A function giving `name:line:column: rule: message` for every problem html-validate finds in `html`. */
export function createHtmlValidator(): HtmlValidator {
  // Read explicitly: html-validate would look for the config beside the pages, which live in a temp folder.
  const config = JSON.parse(readFileSync(join(ROOT, ".htmlvalidate.json"), "utf8")) as ConfigData;
  const validator = new HtmlValidate(config);
  return async (name, html) => {
    const report = await validator.validateString(html, name);
    return report.results.flatMap((r) =>
      r.messages.map((m) => `${name}:${m.line}:${m.column}: ${m.ruleId}: ${m.message}`),
    );
  };
}
