// Types of search-engine.js for tests (the browser loads the .js directly).
export interface Facets {
  values: Record<string, string[]>;
  pages: Record<string, number[][]>;
}
export interface PagefindLike {
  search(term: string | null): Promise<{ results: Array<{ id: string; words: number[] }> }>;
}
export const FACETS: readonly string[];
export function pageOf(id: string): number;
export function phrasePages(pf: PagefindLike, phrase: string[]): Promise<Map<number, { title: boolean; result: unknown }>>;
export function matchingPages(pf: PagefindLike, phrases: string[][], pageCount: number): Promise<Map<number, { titleHits: number; result: unknown }>>;
export function filterAndCount(facets: Facets, pages: Iterable<number>, selected: Record<string, string[]>): { shown: number[]; counts: Record<string, Record<string, number>> };
export function openBundle(bundleUrl: string): Promise<unknown>;
