import { strict as assert } from "node:assert";
import { test } from "node:test";
import { progressLine, progressWanted } from "../src/commands/progress.ts";

test("progress is shown on a terminal, hidden elsewhere, and the flag beats the environment", () => {
  assert.equal(progressWanted(undefined, {}, true), true);
  assert.equal(progressWanted(undefined, {}, false), false);
  assert.equal(progressWanted(undefined, { FANZHA_PROGRESS: "1" }, false), true);
  assert.equal(progressWanted(undefined, { FANZHA_PROGRESS: "0" }, true), false);
  assert.equal(progressWanted(false, { FANZHA_PROGRESS: "1" }, true), false);
  assert.equal(progressWanted(true, { FANZHA_PROGRESS: "0" }, false), true);
  assert.throws(
    () => progressWanted(undefined, { FANZHA_PROGRESS: "yes" }, false),
    /FANZHA_PROGRESS: expected 1 or 0, got "yes"/,
  );
});

test("a progress line names the phase, what it did, its time and the time since the start", () => {
  assert.equal(
    progressLine("load", "100,000 bulletins", 61_234, 61_300),
    "load and validate: 100,000 bulletins in 61.2 s (at 61.3 s)",
  );
});
