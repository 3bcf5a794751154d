// Quality gates over every page of the built sample site: valid HTML, no broken internal link, the CSP on
// every page and nothing it blocks, and no serious accessibility violation on one page of each kind.
// .htmlvalidate.json relaxes html-validate's recommended rules only where the HTML is valid and accessible:
// `doctype-style` (the lowercase <!doctype html> is standard), and `aria-label-misuse` with allowAnyNamable
// (ARIA lets authors name lists and navigation; naming an element that may not be named is still an error).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { ADMIN_PATH } from "../src/cms/config.ts";
import { adminCspDirectives, cspHeader, cspMeta } from "../src/security.ts";
import { loadSettings } from "../src/settings.ts";
import { seriousViolations } from "./helpers/axe.ts";
import { launchChromium } from "./helpers/browser.ts";
import { cspProblems } from "./helpers/csp-check.ts";
import { createHtmlValidator } from "./helpers/html-validity.ts";
import { checkLinks, formatLinkProblems, listFiles } from "./helpers/link-check.ts";
import { serve } from "../bench/static-server.ts";
import { BUILD_ENV, builtSite, ROOT } from "./helpers/site-build.ts";

const site = await builtSite();
const files = listFiles(site.dir);
const pages = files.filter((f) => f.endsWith(".html"));
const firstBulletin = pages.find((p) => p.startsWith("bulletins/"));
const ADMIN_PAGE = `${ADMIN_PATH.slice(1)}index.html`;
const { settings } = loadSettings(join(ROOT, "content"), BUILD_ENV);
/** The web editor's page has its own, looser policy; every other page has the site's. */
const policyOf = (page: string): string =>
  page === ADMIN_PAGE ? cspMeta(adminCspDirectives(settings!.cms)) : cspMeta();

/** One page of each kind for the checks that are too slow to run on every page. */
const SAMPLE_PAGES: ReadonlyArray<{ kind: string; path: string | undefined }> = [
  { kind: "home", path: "" },
  { kind: "bulletin", path: firstBulletin?.replace(/index\.html$/, "") },
  { kind: "listing", path: "regions/jiangsu/" },
  { kind: "search", path: "search/" },
  { kind: "404", path: "this-page-does-not-exist/" },
];

describe("quality gates on the built sample site", () => {
  test("the build has every kind of page the gates sample", () => {
    for (const page of ["index.html", "404.html", "regions/jiangsu/index.html", ADMIN_PAGE, "search/index.html"]) {
      assert.ok(files.includes(page), `the build has no ${page}`);
    }
    assert.ok(firstBulletin, "the build has no bulletin page");
    assert.ok(pages.length >= 50, `only ${pages.length} HTML pages were built`);
  });

  test("every page is valid HTML (html-validate, .htmlvalidate.json)", async () => {
    const validate = createHtmlValidator();
    const failures: string[] = [];
    for (const page of pages) failures.push(...(await validate(page, readFileSync(join(site.dir, page), "utf8"))));
    assert.deepEqual(failures, [], `invalid HTML:\n${failures.join("\n")}`);
  });

  test("no broken internal link, fragment, image or asset", () => {
    const { problems, checked } = checkLinks({ dir: site.dir, prefix: site.prefix, siteUrl: site.siteUrl });
    assert.ok(
      checked > pages.length * 5,
      `only ${checked} internal references were found — is the checker reading the pages?`,
    );
    assert.equal(problems.length, 0, `broken internal references:\n${formatLinkProblems(problems)}`);
  });

  test("every page carries the Content-Security-Policy and nothing it blocks; only /admin/ has the editor's", () => {
    const failures = pages.flatMap((page) =>
      cspProblems(readFileSync(join(site.dir, page), "utf8"), policyOf(page)).map((problem) => `${page}: ${problem}`),
    );
    assert.equal(
      pages.filter((page) => policyOf(page) !== cspMeta()).length,
      1,
      "one page, the editor, has a policy of its own",
    );
    assert.deepEqual(failures, [], `pages at odds with the CSP:\n${failures.join("\n")}`);
  });

  test("axe-core: no serious or critical violation on the home, a bulletin, a listing, the search and the 404 page", async (t) => {
    const context = await launchChromium(t, { bypassCSP: true });
    if (!context) return;
    const server = await serve({
      root: site.dir,
      prefix: site.prefix,
      headers: { "Content-Security-Policy": cspHeader() },
    });
    const failures: string[] = [];
    try {
      const page = await context.newPage();
      for (const { kind, path } of SAMPLE_PAGES) {
        assert.ok(path !== undefined, `no ${kind} page to check`);
        await page.goto(server.url + path);
        const violations = await seriousViolations(page);
        failures.push(...violations.map((v) => `${kind} /${path}: ${v}`));
      }
    } finally {
      await context.close();
      await server.close();
    }
    assert.deepEqual(failures, [], `accessibility violations:\n${failures.join("\n")}`);
  });
});
