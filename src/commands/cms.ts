// `npm run cms [-- --backend-port 8081]`: the web editor on this machine. Starts Decap's local backend
// (decap-server, on 127.0.0.1, reading and writing this working tree's content/) and the dev server of
// `npm start`, whose /admin/ then talks to that backend: an editor saves, the preview rebuilds, and the
// changed files wait in the working tree to be committed.
import { spawn } from "node:child_process";
import { startLocalBackend } from "../cms/local-backend.ts";
import { commandLine, parseCommandLine, portOption, REPO_ROOT } from "./cli.ts";
import { runCommand } from "./run.ts";

runCommand(async () => {
  const { values } = parseCommandLine(
    commandLine({
      usage: "npm run cms [-- --backend-port PORT]",
      about:
        "The web editor on this machine: starts Decap's local backend (decap-server, on 127.0.0.1, editing this working tree's content/) and the dev server of npm start; open http://localhost:8080/admin/.",
      options: { "backend-port": { type: "string", default: "8081" } },
      help: { "backend-port": ["PORT", "port of decap-server on 127.0.0.1"] },
      example: "npm run cms -- --backend-port 8082",
    }),
  );
  const port = portOption("backend-port", values["backend-port"]);
  const root = REPO_ROOT;
  const backend = await startLocalBackend({ repo: root, port, log: (line) => console.error(`decap-server: ${line}`) });
  console.error(`decap-server: editing ${root}/content through ${backend.url}`);
  const server = spawn("npm", ["start"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DECAP_LOCAL_BACKEND: backend.url },
  });
  console.error("the editor: http://localhost:8080/admin/ (Ctrl-C stops both servers)");
  const stop = () => server.kill("SIGINT");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const code = await new Promise<number | null>((done) => server.once("exit", done));
  await backend.stop();
  if (code) process.exitCode = code;
});
