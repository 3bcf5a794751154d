import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { sourceDate, cnDate, isoDate, parseContentDate } from "../src/dates.ts";

const ZONE = "Asia/Shanghai";

describe("dates", () => {
  it("reads a bare date as midnight in the site's zone", () => {
    const d = parseContentDate("2023-08-29", ZONE)!;
    assert.equal(isoDate(d), "2023-08-29T00:00:00+08:00");
    assert.equal(cnDate(d), "2023年8月29日");
  });
  it("reads date and time, and honours an explicit offset", () => {
    assert.equal(isoDate(parseContentDate("2023-08-29 09:30", ZONE)!), "2023-08-29T09:30:00+08:00");
    // 23:30 in New York is already the next day in Shanghai.
    const offset = parseContentDate("2023-08-29T23:30-04:00", ZONE)!;
    assert.equal(isoDate(offset), "2023-08-30T11:30:00+08:00");
    assert.equal(cnDate(offset), "2023年8月30日");
  });
  it("refuses impossible and malformed dates", () => {
    for (const bad of ["2023-13-45", "2023-02-30", "29/08/2023", "2023-8-29", "yesterday", "2023-08-29 25:00"]) {
      assert.equal(parseContentDate(bad, ZONE), undefined, bad);
    }
  });
  it("takes now from SOURCE_DATE_EPOCH when set", () => {
    assert.equal(isoDate(sourceDate(ZONE, { SOURCE_DATE_EPOCH: "1693267200" })!), "2023-08-29T08:00:00+08:00");
    assert.equal(sourceDate(ZONE, {}), undefined);
    assert.equal(sourceDate(ZONE, { SOURCE_DATE_EPOCH: "2023-08-29" }), undefined);
  });
});
