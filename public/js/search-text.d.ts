// Types of search-text.js for the TypeScript indexer (the browser loads the .js directly).
export interface Segment {
  kind: "han" | "word" | "gap";
  text: string;
}
export const GAP_SPACE: string;
export function segments(text: string): Segment[];
export function segmentWord(seg: Segment, foldChar: (ch: string) => string): string;
export function queryPhrases(query: string, foldChar: (ch: string) => string): string[][];
export function phraseQuery(phrase: string[]): string;
export function preimages(pairs: Iterable<[string, string]>): Map<string, string[]>;
export function encodeOriginals(originals: string[], words: string[], inv: Map<string, string[]>): string;
export function decodeOriginals(words: string[], encoded: string, inv: Map<string, string[]>): string[];
export function displayText(words: string[]): string;
export function phraseStarts(words: string[], phrase: string[]): number[];
