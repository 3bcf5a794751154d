// The reused gzip stream of the bundle writer (src/search/gzip.ts) against zlib's own gzipSync.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { Gzipper } from "../src/search/gzip.ts";

const text = Buffer.from("刷单返利诈骗 scam 2026 ".repeat(4000));
// Random bytes do not compress: the gzip outgrows the stream's first output buffer.
const inputs = [text, Buffer.alloc(0), randomBytes(300_000), Buffer.from("a"), text.subarray(0, 5000), text];

test("one stream gzips file after file, each unzipping to its own bytes", () => {
  const gzipper = new Gzipper(1);
  assert.ok(
    gzipper.reusing,
    "this Node keeps zlib's native handle elsewhere: the bundle is still written, through gzipSync, but 0.1–0.5 s " +
      "slower at 10,000 bulletins; update src/search/gzip.ts for this Node",
  );
  for (const [i, input] of inputs.entries()) assert.deepEqual(gunzipSync(gzipper.gzip(input)), input, `file ${i}`);
  gzipper.close();
});

test("a fresh stream writes gzipSync's bytes at its level, and so does the fallback for every file", () => {
  for (const level of [1, 6]) {
    assert.deepEqual(new Gzipper(level).gzip(text), gzipSync(text, { level }), `level ${level}`);
    const fallback = new Gzipper(level, false);
    assert.equal(fallback.reusing, false);
    for (const input of inputs) assert.deepEqual(fallback.gzip(input), gzipSync(input, { level }));
  }
});
