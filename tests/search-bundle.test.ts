// The bundle writer against the installed Pagefind: the version guard, and files whose shapes are those the
// 1.6.0 binary writes for the same kind of record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { Cbor, PAGEFIND_VERSION, unpackFile } from "../src/search/pagefind-format.ts";
import { checkPagefindVersion, installedPagefindVersion } from "../src/search/pagefind-runtime.ts";
import { indexSearch } from "../src/search/index-search.ts";
import { makeBulletin } from "./fixtures/make-bulletin.ts";
import { decodeCbor, type CborValue } from "./helpers/cbor.ts";
import { tempDir } from "./helpers/site-build.ts";

test("Pagefind version guard: the installed pagefind is the one whose bundle format src/search/ writes", async () => {
  const installed = await installedPagefindVersion();
  assert.equal(
    installed,
    PAGEFIND_VERSION,
    `PAGEFIND UPGRADE NEEDS WORK: pagefind ${installed} is installed, but src/search/pagefind-format.ts writes the bundle ` +
      `format of Pagefind ${PAGEFIND_VERSION}, which pagefind.js and its WebAssembly read. Pin "pagefind": "${PAGEFIND_VERSION}" ` +
      "in package.json, or check the format against the new runtime's decoders, update PAGEFIND_VERSION and run the browser tests " +
      '(README, "Upgrading Pagefind").',
  );
  await checkPagefindVersion();
});

/** A value's shape: leaves by type, arrays by the shapes their elements take. */
function shape(v: CborValue): string {
  if (!Array.isArray(v)) return typeof v;
  return `[${[...new Set(v.map(shape))].join("|")}]`;
}

const numbers = (v: CborValue | undefined): boolean => Array.isArray(v) && v.every((n) => typeof n === "number");

/** [word, [[page delta, [positions], [meta positions]]…], [variants]] */
function isWordEntry(w: CborValue): boolean {
  if (
    !Array.isArray(w) ||
    w.length !== 3 ||
    typeof w[0] !== "string" ||
    !Array.isArray(w[1]) ||
    !Array.isArray(w[2]) ||
    w[2].length
  )
    return false;
  return w[1].every(
    (p) => Array.isArray(p) && p.length === 3 && typeof p[0] === "number" && numbers(p[1]) && numbers(p[2]),
  );
}

interface Bundle {
  meta: CborValue[];
  chunk: CborValue[];
}

async function readBundle(dir: string): Promise<Bundle> {
  const entry = JSON.parse(await readFile(join(dir, "pagefind-entry.json"), "utf8")) as {
    version: string;
    languages: Record<string, { hash: string }>;
  };
  assert.equal(entry.version, PAGEFIND_VERSION);
  const meta = decodeCbor(
    unpackFile(await readFile(join(dir, `pagefind.${entry.languages.zz!.hash}.pf_meta`))),
  ) as CborValue[];
  const [firstChunk] = meta[2] as string[][];
  const chunk = decodeCbor(unpackFile(await readFile(join(dir, "index", `${firstChunk![2]}.pf_index`)))) as CborValue[];
  return { meta, chunk };
}

test("the bundle's metadata and chunks have the shapes the installed Pagefind binary writes", async () => {
  const out = tempDir("bundle");
  const bulletins = [
    makeBulletin({ slug: "a", title: "无锡警方提醒", text: "谨防刷单返利诈骗。" }),
    makeBulletin({ slug: "b", title: "蘇州反詐", text: "冒充客服詐騙高發。" }),
  ];
  await indexSearch({ bulletins, outDir: out });
  const ours = await readBundle(join(out, "pagefind"));

  const pagefind = await import("pagefind");
  const { index } = await pagefind.createIndex({});
  for (const b of bulletins)
    await index!.addCustomRecord({ url: b.url, content: `${b.title} ${b.text}`.split("").join(" "), language: "zz" });
  await index!.writeFiles({ outputPath: join(out, "binary") });
  await pagefind.close();
  const theirs = await readBundle(join(out, "binary"));

  // Pages, chunk ranges and version; filters, sorts and meta fields are empty lists in ours.
  assert.equal(ours.meta.length, theirs.meta.length, "metadata fields");
  for (const i of [0, 1, 2]) assert.equal(shape(ours.meta[i]!), shape(theirs.meta[i]!), `metadata field ${i}`);
  assert.deepEqual(ours.meta[1], [
    ["0", 1, ""],
    ["1", 1, ""],
  ]);
  // A chunk: [[word, [[page delta, [positions], [meta positions]]…], [variants]]…]; the binary's too.
  for (const [name, chunk] of [
    ["ours", ours.chunk],
    ["the binary's", theirs.chunk],
  ] as const) {
    assert.equal(chunk.length, 1, `${name}: one list of words`);
    for (const word of chunk[0] as CborValue[]) assert.ok(isWordEntry(word), `${name}: ${JSON.stringify(word)}`);
  }
  const words = (ours.chunk[0] as CborValue[][]).map((w) => w[0]);
  assert.deepEqual(
    words,
    [...words].sort((a, b) => Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b)))),
  );

  const dir = join(out, "pagefind");
  const fragment = JSON.parse(unpackFile(await readFile(join(dir, "fragment", "1.pf_fragment"))).toString()) as {
    url: string;
    meta: { title: string };
  };
  assert.deepEqual([fragment.url, fragment.meta.title], ["/bulletins/2024/01/b/", "蘇州反詐"]);
  assert.match(
    await readFile(join(dir, "pagefind.js"), "utf8"),
    new RegExp(`pagefind_version="${PAGEFIND_VERSION.replaceAll(".", "\\.")}"`),
  );
  assert.deepEqual(
    (await readdir(dir)).sort(),
    [
      "facets.json",
      "fold-zh.txt",
      "fragment",
      "index",
      `pagefind.${(JSON.parse(await readFile(join(dir, "pagefind-entry.json"), "utf8")) as { languages: { zz: { hash: string } } }).languages.zz.hash}.pf_meta`,
      "pagefind-entry.json",
      "pagefind.js",
      "wasm.unknown.pagefind",
    ].sort(),
  );
});

test("CBOR text is UTF-8 as Buffer writes it, for short words and long strings alike", () => {
  const samples = ["", "app", "诈骗", "^下载app~", "Café", "𠀀丁", "a\ud800b", "\udc00", "x".repeat(70) + "诈骗𠀀"];
  for (const s of samples) {
    const c = Cbor.plain(4);
    c.text(s);
    assert.equal(decodeCbor(c.bytes()), Buffer.from(s).toString(), JSON.stringify(s));
    const bytes = Buffer.from(s);
    assert.deepEqual(c.bytes().subarray(c.bytes().length - bytes.length), bytes, `bytes of ${JSON.stringify(s)}`);
  }
});
