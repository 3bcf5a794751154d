// `npm run bench:hugo -- --content DIR [--rounds N] [--work DIR] [--cardinality-threshold P] [--without-related]`:
// the same bulletins built by Hugo and by this build, in turns in one run, so that "as fast as Hugo" (issue 13) is
// a ratio measured on one machine rather than a number of seconds that only held on the machine it was taken on.
// DIR is a corpus that `npm run bench -- --keep` left (<folder>/content). Hugo comes from Debian (`apt-get install
// hugo`, 0.111 here); it is not a dependency of the portal. P sets Hugo's cardinalityThreshold on every related
// index; --without-related leaves Hugo's pages without related bulletins, to show what they cost it.
//
// The Hugo site is what Hugo offers for the same portal, with the corpus's own settings: a page per bulletin with
// its related bulletins (Hugo's related content by campaign, region, fraud type and tag, with the site's weights;
// ours adds the text), a paginated page per region, campaign, fraud type, tag and month and of all bulletins,
// their RSS feeds (as long as ours), the home page and the sitemap. No search.
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { stringify as toYaml } from "yaml";
import { removeInBackground } from "./bench.ts";
import { startTreeSampler, type TreeMemory } from "./memory.ts";
import { splitFrontMatter } from "../src/content/front-matter.ts";
import { isoDate, readContentDate } from "../src/dates.ts";
import { FEED_SIZE } from "../src/feeds/entries.ts";
import type { SiteSettings } from "../src/model.ts";
import { loadSettings } from "../src/settings.ts";
import { HOME_LATEST } from "../src/site-data.ts";

export interface HugoBulletin {
  slug: string;
  front: Record<string, unknown>;
  body: string;
}

/**
 * A bulletin of the corpus as a Hugo content file: split and dated as the build reads it (in the site's zone),
 * the taxonomies as lists.
 */
export function hugoBulletin(file: string, text: string, zone: string): HugoBulletin {
  const split = splitFrontMatter(text, file);
  const fm = split.yaml?.value as Record<string, unknown> | undefined;
  if (split.problems.length || !fm) throw new Error(`${file}: ${split.problems[0]?.message ?? "no front matter"}`);
  const read = readContentDate(String(fm.date), zone);
  if ("problem" in read) throw new Error(`${file}: date ${read.problem}`);
  const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  const slug = basename(file, ".md");
  return {
    slug,
    front: {
      title: fm.title,
      date: isoDate(read.date),
      slug,
      summary: fm.summary,
      regions: list(fm.region),
      campaigns: list(fm.campaign),
      types: list(fm.types),
      tags: list(fm.tags),
      months: [read.date.toFormat("yyyy-MM")],
    },
    body: split.body,
  };
}

/** The site's own settings where Hugo has the same knob: pages of a list, feed length, related weights. */
function hugoConfig(settings: SiteSettings, cardinalityThreshold: number | undefined) {
  const { weights } = settings.related;
  return {
    baseURL: `${settings.url}/`,
    languageCode: settings.lang,
    title: settings.title,
    hasCJKLanguage: true,
    paginate: settings.perPage,
    // Hugo's default is every page in every feed.
    rssLimit: FEED_SIZE,
    disableKinds: ["404"],
    taxonomies: { region: "regions", campaign: "campaigns", type: "types", tag: "tags", month: "months" },
    permalinks: { bulletins: "/bulletins/:slug/" },
    // Without the text and recency that Hugo cannot weigh.
    related: {
      includeNewer: true,
      threshold: 1,
      toLower: false,
      indices: [
        { name: "campaigns", weight: weights.campaign },
        { name: "regions", weight: weights.sameCity },
        { name: "types", weight: weights.type },
        { name: "tags", weight: weights.tag },
      ].map((index) => (cardinalityThreshold ? { ...index, cardinalityThreshold } : index)),
    },
  };
}

const LAYOUTS: Record<string, string> = {
  "_default/baseof.html": `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  "_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2006年1月2日 15:04" }}</time>
{{ range .GetTerms "regions" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p>
<ul>{{ range .GetTerms "campaigns" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
{{ range .GetTerms "types" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}
<p>{{ delimit .Params.tags "、" }}</p></article>
<!--related--><nav>{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>{{ end }}
`,
  "_default/list.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .RegularPages }}<ol>{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary }}</p></li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}{{ end }}
`,
  "_default/terms.html": `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> {{ .Count }}</li>{{ end }}</ul>{{ end }}
`,
  // The newest, as our home page; the whole list is the bulletins section's paginated list page.
  "index.html": `{{ define "main" }}<ol>{{ range first ${HOME_LATEST} .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
<p>{{ .Summary }}</p></li>{{ end }}</ol>{{ end }}
`,
};

/** The related bulletins of a bulletin page, where the layout says <!--related-->. */
const RELATED = `<aside><h2>相关通报</h2><ul>{{ range first COUNT (.Site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></aside>
`;

export interface HugoSiteOptions {
  /** Hugo's cardinalityThreshold on every related index: keywords on more than this percentage of pages are left out. */
  cardinalityThreshold?: number;
  /** Without the related bulletins, to see what they cost Hugo. */
  related?: boolean;
}

/** Writes a Hugo site for the corpus at `contentDir` into `siteDir`; returns how many bulletins it holds. */
export function writeHugoSite(contentDir: string, siteDir: string, opts: HugoSiteOptions = {}): number {
  const { settings, problems } = loadSettings(contentDir, {});
  if (!settings) throw new Error(`${contentDir}/site.yaml: ${problems[0]?.message}`);
  rmSync(siteDir, { recursive: true, force: true });
  const out = join(siteDir, "content", "bulletins");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(siteDir, "config.yaml"), toYaml(hugoConfig(settings, opts.cardinalityThreshold)));
  const related = opts.related === false ? "" : RELATED.replace("COUNT", String(settings.related.count));
  for (const [path, text] of Object.entries(LAYOUTS)) {
    mkdirSync(join(siteDir, "layouts", path, ".."), { recursive: true });
    writeFileSync(join(siteDir, "layouts", path), text.replace("<!--related-->", related));
  }
  let count = 0;
  for (const entry of readdirSync(join(contentDir, "bulletins"), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const b = hugoBulletin(file, readFileSync(file, "utf8"), settings.timeZone);
    writeFileSync(join(out, `${b.slug}.md`), `---\n${toYaml(b.front)}---\n${b.body}`);
    count++;
  }
  return count;
}

interface Timing {
  wallMs: number;
  cpuMs: number;
  peakTreeRssBytes: number;
}

/** Runs a command to its end, measuring its wall and CPU time and the peak memory of the process tree. */
async function timed(command: string, args: string[], cwd: string): Promise<Timing & { stdout: string }> {
  const sampler = await startTreeSampler(50);
  const t0 = performance.now();
  let stdout = "";
  const run = new Promise<void>((done, fail) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("error", (error: NodeJS.ErrnoException) =>
      fail(error.code === "ENOENT" ? new Error(`${command} is not installed (Hugo: apt-get install -y hugo)`) : error),
    );
    child.on("close", (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(" ")}: exit ${code}`))));
  });
  let memory: TreeMemory;
  try {
    await run;
  } finally {
    // Stopped on failure too, so that the sampler's thread never keeps the process alive.
    memory = await sampler.stop();
  }
  return { wallMs: performance.now() - t0, cpuMs: memory.cpuMs, peakTreeRssBytes: memory.peakTreeRssBytes, stdout };
}

interface OurReport {
  buildMs: number;
  memory: { cpuMs: number; peakTreeRssBytes: number };
  dir: string;
}

/**
 * This build on the same corpus, as `npm run bench` measures it (the build alone, not npm's start). Its site is
 * kept, and `dir` says where, for the caller to delete after the last measurement.
 */
async function ours(contentDir: string, bulletins: number, skipSearch: boolean): Promise<Timing & { dir: string }> {
  const args = [
    "run",
    "--silent",
    "bench",
    "--",
    "--articles",
    String(bulletins),
    "--content",
    contentDir,
    "--json",
    "--keep",
  ];
  const { stdout } = await timed("npm", skipSearch ? [...args, "--skip-search"] : args, resolve("."));
  const report = JSON.parse(stdout) as OurReport;
  return {
    wallMs: report.buildMs,
    cpuMs: report.memory.cpuMs,
    peakTreeRssBytes: report.memory.peakTreeRssBytes,
    dir: report.dir,
  };
}

function line(name: string, t: Timing): string {
  return `${name} ${(t.wallMs / 1000).toFixed(1)} s wall, ${(t.cpuMs / 1000).toFixed(1)} s CPU, ${(t.peakTreeRssBytes / 2 ** 30).toFixed(2)} GiB`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      content: { type: "string" },
      rounds: { type: "string" },
      work: { type: "string" },
      "cardinality-threshold": { type: "string" },
      "without-related": { type: "boolean" },
    },
  });
  if (!values.content)
    throw new Error(
      "usage: npm run bench:hugo -- --content DIR [--rounds N] [--work DIR] [--cardinality-threshold P] [--without-related]",
    );
  const contentDir = resolve(values.content);
  const work = resolve(values.work ?? join(contentDir, "..", "hugo"));
  const threshold = values["cardinality-threshold"];
  const bulletins = writeHugoSite(contentDir, join(work, "site"), {
    ...(threshold ? { cardinalityThreshold: Number(threshold) } : {}),
    related: !values["without-related"],
  });
  console.error(`bench:hugo: ${bulletins} bulletins written as a Hugo site in ${join(work, "site")}`);
  const rounds = Number(values.rounds ?? 2);
  // Every build writes into a fresh folder, and none is deleted until the last is measured: deleting a site's
  // files slows file creation on this disk for minutes after (docs/performance.md, "The disk").
  const written: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    const destination = join(work, `public-${Date.now()}`);
    const hugo = await timed("hugo", ["--quiet", "--source", join(work, "site"), "--destination", destination], work);
    const withSearch = await ours(contentDir, bulletins, false);
    const withoutSearch = await ours(contentDir, bulletins, true);
    written.push(destination, withSearch.dir, withoutSearch.dir);
    console.log(
      `round ${round}: ${line("hugo", hugo)}; ${line("fanzha", withSearch)}; ${line("fanzha --skip-search", withoutSearch)}`,
    );
  }
  for (const dir of written) await removeInBackground(dir);
}

if (import.meta.url === `file://${process.argv[1]}`)
  await main().catch((error: unknown) => {
    console.error(`bench:hugo: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
