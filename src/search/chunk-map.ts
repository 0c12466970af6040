/**
 * The chunk map: what each of Pagefind's word index chunks costs to
 * download, and which chunk holds a key; with it, since every search loads it
 * first, how the sliced tables are cut and the facet values they index. The index builder writes it
 * (`src/search/index/pagefind-files.ts`); the search page's planner
 * (`src/search/query/planner.ts`) reads it to ask for cheap keys first.
 */
import type { PositionTable } from './positions.ts';

/** Where the index builder writes the chunk map (gzip of JSON `ChunkMap`), beside Pagefind's files. */
export const CHUNKS_FILE = 'pagefind/chunks.json.gz';

export interface ChunkMap {
  /** Mean size in bytes of a page's fragment file: what checking one candidate on its text downloads. */
  fragment: number;
  /** Pagefind's word index chunks in order: first word, last word (as Pagefind trims them), file size in bytes. */
  chunks: [from: string, to: string, bytes: number][];
  /** How many slices the names table has (`src/search/names.ts`); 0 or absent: none. */
  nameSlices?: number;
  /** How many slices the name list has (`src/search/names.ts`); 0 or absent: none. */
  nameListSlices?: number;
  /** How many slices the facet table has (`src/search/facets.ts`); 0 or absent: none. */
  facetSlices?: number;
  /** Every value of each filter group, which the facet slices give as indexes. */
  facetValues?: Record<string, string[]>;
  /** How many slices the pair table has (`src/search/pairs.ts`); 0 or absent: none. */
  pairSlices?: number;
  /** How many pages the page table numbers. */
  pages?: number;
  /** Where the position table's records are (`src/search/positions.ts`); absent: no table. */
  positions?: PositionTable;
  /**
   * Tables of a single slice, by the file path they are also written to: in
   * a small archive the page table and the facet table ride along with the
   * chunk map every search loads, a request each saved.
   */
  inline?: Record<string, unknown>;
}

/** JSON characters a single-slice table may have to ride in the chunk map. */
export const INLINE_MAX = 16 * 1024;

/** The single-slice tables among these (path → JSON) that go into the chunk map. */
export function inlineTables(tables: [path: string, json: string][][]): Record<string, unknown> {
  const inline: Record<string, unknown> = {};
  for (const slices of tables) {
    if (slices.length === 1 && slices[0][1].length <= INLINE_MAX) inline[slices[0][0]] = JSON.parse(slices[0][1]);
  }
  return inline;
}

/** Order of Pagefind's (Rust) string comparison: by code point, not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  }
  return x.length - y.length;
}

/**
 * Chunks a lookup of `word` loads: Pagefind's rule, every chunk with
 * from ≤ word ≤ to; when none (a word past a trimmed `to`), the last chunk
 * that starts at or before it.
 */
export function chunksFor(map: ChunkMap, word: string): number[] {
  const out: number[] = [];
  let before = -1;
  map.chunks.forEach(([from, to], i) => {
    if (compareCodePoints(from, word) > 0) return;
    before = i;
    if (compareCodePoints(word, to) <= 0) out.push(i);
  });
  return out.length > 0 || before < 0 ? out : [before];
}
