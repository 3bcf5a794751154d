// The Content-Security-Policy of every page, the test server and the `_headers` file. No inline script or
// style is allowed anywhere; 'wasm-unsafe-eval' is there only for Pagefind's WebAssembly search runtime.
// The web editor at /admin/ alone gets a looser policy of its own (adminCspDirectives).
import type { CmsSettings } from "./model.ts";

type Directives = Readonly<Record<string, string>>;

export const CSP_DIRECTIVES: Directives = {
  "default-src": "'self'",
  "script-src": "'self' 'wasm-unsafe-eval'",
  "style-src": "'self'",
  "img-src": "'self' data:",
  "font-src": "'self'",
  "connect-src": "'self'",
  "object-src": "'none'",
  "base-uri": "'self'",
  "form-action": "'self'",
  "frame-ancestors": "'none'",
};

/** The API each git host's backend talks to when the settings name none. */
const DEFAULT_API_ROOT: Readonly<Record<CmsSettings["backend"]["name"], string>> = {
  github: "https://api.github.com",
  gitlab: "https://gitlab.com/api/v4",
  gitea: "https://try.gitea.io/api/v1",
};

/**
 * Decap CMS needs more than the site: React styles its components with injected <style> elements
 * ('unsafe-inline' styles), its config validator compiles schemas with `new Function` ('unsafe-eval', which covers its WebAssembly too),
 * uploaded and fetched images are shown from blob: URLs, and it talks to the git host's API (and, under
 * `npm run cms`, to decap-server on this machine). Nothing else is loosened.
 */
export function adminCspDirectives(cms: CmsSettings): Directives {
  // The API, and the host's own address where a self-hosted GitLab or Gitea exchanges the login (PKCE).
  const hosts = new Set(
    [
      cms.backend.api_root ?? DEFAULT_API_ROOT[cms.backend.name],
      ...(cms.backend.base_url ? [cms.backend.base_url] : []),
    ].map((u) => new URL(u).origin),
  );
  const local = cms.localBackend ? [new URL(cms.localBackend).origin] : [];
  return {
    ...CSP_DIRECTIVES,
    "script-src": "'self' 'unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "connect-src": ["'self'", ...hosts, ...local].join(" "),
  };
}

/** Directives a `<meta http-equiv>` policy may carry (frame-ancestors only works as a header). */
const META_UNSUPPORTED = new Set(["frame-ancestors"]);

export function cspHeader(directives: Directives = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([k, v]) => `${k} ${v}`)
    .join("; ");
}

export function cspMeta(directives: Directives = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .filter(([k]) => !META_UNSUPPORTED.has(k))
    .map(([k, v]) => `${k} ${v}`)
    .join("; ");
}
