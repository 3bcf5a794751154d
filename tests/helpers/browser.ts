// The one way tests start a browser: Debian's Chromium through playwright-core, headless, with a fresh profile
// in a temporary folder. Without a Chromium the browser tests skip loudly on a workstation and fail in CI.
import { existsSync } from "node:fs";
import type { TestContext } from "node:test";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { tempDir } from "./site-build.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../bench/chromium.ts";

export interface LaunchOptions {
  /** Let the page ignore its Content-Security-Policy (only to inject test tools such as axe). */
  bypassCSP?: boolean;
  /** Run the pages without JavaScript, as a reader who has it off. */
  javaScriptEnabled?: boolean;
}

/**
 * A browser context, or undefined after skipping the test when no Chromium is installed. In CI
 * (CI=true) a missing Chromium throws instead, so the browser suite can never silently stop running.
 */
export async function launchChromium(t: TestContext, options: LaunchOptions = {}): Promise<BrowserContext | undefined> {
  if (!existsSync(CHROMIUM_PATH)) {
    const missing = `CHROMIUM NOT FOUND at ${CHROMIUM_PATH}`;
    const install = "apt-get install -y chromium, or set CHROMIUM_PATH";
    if (process.env.CI === "true") throw new Error(`${missing} — CI=true requires the browser tests (${install})`);
    const message = `${missing} — browser tests skipped (${install})`;
    console.warn(`\n######## ${message} ########\n`);
    t.skip(message);
    return undefined;
  }
  return chromium.launchPersistentContext(tempDir("chromium-profile"), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    bypassCSP: options.bypassCSP ?? false,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
}

export interface PageErrors {
  /** Console errors, uncaught exceptions, failed requests, HTTP errors and CSP violations, in order. */
  errors: string[];
}

/**
 * Records everything on `page` that a reader would suffer from silently: console errors, page exceptions,
 * CSP violations (reported from inside the page, where the securitypolicyviolation event fires) and failed
 * requests. Call before the first navigation.
 */
export async function watchPage(page: Page): Promise<PageErrors> {
  const watched: PageErrors = { errors: [] };
  const where = () => page.url();
  page.on("console", (msg) => {
    if (msg.type() === "error") watched.errors.push(`console error on ${where()}: ${msg.text()}`);
  });
  page.on("pageerror", (error) => watched.errors.push(`uncaught exception on ${where()}: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "?";
    // Leaving a page aborts its pending requests; that is the reader moving on, not a failure.
    if (!reason.includes("ERR_ABORTED"))
      watched.errors.push(`request failed on ${where()}: ${request.url()} (${reason})`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) watched.errors.push(`HTTP ${response.status()} on ${where()}: ${response.url()}`);
  });
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => {
    watched.errors.push(`CSP violation on ${where()}: ${text}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return watched;
}
