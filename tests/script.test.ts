import { test } from "node:test";
import assert from "node:assert/strict";
import { detectScript, fold, foldChar, toHans, toHant } from "../src/text/script.ts";

test("toHans converts Traditional phrases to Simplified", () => {
  assert.equal(toHans("詐騙"), "诈骗");
  assert.equal(toHans("無錫"), "无锡");
  assert.equal(toHans("刷單返利"), "刷单返利");
  // Taiwan and Hong Kong variant characters reach Simplified too.
  assert.equal(toHans("裡"), "里");
  assert.equal(toHans("衞生"), "卫生");
});

test("toHant converts Simplified to Taiwan-standard Traditional", () => {
  assert.equal(toHant("诈骗"), "詐騙");
  assert.equal(toHant("无锡"), "無錫");
  assert.equal(toHant("刷单返利"), "刷單返利");
});

test("fold maps each character to Simplified and keeps the length", () => {
  for (const s of ["詐騙", "無錫", "刷單返利", "蘇州市公安局", "mixed 蘇州 text 123", "𠵾㗲詐騙", ""]) {
    const folded = fold(s);
    assert.equal(folded.length, s.length, s);
    assert.equal(fold(folded), folded, `idempotent on ${s}`);
  }
  assert.equal(fold("詐騙"), "诈骗");
  assert.equal(fold("無錫"), "无锡");
  assert.equal(fold("刷單返利"), "刷单返利");
  assert.equal(fold("蘇州"), fold("苏州"));
  assert.equal(foldChar("蘇"), "苏");
});

test("fold leaves Simplified and non-Chinese text alone", () => {
  const s = "反诈宣传：什么是刷单返利？ABC abc 2023";
  assert.equal(fold(s), s);
});

test("detectScript tells the two scripts apart", () => {
  assert.equal(detectScript("無錫警方破獲一起刷單返利詐騙案"), "zh-Hant");
  assert.equal(detectScript("无锡警方破获一起刷单返利诈骗案"), "zh-Hans");
  assert.equal(detectScript("no Chinese at all"), "zh-Hans");
});

test("fold keeps lone surrogates and folds astral characters as pairs", () => {
  const lone = "詐\ud800騙";
  assert.equal(fold(lone), "诈\ud800骗");
  const astral = "𠵾𠵾";
  assert.equal(fold(astral).length, astral.length);
});

test("fold agrees with foldChar character by character", () => {
  const s = "無錫公安深入推進「天網」「心盾」兩大反詐專項行動，電詐警情同比下降。裡著衞𠵾㗲 abc";
  assert.equal(fold(s), [...s].map(foldChar).join(""));
});
