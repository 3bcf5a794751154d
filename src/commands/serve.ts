// `npm start`: the dev server. It renders through the same hand-over as `npm run build`
// (src/eleventy/site-eleventy.ts), in development mode: drafts and future bulletins are shown and marked, the
// model is loaded and derived again before each rebuild, and the search index is rebuilt after it so that
// /search/ works in the preview too. It writes to .cache/dev-site/, never to _site/, so a preview never reaches
// a deploy. Bad content does not stop it: the terminal and every page of the preview show `check`'s
// `file:line: field: message` lines (the preview keeps what is valid), until a save fixes them.
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { ContentError, formatProblems, problemCount } from "../errors.ts";
import type { Problem } from "../model.ts";
import { loadSite } from "../site.ts";
import { deriveSiteData, type SiteData } from "../site-data.ts";
import { siteEleventy } from "../eleventy/site-eleventy.ts";
import { indexSearch } from "../search/index-search.ts";
import { problemsPage } from "../eleventy/problems-page.ts";
import { commandLine, parseCommandLine, portOption, REPO_ROOT } from "./cli.ts";
import { runCommand } from "./run.ts";

runCommand(async () => {
  const { values } = parseCommandLine(
    commandLine({
      usage: "npm start [-- --port N]",
      about:
        "The preview: builds the site with drafts and future bulletins into .cache/dev-site/, serves it and rebuilds on every save under content/, layouts/ and public/.",
      options: { port: { type: "string", default: "8080" } },
      help: { port: ["N", "port to serve on"] },
      example: "npm start -- --port 8090",
    }),
  );
  const port = portOption("port", values.port);
  const root = REPO_ROOT;
  const preview = devPreview(root);
  const eleventy = siteEleventy(
    {
      root,
      data: preview.load,
      afterEach: (data, outDir) =>
        indexSearch({ bulletins: data.bulletinPages.map((p) => p.bulletin), outDir }).then(() => undefined),
      serverMiddleware: [preview.middleware],
    },
    join(root, ".cache/dev-site"),
    "serve",
  );
  await eleventy.init();
  await eleventy.watch();
  await eleventy.serve(port);
});

/** The preview's data and its problems page, kept across rebuilds. */
function devPreview(root: string) {
  let latest: SiteData | undefined;
  let problems: Problem[] = [];
  return {
    load(): SiteData {
      try {
        const site = loadSite({ root, mode: "development" });
        problems = site.problems;
        latest = deriveSiteData(site);
      } catch (error) {
        // Settings or registries that cannot be read at all: the last good data stays up, with the problems.
        if (!(error instanceof ContentError) || !latest) throw error;
        problems = error.problems;
      }
      if (problems.length)
        console.error(
          `${formatProblems(problems)}\n${problemCount(problems.length)}: the preview shows them until a save fixes them.`,
        );
      return latest;
    },
    /** Every page request answers with the problems while there are any. */
    middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
      const wantsPage = req.method === "GET" && (req.headers.accept ?? "").includes("text/html");
      if (!problems.length || !wantsPage) return next();
      res.statusCode = 500;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(problemsPage(problems));
    },
  };
}
