// A `_headers` file for hosts that read one (Netlify, Cloudflare Pages): the CSP as a real header (so that
// frame-ancestors applies), and caching that lets hashed search files live long while pages revalidate.
import type { SiteSettings } from "./model.ts";
import { cspHeader } from "./security.ts";

export function headersFile(site: Pick<SiteSettings, "pathPrefix">): string {
  const p = site.pathPrefix;
  return [
    `${p}*`,
    `  Content-Security-Policy: ${cspHeader()}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  Cache-Control: public, max-age=0, must-revalidate",
    // Only the index chunks are named by their content; fragments are named by page number and revalidate.
    `${p}pagefind/index/*`,
    "  Cache-Control: public, max-age=86400",
    `${p}css/*`,
    "  Cache-Control: public, max-age=3600",
    "",
  ].join("\n");
}
