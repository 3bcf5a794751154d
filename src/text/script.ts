// Simplified/Traditional Chinese in one place. Two kinds of conversion serve two needs:
// - toHans/toHant convert running text phrase by phrase (OpenCC), for display and for generating aliases;
// - fold maps each character on its own to one Simplified form, keeping the string's length, so that search,
//   related headlines and registry lookups compare 蘇州 and 苏州 as equal without losing offsets.
import * as OpenCC from "opencc-js";
import type { DictGroup, DictLike } from "opencc-js";
import type { Script } from "../model.ts";

type Convert = (text: string) => string;

let hansConverter: Convert | undefined;
let hantConverter: Convert | undefined;

/** Traditional (Taiwan, Hong Kong or OpenCC standard forms) → Simplified, phrase-level. */
export function toHans(text: string): string {
  // Taiwan and Hong Kong variant characters are first normalised to OpenCC's standard Traditional, then
  // converted; so 著/着, 裡/裏, 衞/衛 all end Simplified whichever region wrote them.
  const convert = (hansConverter ??= OpenCC.ConverterFactory(
    OpenCC.Locale.from.tw,
    OpenCC.Locale.from.hk,
    OpenCC.Locale.to.cn,
  ));
  return convert(text);
}

/** Simplified → Traditional with Taiwan standard characters, phrase-level. */
export function toHant(text: string): string {
  const convert = (hantConverter ??= OpenCC.Converter({ from: "cn", to: "tw" }));
  return convert(text);
}

/** Single-character pairs (source → first listed target) of OpenCC's dictionaries in the given groups. */
function characterPairs(groups: readonly DictGroup[]): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const group of groups) {
    for (const dict of group as readonly DictLike[]) {
      const entries: Array<readonly [string, string]> =
        typeof dict === "string"
          ? dict.split("|").map((line) => {
              const [from = "", to = ""] = line.split(" ");
              return [from, to] as const;
            })
          : [...dict];
      for (const [from, to] of entries) {
        // Phrase entries are skipped: fold must stay one character in, one character out.
        if ([...from].length === 1 && [...to].length === 1 && from !== to) pairs.set(from, to);
      }
    }
  }
  return pairs;
}

let foldTable: Map<string, string> | undefined;
let simplifiedOnly: Set<string> | undefined;

function buildFoldTable(): Map<string, string> {
  const ts = characterPairs(OpenCC.Locale.to.cn);
  const table = new Map<string, string>();
  const finalForm = (ch: string): string => {
    // Follow chains (A→B, B→C) to a fixed point so fold is idempotent; the guard stops on a cycle.
    let cur = ch;
    for (let i = 0; i < 4; i++) {
      const next = ts.get(cur);
      if (next === undefined || next === ch) break;
      cur = next;
    }
    return cur;
  };
  for (const ch of ts.keys()) table.set(ch, finalForm(ch));
  // Regional variants (TW 著, HK 裏) reach Simplified through their standard Traditional form. A variant
  // whose standard form has no Simplified mapping is left alone: TW lists 么→幺, and folding the everyday
  // Simplified 么 to 幺 would break matching.
  const variants = characterPairs([...OpenCC.Locale.from.tw, ...OpenCC.Locale.from.hk]);
  for (const [variant, standard] of variants) {
    if (table.has(variant) || !ts.has(standard)) continue;
    table.set(variant, finalForm(standard));
  }
  // Offsets are UTF-16 code units in JS: a pair that would change a string's length is not folded.
  for (const [from, to] of table) if (from.length !== to.length || from === to) table.delete(from);
  return table;
}

/** The fold table by UTF-16 code unit (0 = unchanged), for speed on long texts; astral pairs stay in the map. */
let foldBmp: Uint16Array | undefined;
let foldAstral: Map<string, string> | undefined;

function foldTables(): { bmp: Uint16Array; astral: Map<string, string> } {
  if (!foldBmp || !foldAstral) {
    foldTable ??= buildFoldTable();
    foldBmp = new Uint16Array(0x10000);
    foldAstral = new Map();
    for (const [from, to] of foldTable) {
      if (from.length === 1) foldBmp[from.charCodeAt(0)] = to.charCodeAt(0);
      else foldAstral.set(from, to);
    }
  }
  return { bmp: foldBmp, astral: foldAstral };
}

/** One character (code point) folded to its Simplified form; unchanged when it has none. */
export function foldChar(ch: string): string {
  foldTable ??= buildFoldTable();
  return foldTable.get(ch) ?? ch;
}

/**
 * Per-character Traditional → Simplified folding. `fold(s).length === s.length` and every index of the result
 * corresponds to the same index of the input. Deterministic and idempotent.
 */
export function fold(text: string): string {
  const { bmp, astral } = foldTables();
  let codes: Uint16Array | undefined;
  let loneSurrogate = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (c > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) {
        loneSurrogate = true;
        continue;
      }
      const pair = astral.get(text.slice(i, i + 2));
      if (pair !== undefined) {
        codes ??= codesOf(text);
        codes[i] = pair.charCodeAt(0);
        codes[i + 1] = pair.charCodeAt(1);
      }
      i++;
      continue;
    }
    const to = bmp[c]!;
    if (to !== 0) {
      codes ??= codesOf(text);
      codes[i] = to;
    }
  }
  // Most text needs no change at all (Simplified input): then the input itself is the answer.
  if (!codes) return text;
  // The UTF-16 decoder is several times faster but would replace a lone surrogate with U+FFFD.
  return loneSurrogate ? stringOf(codes) : utf16.decode(codes);
}

function codesOf(text: string): Uint16Array {
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

const utf16 = new TextDecoder("utf-16le");

/** Code units back to a string; lone surrogates survive (a UTF-16 decoder would replace them). */
function stringOf(codes: Uint16Array): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

function isSimplifiedOnly(ch: string): boolean {
  if (simplifiedOnly === undefined) {
    // Characters that OpenCC would change going Simplified → Traditional, minus those that are also
    // Traditional-specific (fold would change them): those are evidence of neither script.
    const st = characterPairs(OpenCC.Locale.from.cn);
    foldTable ??= buildFoldTable();
    simplifiedOnly = new Set([...st.keys()].filter((ch) => !foldTable!.has(ch)));
  }
  return simplifiedOnly.has(ch);
}

/** Script of a text by majority of script-specific characters; Simplified when there is no evidence either way. */
export function detectScript(text: string): Script {
  foldTable ??= buildFoldTable();
  let hans = 0;
  let hant = 0;
  for (const ch of text) {
    if (foldTable.has(ch)) hant++;
    else if (isSimplifiedOnly(ch)) hans++;
  }
  return hant > hans ? "zh-Hant" : "zh-Hans";
}
