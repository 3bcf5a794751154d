// Types of search-text.js for the TypeScript indexer (the browser loads the .js directly).
export const KIND_HAN: number;
export const KIND_WORD: number;
export const KIND_GAP: number;
export const TITLE_SPAN: number;
export const TRIPLE_MARK: string;
export const WORD_END: string;
export function charKind(cp: number): number;
export function scan(text: string, visit: (kind: number, start: number, end: number) => void): void;
export function wordUnit(run: string): string;
export function hanUnit(folded: string): string;
export function unitSpans(text: string, foldChar: (ch: string) => string): { units: Array<string | null>; starts: number[]; ends: number[] };
export function queryPhrases(query: string, foldChar: (ch: string) => string): string[][];
export function shortWord(units: string[]): string;
export function tripleWord(units: string[]): string;
export function coverOffsets(n: number): number[];
export function phraseStarts(units: Array<string | null>, phrase: string[]): number[];
