/**
 * Writes the pair table and the page table (`src/search/pairs.ts`) from the
 * keys of every indexed page, and with them the position table
 * (`positions-file.ts`). Pages come in file order and are numbered by date
 * only once all are in, so each page keeps the id of the pair at each of its
 * positions (4 bytes a token: at 10,000 reports about 25 million, 100 MB)
 * rather than strings.
 */
import { gzipSync } from 'node:zlib';
import { encodePairSlice, PAGES_PER_SLICE, pageSliceFile, pairKey, pairSliceFile, pairSliceOf, writeVarint } from '../pairs.ts';
import type { PositionTable } from '../positions.ts';
import { sliceCount } from '../slices.ts';
import { positionFiles } from './positions-file.ts';

/**
 * Bytes a slice of the pair table holds before gzip, roughly: pairs and page
 * lists. In a small archive the pairs themselves are most of it and gzip to
 * about a third; in a large one the lists are, and gzip to about a quarter.
 */
const PAIR_SLICE_TARGET = 24 * 1024;

export interface PairFiles {
  /** How many slices the pair table has. */
  slices: number;
  /** How many pages are numbered (the page table's length). */
  pages: number;
  /** Path → gzip. */
  files: Map<string, Buffer>;
  /** JSON of each slice of the page table. */
  pageSlices: string[];
  /** How the page finds the position table's files (which are in `files`). */
  positions: PositionTable;
}

export class PairCollector {
  private readonly pairIds = new Map<string, number>();
  private readonly pairs: string[] = [];
  /** Each page's pairs by position: the pair starting at token i is entry i. */
  private readonly byPage = new Map<string, Uint32Array>();

  /** A page's keys, in the order of its token stream. */
  add(url: string, keys: readonly string[]): void {
    const sequence = new Uint32Array(Math.max(0, keys.length - 1));
    for (let i = 0; i + 1 < keys.length; i++) {
      const pair = pairKey(keys[i], keys[i + 1]);
      let id = this.pairIds.get(pair);
      if (id === undefined) {
        id = this.pairs.push(pair) - 1;
        this.pairIds.set(pair, id);
      }
      sequence[i] = id;
    }
    this.byPage.set(url, sequence);
  }

  /**
   * The tables' files: pages numbered in the order of `newestFirst` (every
   * added page, each once), the page table giving each number's Pagefind id.
   */
  files(newestFirst: string[], ids: Map<string, string>): PairFiles {
    if (newestFirst.length !== this.byPage.size || newestFirst.some((url) => !this.byPage.has(url))) {
      throw new Error('search index: the pair table was asked to number pages other than those added');
    }
    const lists = this.pairs.map((): number[] => []);
    newestFirst.forEach((url, n) => {
      for (const pair of this.byPage.get(url)!) if (lists[pair].at(-1) !== n) lists[pair].push(n);
    });
    const slices = sliceCount(encodedBytes(this.pairs, lists), PAIR_SLICE_TARGET);
    const parts = Array.from({ length: slices }, () => new Map<string, number[]>());
    this.pairs.forEach((pair, i) => parts[pairSliceOf(pair, slices)].set(pair, lists[i]));
    const files = new Map<string, Buffer>();
    parts.forEach((part, i) => files.set(pairSliceFile(i), gzipSync(encodePairSlice(part), { level: 9 })));
    const pageSlices: string[] = [];
    for (let i = 0; i * PAGES_PER_SLICE < newestFirst.length; i++) {
      const part = newestFirst.slice(i * PAGES_PER_SLICE, (i + 1) * PAGES_PER_SLICE).map((url) => {
        const id = ids.get(url);
        if (!id) throw new Error(`search index: Pagefind wrote no fragment for ${url}`);
        return id;
      });
      pageSlices.push(JSON.stringify(part));
      files.set(pageSliceFile(i), gzipSync(pageSlices[i], { level: 9 }));
    }
    const sequences = newestFirst.map((url) => this.byPage.get(url)!);
    const positions = positionFiles(this.pairs, lists, sequences);
    for (const [path, gz] of positions.files) files.set(path, gz);
    return { slices, pages: newestFirst.length, files, pageSlices, positions: positions.table };
  }
}

/** Bytes of the pairs and their page lists as varints, to choose the number of slices. */
function encodedBytes(pairs: string[], lists: number[][]): number {
  let bytes = pairs.reduce((n, pair) => n + Buffer.byteLength(pair) + 2, 0);
  const scratch: number[] = [];
  for (const list of lists) {
    let previous = -1;
    for (const n of list) {
      scratch.length = 0;
      writeVarint(scratch, n - previous - 1);
      bytes += scratch.length;
      previous = n;
    }
  }
  return bytes;
}
