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
  const convert = (hansConverter ??= OpenCC.ConverterFactory(OpenCC.Locale.from.tw, OpenCC.Locale.from.hk, OpenCC.Locale.to.cn));
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
  foldTable ??= buildFoldTable();
  let out = "";
  for (const ch of text) out += foldTable.get(ch) ?? ch;
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
