// A small static server for the browser tests and the byte benchmark: serves a built site from a folder under a path prefix, on
// 127.0.0.1 only, with the site's Content-Security-Policy on every response, optional gzip for text (as a
// static host would), and a log of what was sent so tests can count bytes.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { gzipSync } from "node:zlib";

export const SITE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".wasm": "application/wasm",
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

export interface ServeOptions {
  /** The built site folder. */
  root: string;
  /** Path prefix the site is served under, e.g. `/some/prefix/`; `/` by default. */
  prefix?: string;
  /** Response headers added to every response, or chosen by the path asked for; the CSP by default. */
  headers?: Record<string, string> | ((path: string) => Record<string, string>);
  /** gzip text responses when the client accepts it. */
  gzip?: boolean;
}

export interface ServedRequest {
  path: string;
  status: number;
  /** Bytes of the body as sent (after compression). */
  bytes: number;
}

export interface Served {
  /** Origin plus prefix, ending with `/`. */
  url: string;
  log: ServedRequest[];
  close(): Promise<void>;
}

async function resolveFile(root: string, relPath: string): Promise<string | undefined> {
  const candidate = normalize(join(root, relPath));
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  for (const path of [candidate, join(candidate, "index.html")]) {
    try {
      if ((await stat(path)).isFile()) return path;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

export async function serve(options: ServeOptions): Promise<Served> {
  const root = normalize(options.root);
  const prefix = options.prefix ?? "/";
  const given = options.headers ?? { "Content-Security-Policy": SITE_CSP };
  const headersFor = typeof given === "function" ? given : () => given;
  const log: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      const send = (status: number, body: Buffer, type: string): void => {
        const gzip =
          options.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
        const out = gzip ? gzipSync(body) : body;
        res.writeHead(status, {
          ...headersFor(path),
          "Content-Type": type,
          "Content-Length": out.byteLength,
          ...(gzip ? { "Content-Encoding": "gzip" } : {}),
        });
        res.end(req.method === "HEAD" ? undefined : out);
        log.push({ path, status, bytes: out.byteLength });
      };
      if (!path.startsWith(prefix)) return send(404, Buffer.from("not under the prefix"), TYPES[".txt"]!);
      const file = await resolveFile(root, path.slice(prefix.length));
      if (!file) {
        const notFound = await resolveFile(root, "404.html");
        return send(
          404,
          notFound ? await readFile(notFound) : Buffer.from("not found"),
          notFound ? TYPES[".html"]! : TYPES[".txt"]!,
        );
      }
      send(200, await readFile(file), TYPES[extname(file)] ?? "application/octet-stream");
    })().catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("serve: no port");
  return {
    url: `http://127.0.0.1:${address.port}${prefix}`,
    log,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
