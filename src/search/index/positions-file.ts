/**
 * Writes the position table (`src/search/positions.ts`) from every page's
 * pairs by position. At 10,000 reports it holds some 25 million positions:
 * records are measured in a first pass and written into one buffer in a
 * second, so no pair keeps an array of its own.
 */
import { gzipSync } from 'node:zlib';
import { encodeRecords } from '../pairs.ts';
import { positionOwnFile, positionSliceFile, positionSliceOf, type PositionTable, writeEntry } from '../positions.ts';
import { sliceCount } from '../slices.ts';

/** Bytes of records a slice holds before gzip, about: a few KiB gzipped, like a slice of the pair table. */
const POSITION_SLICE_TARGET = 24 * 1024;

/** Positions in one page above this would not fit the packing of `byPair`. */
const MAX_TOKENS = 2 ** 24;

/**
 * Calls `visit` once per pair of a page (`sequence`: the pair at each
 * position), with its positions ascending, pairs in id order.
 */
function byPair(sequence: Uint32Array, visit: (pair: number, positions: number[]) => void): void {
  if (sequence.length > MAX_TOKENS)
    throw new Error(`search index: a page of ${sequence.length} tokens is longer than the position table allows`);
  const packed = new Float64Array(sequence.length);
  for (let i = 0; i < sequence.length; i++) packed[i] = sequence[i] * MAX_TOKENS + i;
  packed.sort();
  let i = 0;
  while (i < packed.length) {
    const pair = Math.floor(packed[i] / MAX_TOKENS);
    const positions: number[] = [];
    for (; i < packed.length && Math.floor(packed[i] / MAX_TOKENS) === pair; i++) positions.push(packed[i] % MAX_TOKENS);
    visit(pair, positions);
  }
}

/** Each page's entry of each pair's record, pages in order: `use` gets the entry's bytes (reused between calls). */
function eachEntry(pairCount: number, sequences: Uint32Array[], use: (pair: number, entry: number[]) => void): void {
  const last = new Int32Array(pairCount).fill(-1);
  const entry: number[] = [];
  sequences.forEach((sequence, n) =>
    byPair(sequence, (pair, positions) => {
      entry.length = 0;
      writeEntry(entry, n - last[pair] - 1, positions);
      last[pair] = n;
      use(pair, entry);
    }),
  );
}

/** Every pair's record, in one buffer: pair i's bytes are [starts[i], starts[i + 1]). */
function records(pairCount: number, sequences: Uint32Array[]): { bytes: Uint8Array; starts: Float64Array } {
  const lengths = new Float64Array(pairCount);
  eachEntry(pairCount, sequences, (pair, entry) => {
    lengths[pair] += entry.length;
  });
  const starts = new Float64Array(pairCount + 1);
  for (let i = 0; i < pairCount; i++) starts[i + 1] = starts[i] + lengths[i];
  const bytes = new Uint8Array(starts[pairCount]);
  const at = starts.slice(0, pairCount);
  eachEntry(pairCount, sequences, (pair, entry) => {
    bytes.set(entry, at[pair]);
    at[pair] += entry.length;
  });
  return { bytes, starts };
}

/**
 * The position table's files by path, and what the page needs to find them:
 * pairs of `pairs` found on `lists[i]` pages, pages (newest first) with the
 * pair at each position (`sequences`).
 */
export function positionFiles(
  pairs: string[],
  lists: number[][],
  sequences: Uint32Array[],
  target = POSITION_SLICE_TARGET,
): { files: Map<string, Buffer>; table: PositionTable } {
  const { bytes, starts } = records(pairs.length, sequences);
  const size = (i: number) => starts[i + 1] - starts[i];
  // A record bigger than a slice gets a file of its own, and so does every record of a pair on as many pages: the page tells by the count.
  let ownFrom = sequences.length + 1;
  for (let i = 0; i < pairs.length; i++) if (size(i) > target) ownFrom = Math.min(ownFrom, lists[i].length);
  const own = (i: number) => lists[i].length >= ownFrom;
  let sliced = 0;
  // A slice holds its pairs too: in a small archive they are most of it.
  for (let i = 0; i < pairs.length; i++) if (!own(i)) sliced += size(i) + Buffer.byteLength(pairs[i]) + 2;
  const slices = sliceCount(sliced, target);
  const parts = Array.from({ length: slices }, () => new Map<string, Uint8Array>());
  const files = new Map<string, Buffer>();
  let ownBytes = 0;
  let ownEntries = 0;
  pairs.forEach((pair, i) => {
    const record = bytes.subarray(starts[i], starts[i + 1]);
    if (!own(i)) return parts[positionSliceOf(pair, slices)].set(pair, record);
    const gz = gzipSync(record, { level: 9 });
    files.set(positionOwnFile(pair), gz);
    ownBytes += gz.length;
    ownEntries += lists[i].length;
  });
  let sliceBytes = 0;
  parts.forEach((part, i) => {
    const gz = gzipSync(encodeRecords(part), { level: 9 });
    files.set(positionSliceFile(i), gz);
    sliceBytes += gz.length;
  });
  const meanEntry = ownEntries > 0 ? ownBytes / ownEntries : 0;
  return { files, table: { slices, ownFrom, sliceBytes: Math.round(sliceBytes / slices), entryBytes: Number(meanEntry.toFixed(2)) } };
}
