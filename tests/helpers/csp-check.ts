// What a page must hold to work under the site's Content-Security-Policy: the policy itself as a <meta>, and
// nothing the policy blocks — no inline script (JSON-LD data blocks are not scripts), no inline event
// handler, no style attribute or <style> element, no script, style or image from another origin.
import { Parser } from "htmlparser2";

/** Script types that browsers execute; anything else (application/ld+json …) is a data block. */
const EXECUTABLE_SCRIPT = /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i;
const SAME_ORIGIN = /^(\/(?!\/)|\.|#|[^:/?#]+(?:[/?#]|$))/;

export function cspProblems(html: string, expectedPolicy: string): string[] {
  const problems: string[] = [];
  const policies: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name === "meta" && attribs["http-equiv"]?.toLowerCase() === "content-security-policy")
          policies.push(attribs.content ?? "");
        if (name === "script") {
          const type = (attribs.type ?? "").trim();
          if (attribs.src === undefined && EXECUTABLE_SCRIPT.test(type))
            problems.push(`inline <script${type ? ` type="${type}"` : ""}> (blocked by script-src)`);
          if (attribs.src !== undefined && !SAME_ORIGIN.test(attribs.src))
            problems.push(`script from another origin: ${attribs.src}`);
        }
        if (name === "style") problems.push("<style> element (blocked by style-src)");
        if (attribs.style !== undefined) problems.push(`style attribute on <${name}> (blocked by style-src)`);
        for (const attr of Object.keys(attribs)) {
          if (/^on[a-z]+$/.test(attr))
            problems.push(`inline event handler ${attr} on <${name}> (blocked by script-src)`);
        }
        const rel = ` ${attribs.rel ?? ""} `.toLowerCase();
        if (
          name === "link" &&
          /\s(stylesheet|icon|preload|modulepreload)\s/.test(rel) &&
          attribs.href &&
          !SAME_ORIGIN.test(attribs.href)
        ) {
          problems.push(`<link rel="${attribs.rel}"> from another origin: ${attribs.href}`);
        }
        if (name === "img" && attribs.src && !SAME_ORIGIN.test(attribs.src) && !attribs.src.startsWith("data:")) {
          problems.push(`image from another origin: ${attribs.src}`);
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (policies.length === 0) problems.push('no <meta http-equiv="Content-Security-Policy">');
  else if (policies.length > 1) problems.push(`${policies.length} Content-Security-Policy <meta> elements`);
  else if (policies[0] !== expectedPolicy)
    problems.push(`Content-Security-Policy is "${policies[0]}", expected "${expectedPolicy}"`);
  return problems;
}
