// The dev server's page for content that `check` refuses: the same lines as the terminal, and a reload once a
// second so that the page shows the preview again as soon as a save fixes them.
import { formatProblems, problemCount } from "../errors.ts";
import { escapeXml } from "../feeds/xml.ts";
import type { Problem } from "../model.ts";

export function problemsPage(problems: readonly Problem[]): string {
  const lines = escapeXml(formatProblems(problems));
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta http-equiv="refresh" content="1"><title>内容有误 · ${problemCount(problems.length)}</title></head>
<body>
<h1>内容有误：预览暂停</h1>
<p>${problemCount(problems.length)} (the same as <code>npm run check</code>); this page reloads by itself once they are fixed.</p>
<pre id="problems">${lines}</pre>
</body>
</html>
`;
}
