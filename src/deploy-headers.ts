// A `_headers` file for hosts that read one (Netlify, Cloudflare Pages): the CSP as a real header (so that
// frame-ancestors applies), and caching that lets hashed search files live long while pages revalidate.
// The editor at /admin/ has its own policy; the more specific rule's header is the one Netlify sends.
import type { SiteSettings } from "./model.ts";
import { ADMIN_PATH } from "./cms/config.ts";
import { adminCspDirectives, cspHeader } from "./security.ts";

export function headersFile(site: Pick<SiteSettings, "pathPrefix" | "cms">): string {
  const p = site.pathPrefix;
  return [
    `${p}*`,
    `  Content-Security-Policy: ${cspHeader()}`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  Cache-Control: public, max-age=0, must-revalidate",
    `${p}${ADMIN_PATH.slice(1)}*`,
    `  Content-Security-Policy: ${cspHeader(adminCspDirectives(site.cms))}`,
    // Only the index chunks are named by their content; fragments are named by page number and revalidate.
    `${p}pagefind/index/*`,
    "  Cache-Control: public, max-age=86400",
    `${p}css/*`,
    "  Cache-Control: public, max-age=3600",
    "",
  ].join("\n");
}
