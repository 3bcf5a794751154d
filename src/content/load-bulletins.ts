// Reads every bulletin once and turns it into a typed record, collecting every problem of every file instead
// of stopping at the first: an editor fixes a batch of imports in one pass.
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import type { DateTime } from "luxon";
import type { Bulletin, Problem, Registries, Registry, SiteSettings } from "../model.ts";
import { readContentDate } from "../dates.ts";
import { firstBadCharacter } from "./characters.ts";
import { MAX_NESTING, readingMinutes, renderBody, summarise } from "../markdown.ts";
import { bulletinUrl } from "../urls.ts";
import { inspectLeadImage } from "../images.ts";
import { decodeUtf8 } from "./decode.ts";
import { splitFrontMatter } from "./front-matter.ts";
import { FRONT_MATTER_FIELDS, frontMatterSchema, REFUSED_FIELDS, SLUG_PATTERN, type FrontMatter } from "./schema.ts";
import { problemsFromZod, type YamlSource } from "./yaml-source.ts";

export interface LoadContext {
  /** Repository root: paths in messages are relative to it, images must lie inside it. */
  root: string;
  settings: SiteSettings;
  registries: Registries;
  now: DateTime;
}

export interface BulletinFiles {
  /** Every `.md` file below the folder, in a stable order (the file system's order differs between machines). */
  files: string[];
  /** Everything else there that is not a folder or a hidden file, with why it is not read. */
  strays: Array<{ path: string; why: string }>;
}

/**
 * Whatever an editor puts below content/bulletins/ is either read as a bulletin or reported: a file the build
 * skipped silently (`x.MD`, a symbolic link) would be a bulletin missing from the site without anyone knowing.
 * Hidden files (`.DS_Store`, editor swap files) are the only exception.
 */
export function listBulletinFiles(dir: string): BulletinFiles {
  const files: string[] = [];
  const strays: BulletinFiles["strays"] = [];
  if (!existsSync(dir)) return { files, strays };
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (isHidden(relative(dir, path))) continue;
    if (entry.isSymbolicLink()) {
      strays.push({
        path,
        why: "symbolic links are not followed (one could publish a file from outside content/); put the file itself here",
      });
    } else if (entry.isFile() && entry.name.endsWith(".md")) {
      files.push(path);
    } else if (!entry.isDirectory()) {
      strays.push({
        path,
        why: /\.(md|markdown|mdown|mkd)$/i.test(entry.name)
          ? "not read: a bulletin's file name must end in .md (lower case); rename it"
          : "not read: only .md files belong in content/bulletins/; move it elsewhere (images go in content/images/)",
      });
    }
  }
  return { files: files.sort(), strays: strays.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}

/** A path as messages name it: relative to the repository, with forward slashes. */
export function repoPath(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}

function isHidden(relativePath: string): boolean {
  return relativePath.split(sep).some((part) => part.startsWith("."));
}

/** What one file gave: its bulletin when valid, and every problem found in it. */
export interface FileLoad {
  bulletin?: Bulletin;
  problems: Problem[];
}

/** The valid bulletins, in the files' order, and the problems of all files. */
export interface LoadedBulletins {
  bulletins: Bulletin[];
  problems: Problem[];
}

export function loadBulletins(files: readonly string[], ctx: LoadContext): LoadedBulletins {
  return gatherLoads(
    files,
    files.map((path) => loadFile(path, ctx)),
    ctx,
  );
}

export function loadFile(path: string, ctx: LoadContext): FileLoad {
  const { bulletin, problems } = loadBulletin(path, readFileSync(path), ctx);
  return bulletin ? { bulletin, problems } : { problems };
}

/**
 * The site's bulletins and problems from each file's load, in the files' order, which decides which of two
 * bulletins claiming one URL is refused. `loads[i]` is the load of `files[i]`, wherever it was made.
 */
export function gatherLoads(files: readonly string[], loads: readonly FileLoad[], ctx: LoadContext): LoadedBulletins {
  const bulletins: Bulletin[] = [];
  const problems: Problem[] = [];
  const byUrl = new Map<string, Bulletin>();
  loads.forEach(({ bulletin, problems: found }, i) => {
    problems.push(...found);
    if (!bulletin) return;
    const clash = byUrl.get(bulletin.url);
    if (clash) {
      problems.push({
        file: bulletin.sourcePath,
        // Rare, so the slug's line is found by parsing the file again rather than kept for every file.
        line: loadBulletin(files[i]!, readFileSync(files[i]!), ctx).slugLine(),
        field: "slug",
        message: `${bulletin.url} is already the URL of ${clash.sourcePath}; give one of them another slug`,
      });
      return;
    }
    byUrl.set(bulletin.url, bulletin);
    bulletins.push(bulletin);
  });
  return { bulletins, problems };
}

/** Validates one file. Exported for the editor commands, which check what they are about to write. */
export function loadBulletin(
  path: string,
  bytes: Uint8Array,
  ctx: LoadContext,
): {
  bulletin?: Bulletin;
  problems: Problem[];
  /** Asked only on a clash: a line costs a second parse. */ slugLine: () => number;
} {
  const file = repoPath(ctx.root, path);
  const fail = (line: number, field: string, message: string) => ({
    problems: [{ file, line, field, message }],
    slugLine: () => line,
  });
  const decoded = decodeUtf8(bytes);
  if ("error" in decoded) return fail(decoded.line, "file", decoded.error);
  const split = splitFrontMatter(decoded.text, file);
  if (!split.yaml || split.problems.length) return { problems: split.problems, slugLine: () => 1 };
  const yaml = split.yaml;
  const raw = yaml.value ?? {};
  if (typeof raw !== "object" || Array.isArray(raw))
    return fail(2, "front matter", "must be a list of `field: value` lines");

  const problems: Problem[] = [];
  const data: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const [field, why] of Object.entries(REFUSED_FIELDS)) {
    if (field in data) {
      problems.push({ file, line: yaml.lineOf([field]), field, message: `not allowed: ${why}` });
      delete data[field];
    }
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) problems.push(...problemsFromZod(parsed.error, yaml, file, FRONT_MATTER_FIELDS));
  const fm = parsed.success ? parsed.data : undefined;
  const slugLine = () => yaml.lineOf(["slug"]);

  const check = (field: string, message: string) => problems.push({ file, line: yaml.lineOf([field]), field, message });
  const zone = ctx.settings.timeZone;
  const readDate = (field: "date" | "updated") => {
    const value = fm?.[field] ?? (typeof data[field] === "string" ? data[field] : undefined);
    if (value === undefined) return undefined;
    const read = readContentDate(value, zone);
    if ("problem" in read) check(field, read.problem);
    return "date" in read ? read.date : undefined;
  };
  const date = readDate("date");
  const updated = readDate("updated");
  if (date && updated && updated < date) {
    check(
      "updated",
      `${updated.toFormat("yyyy-MM-dd HH:mm")} is before the bulletin's date, ${date.toFormat("yyyy-MM-dd HH:mm")}; updated is when it last changed after publication`,
    );
  }

  const region = typeof data.region === "string" ? ctx.registries.regions.resolve(data.region.trim()) : undefined;
  if (typeof data.region === "string" && data.region.trim() && !region) {
    check("region", unknownMessage("region", data.region, ctx.registries.regions));
  }
  const campaigns = resolveAll(fm?.campaign, ctx.registries.campaigns, "campaign", yaml, problems, file);
  const types = resolveAll(fm?.types, ctx.registries.types, "types", yaml, problems, file);

  const slug = fm?.slug ?? basename(path, ".md");
  if (!fm?.slug && !SLUG_PATTERN.test(slug)) {
    problems.push({
      file,
      line: 1,
      field: "slug",
      message: `the file name "${slug}" is not a valid URL name; rename the file or set slug: (a-z, 0-9, '-')`,
    });
  }
  let sharePath: string | undefined;
  if (fm?.image) {
    const imagePath = resolve(ctx.root, fm.image.replace(/^\/+/, ""));
    const inside = (p: string) => p.startsWith(resolve(ctx.root) + sep);
    if (!inside(imagePath)) check("image", "must be a path inside the repository");
    else if (!existsSync(imagePath)) check("image", `file not found: ${fm.image}`);
    else if (!inside(realpathSync(imagePath)))
      check("image", `${fm.image} is a link to a file outside the repository; put the picture itself there`);
    else {
      const inspected = inspectLeadImage(imagePath);
      if ("problem" in inspected) check("image", `${fm.image} ${inspected.problem}`);
      else sharePath = inspected.sharePath;
    }
  }
  problems.push(...bodyCharacterProblems(split.body, split.bodyLine, file));
  const rendered = renderBody(split.body, ctx.settings.pathPrefix);
  if (rendered.cutAtLine !== undefined) {
    problems.push({
      file,
      line: split.bodyLine + rendered.cutAtLine,
      field: "body",
      message: `lists or quotes are nested deeper than Markdown allows here (${MAX_NESTING} levels: about ${MAX_NESTING / 2 - 2} levels of list, ${MAX_NESTING} of quote); this line and everything after it would be cut from the page — flatten the nesting`,
    });
  }
  for (const image of rendered.foreignImages) {
    problems.push({
      file,
      line: split.bodyLine + image.line,
      field: "body",
      message: `the image "${image.src}" is on another site, which the site's Content-Security-Policy blocks (readers would see a broken image); save it into content/images/ and write ![…](/content/images/<file>)`,
    });
  }
  if (!rendered.text.trim())
    problems.push({
      file,
      line: split.bodyLine,
      field: "body",
      message: "the bulletin has no text below the front matter",
    });

  if (problems.length || !fm || !date || !region) return { problems, slugLine };
  const regionPath = ctx.registries.regions.path(region.key);
  const city = regionPath.find((node) => node.level === "city");
  const bulletin: Bulletin = {
    sourcePath: file,
    slug,
    url: bulletinUrl(date.toFormat("yyyy"), date.toFormat("MM"), slug),
    title: own(fm.title),
    date,
    ...(updated ? { updated } : {}),
    regionPath,
    region,
    province: regionPath[0]!,
    ...(city ? { city } : {}),
    campaigns,
    types,
    tags: (fm.tags ?? []).map(own),
    summary: own(fm.summary ?? summarise(rendered.firstParagraph)),
    authors: (fm.authors ?? []).map(own),
    ...(fm.source ? { source: own(fm.source) } : {}),
    ...(fm.image && fm.image_alt && sharePath
      ? { image: { src: own(fm.image), alt: own(fm.image_alt), sharePath, line: yaml.lineOf(["image"]) } }
      : {}),
    draft: fm.draft ?? false,
    future: date > ctx.now,
    lang: fm.lang ?? ctx.settings.lang,
    html: own(rendered.html),
    text: rendered.text,
    readingMinutes: readingMinutes(rendered.text),
  };
  return { bulletin, problems, slugLine };
}

/**
 * A copy of `text` that shares no memory with the file it came from. V8 keeps a whole source file alive for any
 * slice of it (a title or summary as the YAML parser cut it) and for the rope of slices markdown-it renders into
 * the HTML: about 5 KB a bulletin, half a gigabyte at 100,000 (npm run bench:model-memory). Slicing a
 * concatenation makes V8 copy it into one flat string first; a UTF-8 round trip did the same but took 1 s of
 * loading 10,000 bulletins (its profile).
 */
function own(text: string): string {
  return ` ${text}`.slice(1);
}

/** Bad characters in the body, one problem per line that has one (the first few lines only: one is enough to act on). */
function bodyCharacterProblems(body: string, bodyLine: number, file: string): Problem[] {
  const problems: Problem[] = [];
  if (!firstBadCharacter(body)) return problems;
  const lines = body.split("\n");
  for (let i = 0; i < lines.length && problems.length < 5; i++) {
    const bad = firstBadCharacter(lines[i]!);
    if (bad)
      problems.push({
        file,
        line: bodyLine + i,
        field: "body",
        message: `contains ${bad.message} (column ${bad.column})`,
      });
  }
  return problems;
}

function unknownMessage(what: string, value: string, registry: Registry<{ key: string; name: string }>): string {
  const guesses = registry.suggest(value, 3);
  return `unknown ${what} "${value}"${guesses.length ? `; did you mean ${guesses.map((g) => `"${g}"`).join(", ")}?` : ""}`;
}

function resolveAll<T extends { key: string; name: string }>(
  values: readonly string[] | undefined,
  registry: Registry<T>,
  field: keyof FrontMatter & string,
  yaml: YamlSource,
  problems: Problem[],
  file: string,
): T[] {
  const found: T[] = [];
  (values ?? []).forEach((value, index) => {
    const entry = registry.resolve(value);
    if (!entry) {
      const isList = Array.isArray((yaml.value as Record<string, unknown>)[field]);
      problems.push({
        file,
        line: yaml.lineOf(isList ? [field, index] : [field]),
        field,
        message: unknownMessage(field === "types" ? "fraud type" : field, value, registry),
      });
    } else if (!found.includes(entry)) found.push(entry);
  });
  return found;
}
