/**
 * The search page's reader of the position table (src/search/positions.ts),
 * loaded with the planner: only a query the planner runs reads positions.
 */
import type { ChunkMap } from '../../search/chunk-map.ts';
import { pairKey } from '../../search/pairs.ts';
import { pagesWithPhrase, positionFileOf, positionsIn } from '../../search/positions.ts';

/** What the reader needs of the search page: the pair and page tables, and its files. */
export interface PositionSources {
  /** A pair's page numbers from the pair table, newest first. */
  pairNumbers(pair: string, slices: number): Promise<number[]>;
  /** Pagefind ids of page numbers, by the page table. */
  idsOfNumbers(numbers: number[]): Promise<string[]>;
  /** A binary file of the index, inflated, fetched once. */
  binaryFile(path: string): Promise<Uint8Array>;
}

/**
 * The pages whose text holds each phrase, newest first: the pairs of its
 * cover are read, each from its own file or its slice, as the pair table's
 * page count says.
 */
export function positionLookUp(
  phrases: { keys: string[]; cover: number[] }[],
  chunks: ChunkMap,
  from: PositionSources,
): Promise<string[][]> {
  const table = chunks.positions!;
  const positionsOf = async (pair: string) => {
    const pages = (await from.pairNumbers(pair, chunks.pairSlices ?? 0)).length;
    return positionsIn(await from.binaryFile(positionFileOf(pair, pages, table)), pair, pages, table);
  };
  return Promise.all(
    phrases.map(async ({ keys, cover }) => {
      const parts = await Promise.all(cover.map(async (s) => ({ offset: s, positions: await positionsOf(pairKey(keys[s], keys[s + 1])) })));
      return from.idsOfNumbers(pagesWithPhrase(parts));
    }),
  );
}
