// Site settings come from content/site.yaml (editors own them) with SITE_URL and PATH_PREFIX from the
// environment taking precedence, because the same commit deploys to different hosts. Both end up in canonical
// links, feeds, sitemaps and `_headers`, so both are validated here, whichever side they come from.
// DECAP_LOCAL_BACKEND is set by `npm run cms` alone, so that only its preview's editor talks to a backend on
// this machine.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Problem, SiteSettings } from "./model.ts";
import { normalisePrefix } from "./urls.ts";
import { parseYamlWithLines, problemsFromZod } from "./content/yaml-source.ts";
import { environmentProblem } from "./environment.ts";

const weights = z.object({
  campaign: z.number().min(0),
  sameCity: z.number().min(0),
  sameProvince: z.number().min(0),
  type: z.number().min(0),
  tag: z.number().min(0),
  text: z.number().min(0),
  recency: z.number().min(0),
});

/** An origin only: a path, query or `javascript:` would end up in every canonical link and feed. */
/** The local backend goes into the editor's policy: only decap-server's API on this machine is allowed. */
function localBackendProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL; \`npm run cms\` sets it, like http://127.0.0.1:8081/api/v1`;
  }
  if (url.protocol !== "http:" || !["127.0.0.1", "localhost"].includes(url.hostname)) {
    return `"${value}" must be an http address on 127.0.0.1 or localhost, like http://127.0.0.1:8081/api/v1`;
  }
  return undefined;
}

export function originProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not a URL; write the site's origin, like https://fanzha.example.org`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return `"${value}" is not an http(s) address; write the site's origin, like https://fanzha.example.org`;
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") {
    return `"${value}" must be an origin only (scheme and host, no path, query or password), like https://fanzha.example.org; put a sub-path in PATH_PREFIX`;
  }
  return undefined;
}

/** URL path segments that need no escaping anywhere they are written (HTML, XML, `_headers`). */
const PREFIX_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

export function prefixProblem(value: string): string | undefined {
  const segments = value.trim().split("/").filter(Boolean);
  const bad = segments.find((s) => !PREFIX_SEGMENT.test(s) || s === "..");
  return bad === undefined
    ? undefined
    : `"${value}" is not a safe path prefix: each part between slashes must be letters, digits, '-', '_', '.' or '~' (and not '..'), like /fanzha/`;
}

const settingsSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().default(""),
  url: z.string().superRefine((v, ctx) => {
    const problem = originProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  pathPrefix: z
    .string()
    .default("/")
    .superRefine((v, ctx) => {
      const problem = prefixProblem(v);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  timeZone: z.string().refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone) || zone === "UTC", {
    message: "not an IANA time zone (e.g. Asia/Shanghai)",
  }),
  lang: z.enum(["zh-Hans", "zh-Hant"]).default("zh-Hans"),
  perPage: z.number().int().min(1).max(200).default(20),
  hotline: z.string().default("96110"),
  publisher: z.string().default("反诈快报"),
  maxDropPercent: z.number().min(0).max(100).default(10),
  related: z.strictObject({ count: z.number().int().min(0).max(20).default(5), weights }),
  cms: z
    .strictObject({
      // Other keys (app_id, auth_type, auth_endpoint …) pass through to Decap as written.
      backend: z.looseObject({
        name: z.enum(["github", "gitlab", "gitea"], { error: "must be github, gitlab or gitea" }),
        repo: z.string().regex(/^[^/\s]+\/[^\s]+$/, 'must be "owner/repository"'),
        branch: z.string().min(1).default("main"),
        api_root: z.url().optional(),
        base_url: z.url().optional(),
      }),
    })
    .default({ backend: { name: "github", repo: "fanzha-press/fanzha-press", branch: "main" } }),
});

export function loadSettings(
  contentDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { settings?: SiteSettings; problems: Problem[] } {
  const file = join(contentDir, "site.yaml");
  const source = readFileSync(file, "utf8");
  const parsed = parseYamlWithLines(source, file, 1);
  if (parsed.problems.length) return { problems: parsed.problems };
  const result = settingsSchema.safeParse(parsed.value);
  const envProblems = [
    env.SITE_URL ? environmentProblem("SITE_URL", originProblem(env.SITE_URL)) : undefined,
    env.PATH_PREFIX ? environmentProblem("PATH_PREFIX", prefixProblem(env.PATH_PREFIX)) : undefined,
    env.DECAP_LOCAL_BACKEND
      ? environmentProblem("DECAP_LOCAL_BACKEND", localBackendProblem(env.DECAP_LOCAL_BACKEND))
      : undefined,
  ].filter((p): p is Problem => p !== undefined);
  if (!result.success) return { problems: [...problemsFromZod(result.error, parsed, file), ...envProblems] };
  if (envProblems.length) return { problems: envProblems };
  const data = result.data;
  return {
    problems: [],
    settings: {
      ...data,
      url: (env.SITE_URL || data.url).replace(/\/+$/, ""),
      pathPrefix: normalisePrefix(env.PATH_PREFIX || data.pathPrefix),
      cms: { ...data.cms, ...(env.DECAP_LOCAL_BACKEND ? { localBackend: env.DECAP_LOCAL_BACKEND } : {}) },
    },
  };
}
