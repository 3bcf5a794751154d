// Internal link checker over a built site folder: every href, src, srcset and form action in the HTML, every
// url() and @import in the CSS, and absolute links back to the site itself (canonical, og:url) must name a
// file that exists under the path prefix; a #fragment must name an id on the target page.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Parser } from "htmlparser2";

export interface LinkProblem {
  /** The page or stylesheet holding the reference, relative to the site folder. */
  file: string;
  ref: string;
  problem: string;
}

export interface LinkCheckOptions {
  dir: string;
  /** Path prefix the site was built for: every internal URL must start with it. */
  prefix: string;
  /** The site's absolute URL (SITE_URL); absolute links starting with it are internal. */
  siteUrl: string;
}

export interface LinkReport {
  problems: LinkProblem[];
  /** How many internal references were resolved, so a test can tell an empty check from a clean one. */
  checked: number;
}

interface HtmlFacts {
  ids: Set<string>;
  refs: string[];
}

const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  href: ["a", "area", "link", "use"],
  src: ["img", "script", "iframe", "source", "audio", "video", "embed", "track", "input"],
  action: ["form"],
  poster: ["video"],
  data: ["object"],
};
/** Open Graph and Twitter tags that carry URLs of this site. */
const URL_META = /^(og:url|og:image|og:image:url|og:image:secure_url|twitter:image)$/;
const SAFE_SCHEMES = /^(mailto|tel|sms|data):/i;
/** The fragments every browser understands without an element to match. */
const TOP_FRAGMENTS = new Set(["", "top"]);

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

function readHtml(source: string): HtmlFacts {
  const ids = new Set<string>();
  const refs: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (attribs.id) ids.add(attribs.id);
        if (name === "a" && attribs.name) ids.add(attribs.name);
        for (const [attr, tags] of Object.entries(URL_ATTRIBUTES)) {
          const value = attribs[attr];
          if (value !== undefined && tags.includes(name)) refs.push(value);
        }
        if (attribs.srcset && (name === "img" || name === "source")) {
          for (const candidate of attribs.srcset.split(",")) {
            const url = candidate.trim().split(/\s+/)[0];
            if (url) refs.push(url);
          }
        }
        const property = attribs.property ?? attribs.name;
        if (name === "meta" && property && URL_META.test(property) && attribs.content) refs.push(attribs.content);
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(source);
  return { ids, refs };
}

function readCss(source: string): string[] {
  const refs: string[] = [];
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, "");
  for (const m of withoutComments.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) {
    refs.push(m[1] ?? m[2] ?? m[3] ?? "");
  }
  for (const m of withoutComments.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) refs.push(m[1] ?? m[2] ?? "");
  return refs;
}

/** The public URL path a file is served at. */
function servedPath(prefix: string, file: string): string {
  return prefix + file.replace(/(^|\/)index\.html$/, "$1");
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

export function checkLinks(options: LinkCheckOptions): LinkReport {
  const { dir, prefix } = options;
  const siteUrl = options.siteUrl.replace(/\/+$/, "");
  const files = listFiles(dir);
  const fileSet = new Set(files);
  const html = new Map<string, HtmlFacts>();
  const css = new Map<string, string[]>();
  for (const file of files) {
    if (file.endsWith(".html")) html.set(file, readHtml(readFileSync(join(dir, file), "utf8")));
    else if (file.endsWith(".css")) css.set(file, readCss(readFileSync(join(dir, file), "utf8")));
  }

  const problems: LinkProblem[] = [];
  let checked = 0;
  const check = (file: string, ref: string): void => {
    const report = (problem: string): void => {
      problems.push({ file, ref, problem });
    };
    const trimmed = ref.trim();
    if (/^javascript:/i.test(trimmed)) return report("javascript: URL");
    if (trimmed === "" || SAFE_SCHEMES.test(trimmed)) return;
    const isAbsolute = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//");
    if (isAbsolute && !(trimmed === siteUrl || trimmed.startsWith(`${siteUrl}/`))) return; // another site
    if (!isAbsolute && file === "404.html" && !trimmed.startsWith("/") && !trimmed.startsWith("#")) {
      return report("relative URL on the 404 page, which is served at any path");
    }
    const base = new URL(servedPath(prefix, file), "http://site.invalid");
    const url = new URL(isAbsolute ? trimmed.slice(siteUrl.length) || "/" : trimmed, base);
    checked++;
    if (!url.pathname.startsWith(prefix)) return report(`outside the path prefix ${prefix}`);
    const path = decode(url.pathname.slice(prefix.length));
    if (path === undefined) return report("malformed percent-encoding");
    const target = path === "" || path.endsWith("/") ? `${path}index.html` : path;
    if (!fileSet.has(target)) {
      if (fileSet.has(`${target}/index.html`)) return report("folder link without its trailing slash");
      return report(`no file ${target}`);
    }
    const fragment = decode(url.hash.slice(1));
    if (fragment === undefined) return report("malformed percent-encoding in the fragment");
    const facts = html.get(target);
    if (facts && !TOP_FRAGMENTS.has(fragment) && !facts.ids.has(fragment))
      report(`no element with id "${fragment}" on ${target}`);
  };
  for (const [file, facts] of html) for (const ref of facts.refs) check(file, ref);
  for (const [file, refs] of css) for (const ref of refs) check(file, ref);
  return { problems, checked };
}

/** One line per distinct problem, naming up to three of the files that have it (a broken footer link is on every page). */
export function formatLinkProblems(problems: readonly LinkProblem[]): string {
  const byProblem = new Map<string, string[]>();
  for (const p of problems) {
    const key = `${p.ref}: ${p.problem}`;
    byProblem.set(key, [...(byProblem.get(key) ?? []), p.file]);
  }
  return [...byProblem]
    .map(
      ([key, files]) =>
        `${files.slice(0, 3).join(", ")}${files.length > 3 ? ` and ${files.length - 3} more` : ""}: ${key}`,
    )
    .join("\n");
}
