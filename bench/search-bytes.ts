// Bytes a reader downloads to search: serves a built site (gzip on, as static hosts do), opens /search/
// with a first query, then runs further queries from the box, and sums what the server sent for each step.
// Usage: npm run bench:search-bytes -- <siteDir> <first query> [further queries…]
import { chromium } from "playwright-core";
import { serve } from "./static-server.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.ts";

const [siteDir, ...queries] = process.argv.slice(2);
if (!siteDir || !queries.length) throw new Error("usage: npm run bench:search-bytes -- <siteDir> <query> [query…]");
const served = await serve({ root: siteDir, gzip: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await (await browser.newContext()).newPage();
const settled = async () => {
  await page.waitForFunction(
    () => /找到|没有找到|不可用/.test(document.querySelector("[data-search-status]")?.textContent ?? ""),
    null,
    { timeout: 120_000 },
  );
  await page.waitForLoadState("networkidle");
  return (await page.locator("[data-search-status]").textContent()) ?? "";
};
// The page itself and the site-wide stylesheet are not search costs; everything else is.
const searchBytes = (from: number) =>
  served.log.slice(from).filter((r) => !/\/search\/$|site\.css$|favicon/.test(r.path));
let mark = 0;
for (const [i, q] of queries.entries()) {
  if (i === 0) await page.goto(`${served.url}search/?q=${encodeURIComponent(q)}`);
  else {
    await page.fill("#search-q", q);
    await page.press("#search-q", "Enter");
  }
  const status = await settled();
  const reqs = searchBytes(mark);
  const total = reqs.reduce((n, r) => n + r.bytes, 0);
  console.log(
    `${i === 0 ? "first" : "further"} ${q}: ${(total / 1024).toFixed(1)} KB in ${reqs.length} requests — ${status}`,
  );
  if (process.env.VERBOSE) for (const r of reqs) console.log(`   ${r.bytes}\t${r.path}`);
  mark = served.log.length;
}
await browser.close();
await served.close();
