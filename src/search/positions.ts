/**
 * The position table: for every pair of the pair table (`pairs.ts`), where
 * in each page's token stream it stands. With it a term of three keys or
 * more is decided without its pages' text and without Pagefind: the term
 * stands at token p of a page when every key is covered by a pair found at
 * its place (for 党建工作: 党建 at p and 工作 at p + 2). Only the pairs of a cover are read,
 * and the cheapest cover leaves out the common pairs when it can (合医 and
 * 院门 cover 医院 in 结合医院门诊).
 *
 * A pair's record: per page, ascending page number (the pair table's
 * numbers), the page as a gap from the last less one, how many positions
 * less one, the first position, then each next one as a gap less one.
 * Records are cut into slices by pair like the pair table's; a pair found
 * on `ownFrom` pages or more has a file of its own (named by its UTF-8 in
 * hex), so a slice stays small and the page knows from the pair table where
 * a record is.
 */
import { readVarint, recordIn, writeVarint } from './pairs.ts';
import { sliceOf } from './slices.ts';

/** Where slice `i` of the position table is, under the site's base. */
export const positionSliceFile = (i: number) => `pagefind/positions/${i}.bin.gz`;

/** Where a pair found on many pages has its record alone. */
export const positionOwnFile = (pair: string) =>
  `pagefind/positions/own/${Array.from(new TextEncoder().encode(pair), (b) => b.toString(16).padStart(2, '0')).join('')}.bin.gz`;

/** The slice of `slices` a pair's record is in when it has no file of its own. */
export const positionSliceOf = (pair: string, slices: number) => sliceOf(pair, slices);

/** The file a pair's record is in, by how many pages the pair table gives it. */
export function positionFileOf(pair: string, pages: number, table: PositionTable): string {
  return pages >= table.ownFrom ? positionOwnFile(pair) : positionSliceFile(positionSliceOf(pair, table.slices));
}

/** A pair's positions from the file `positionFileOf` names. */
export function positionsIn(bytes: Uint8Array, pair: string, pages: number, table: PositionTable): PairPositions {
  return pages >= table.ownFrom ? decodePositions(bytes) : pairInSlice(bytes, pair);
}

/** How the page finds the table: the chunk map carries it. */
export interface PositionTable {
  /** Slices of the table. */
  slices: number;
  /** Pages a pair must be found on to have its own file. */
  ownFrom: number;
  /** Mean gzipped bytes of a slice, and of one page's entry in a record of its own: what a cover costs. */
  sliceBytes: number;
  entryBytes: number;
}

/** Each page's positions of one pair: page number → ascending token positions. */
export type PairPositions = Map<number, number[]>;

/** Appends one page's entry to a record: the page's gap from the last (less one) and its positions (ascending). */
export function writeEntry(out: number[], pageGap: number, positions: ArrayLike<number>): void {
  writeVarint(out, pageGap);
  writeVarint(out, positions.length - 1);
  let at = -1;
  for (let k = 0; k < positions.length; k++) {
    writeVarint(out, positions[k] - at - 1);
    at = positions[k];
  }
}

/** A pair's record from its pages (ascending) and their positions (ascending). */
export function encodePositions(pages: ArrayLike<number>, positions: ArrayLike<number>[]): number[] {
  const out: number[] = [];
  let previous = -1;
  for (let i = 0; i < pages.length; i++) {
    writeEntry(out, pages[i] - previous - 1, positions[i]);
    previous = pages[i];
  }
  return out;
}

/** The record in `bytes` [from, to). */
export function decodePositions(bytes: Uint8Array, from = 0, to = bytes.length): PairPositions {
  const out: PairPositions = new Map();
  let page = -1;
  let at = from;
  while (at < to) {
    let gap: number;
    let count: number;
    [gap, at] = readVarint(bytes, at);
    [count, at] = readVarint(bytes, at);
    page += gap + 1;
    const own = new Array<number>(count + 1);
    let position = -1;
    for (let k = 0; k <= count; k++) {
      [gap, at] = readVarint(bytes, at);
      position += gap + 1;
      own[k] = position;
    }
    out.set(page, own);
  }
  if (at !== to) throw new Error('position table: a record runs past its end');
  return out;
}

/** One pair's positions from a slice (empty when the slice does not hold it); other records are skipped, not read. */
export function pairInSlice(bytes: Uint8Array, pair: string): PairPositions {
  const record = recordIn(bytes, pair, 'position table');
  return record ? decodePositions(bytes, record.from, record.to) : new Map();
}

/**
 * The pages (ascending) where the pairs of a cover stand at their offsets
 * from one start: `cover` gives each pair's offset in the term and its
 * positions.
 */
export function pagesWithPhrase(cover: { offset: number; positions: PairPositions }[]): number[] {
  const [first, ...rest] = [...cover].sort((a, b) => a.positions.size - b.positions.size);
  const out: number[] = [];
  for (const [page, starts] of first.positions) {
    const others = rest.map((c) => ({ offset: c.offset, at: c.positions.get(page) }));
    if (others.some((o) => !o.at)) continue;
    const holds = starts.some((q) => {
      const start = q - first.offset;
      return others.every((o) => includesSorted(o.at!, start + o.offset));
    });
    if (holds) out.push(page);
  }
  return out.sort((a, b) => a - b);
}

function includesSorted(list: number[], value: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === value) return true;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
