/**
 * The pair table: for every two keys that stand next to each other in some
 * page's token stream (`tokenizer.ts`), the pages where they do. A term of
 * two keys is then decided without Pagefind, and a longer term's candidates
 * are the pages that hold all of its pairs. Pagefind's phrase lookup costs
 * what the posting lists of the term's characters cost, whatever it finds:
 * at 10,000 reports 0.3–0.5 s for a word of common characters, where the
 * pair's page list is a few KiB.
 *
 * Pages are numbered newest first (the order of Pagefind's date sort), so a
 * list of page numbers is already in date order; the page table turns
 * numbers into Pagefind ids. Both tables are cut into slices: the pair table
 * by pair (`sliceOf`), the page table by number.
 *
 * A slice of the pair table is binary, gzipped: per pair, sorted by pair,
 * varint byte length and UTF-8 of the pair, varint byte length of its list,
 * and the list as varints: the first page number, then each gap less one.
 */
import { sliceOf } from './slices.ts';

/** Where slice `i` of the pair table is, under the site's base, beside Pagefind's files. */
export const pairSliceFile = (i: number) => `pagefind/pairs/${i}.bin.gz`;

/** Where slice `i` of the page table (JSON array of Pagefind ids) is. */
export const pageSliceFile = (i: number) => `pagefind/pages/${i}.json.gz`;

/** Pages a slice of the page table holds: at 10,000 reports 10 slices of about 7 KiB gzipped. */
export const PAGES_PER_SLICE = 1024;

/** The table's key for two adjacent keys (keys hold no space). */
export const pairKey = (a: string, b: string) => `${a} ${b}`;

/** The slice of `slices` the pair is in. */
export const pairSliceOf = (pair: string, slices: number) => sliceOf(pair, slices);

/** Appends `n` as a varint: seven bits a byte, low first, high bit set on all but the last. */
export function writeVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/** The varint at `at`, and where the next value starts. */
export function readVarint(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let scale = 1;
  for (;;) {
    if (at >= bytes.length) throw new Error('pair table: a number runs past the end of its slice');
    const b = bytes[at++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) return [value, at];
    scale *= 0x80;
  }
}

/**
 * A slice of records, keys in code unit order: key length, key, record
 * length, record (the pair and position tables' slices; `recordIn` reads one).
 */
export function encodeRecords(records: Map<string, ArrayLike<number>>): Uint8Array {
  const out: number[] = [];
  const utf8 = new TextEncoder();
  for (const key of [...records.keys()].sort()) {
    const bytes = utf8.encode(key);
    const record = records.get(key)!;
    writeVarint(out, bytes.length);
    for (const b of bytes) out.push(b);
    writeVarint(out, record.length);
    for (let i = 0; i < record.length; i++) out.push(record[i]);
  }
  return Uint8Array.from(out);
}

/** One slice from its pairs' page lists (ascending page numbers), each list as varint gaps. */
export function encodePairSlice(lists: Map<string, ArrayLike<number>>): Uint8Array {
  const records = new Map<string, number[]>();
  for (const [pair, pages] of lists) {
    const list: number[] = [];
    let previous = -1;
    for (const n of Array.from(pages)) {
      writeVarint(list, n - previous - 1);
      previous = n;
    }
    records.set(pair, list);
  }
  return encodeRecords(records);
}

/**
 * Where one key's record is in a slice of records (key length, key, record
 * length, record: the pair and position tables' slices), or undefined when
 * the slice does not hold it. Other records are stepped over, not decoded: a
 * query needs a few pairs of a slice that holds thousands.
 */
export function recordIn(bytes: Uint8Array, key: string, table: string): { from: number; to: number } | undefined {
  const wanted = new TextEncoder().encode(key);
  for (let at = 0; at < bytes.length; ) {
    const [keyLength, keyAt] = readVarint(bytes, at);
    const [recordLength, from] = readVarint(bytes, keyAt + keyLength);
    const to = from + recordLength;
    if (to > bytes.length) throw new Error(`${table}: a record runs past the end of its slice`);
    if (keyLength === wanted.length && wanted.every((b, i) => bytes[keyAt + i] === b)) return { from, to };
    at = to;
  }
  return undefined;
}

/** A pair's page numbers, ascending, from its slice (none when the slice does not hold it). */
export function pairPagesIn(bytes: Uint8Array, pair: string): number[] {
  const record = recordIn(bytes, pair, 'pair table');
  if (!record) return [];
  const pages: number[] = [];
  let page = -1;
  for (let i = record.from; i < record.to; ) {
    const [gap, next] = readVarint(bytes, i);
    page += gap + 1;
    pages.push(page);
    i = next;
  }
  return pages;
}
