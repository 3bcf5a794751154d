// Decap's local backend (decap-server) for `npm run cms` and the editor's browser test: it reads and writes
// the Markdown files of a folder directly (no git), listening on 127.0.0.1 only, so nothing off this machine
// can reach the working tree.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { createRequire } from "node:module";

export interface LocalBackend {
  /** The API URL Decap's `local_backend.url` names. */
  url: string;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
const STARTUP_MS = 20_000;

/** A port free on 127.0.0.1 now (decap-server cannot listen on port 0 and tell which port it got). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Starts decap-server on `repo` (the folder holding content/) and resolves once it listens. */
export async function startLocalBackend(options: {
  repo: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<LocalBackend> {
  const port = options.port ?? (await freePort());
  const bin = createRequire(import.meta.url).resolve("decap-server/dist/index.js");
  const child = spawn(process.execPath, [bin], {
    cwd: options.repo,
    env: {
      ...process.env,
      PORT: String(port),
      BIND_HOST: HOST,
      GIT_REPO_DIRECTORY: options.repo,
      MODE: "fs",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`decap-server did not start within ${STARTUP_MS / 1000} s`)),
      STARTUP_MS,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      for (const line of text.split("\n").filter(Boolean)) options.log?.(line);
      if (text.includes("listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`decap-server exited with status ${code} (is port ${port} taken?)`));
    });
  });
  return {
    url: `http://${HOST}:${port}/api/v1`,
    stop: async () => {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}
