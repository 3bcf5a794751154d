// One Content-Security-Policy for every page, the test server and the `_headers` file. No inline script or
// style is allowed anywhere; 'wasm-unsafe-eval' is there only for Pagefind's WebAssembly search runtime.
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
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

/** Directives a `<meta http-equiv>` policy may carry (frame-ancestors only works as a header). */
const META_UNSUPPORTED = new Set(["frame-ancestors"]);

export function cspHeader(): string {
  return Object.entries(CSP_DIRECTIVES).map(([k, v]) => `${k} ${v}`).join("; ");
}

export function cspMeta(): string {
  return Object.entries(CSP_DIRECTIVES)
    .filter(([k]) => !META_UNSUPPORTED.has(k))
    .map(([k, v]) => `${k} ${v}`)
    .join("; ");
}
