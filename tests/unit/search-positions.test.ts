/**
 * The position table (src/search/positions.ts, written by
 * src/search/index/positions-file.ts): covers, records, slices and files of
 * their own, read back as the search page reads them.
 */
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { positionFiles } from '../../src/search/index/positions-file.ts';
import { pairKey } from '../../src/search/pairs.ts';
import { cheapestCover } from '../../src/search/query/cover.ts';
import {
  decodePositions,
  encodePositions,
  type PairPositions,
  pagesWithPhrase,
  positionFileOf,
  positionOwnFile,
  positionsIn,
} from '../../src/search/positions.ts';

describe('cheapestCover', () => {
  it('always takes the first and last pair, and covers every key', () => {
    expect(cheapestCover([5])).toEqual([0]);
    expect(cheapestCover([1, 1])).toEqual([0, 1]);
    // 结合医院门诊: 结合 合医 医院 院门 门诊 — the common 医院 is left out when 合医 and 院门 cover its keys.
    expect(cheapestCover([1, 1, 100, 1, 1])).toEqual([0, 1, 3, 4]);
    expect(cheapestCover([1, 100, 1, 100, 1])).toEqual([0, 2, 4]);
    // Every key covered, whatever the costs.
    for (const cost of [
      [3, 1, 4, 1, 5, 9, 2, 6],
      [9, 9, 1, 9, 9],
      [1, 50, 50, 1],
    ]) {
      const cover = cheapestCover(cost);
      for (let key = 0; key <= cost.length; key++) expect(cover.includes(key) || cover.includes(key - 1)).toBe(true);
    }
  });
});

describe('records', () => {
  it('reads back what it wrote', () => {
    const pages = [0, 3, 4, 1000];
    const positions = [[0], [2, 3, 700], [5], [0, 127, 128, 16_384]];
    const read = decodePositions(Uint8Array.from(encodePositions(pages, positions)));
    expect([...read]).toEqual(pages.map((p, i) => [p, positions[i]]));
  });

  it('finds the pages where the pairs stand at their offsets from one start', () => {
    const at = (entries: [number, number[]][]): PairPositions => new Map(entries);
    // Pair 0 at offset 0 and pair 2 at offset 2: a start where both hold.
    const first = at([
      [1, [10]],
      [2, [4, 20]],
      [3, [7]],
    ]);
    const third = at([
      [1, [13]],
      [2, [22]],
      [4, [2]],
    ]);
    expect(
      pagesWithPhrase([
        { offset: 0, positions: first },
        { offset: 2, positions: third },
      ]),
    ).toEqual([2]);
  });
});

describe('positionFiles', () => {
  /** Pages of keys; page n's pair at each position, as the pair collector numbers them. */
  const pages = [
    ['结', '合', '医', '院', '门', '诊'],
    ['医', '院', '医', '院', '党', '建'],
    ['医', '院', '门', '前'],
  ];
  const pairs: string[] = [];
  const sequences = pages.map((keys) =>
    Uint32Array.from(keys.slice(1), (key, i) => {
      const pair = pairKey(keys[i], key);
      if (!pairs.includes(pair)) pairs.push(pair);
      return pairs.indexOf(pair);
    }),
  );
  const lists = pairs.map((_, id) => sequences.flatMap((s, n) => (s.includes(id) ? [n] : [])));

  for (const target of [1024, 8]) {
    it(`reads every pair back from its slice or its own file (slice target ${target} bytes)`, () => {
      const { files, table } = positionFiles(pairs, lists, sequences, target);
      const read = (path: string) => new Uint8Array(gunzipSync(files.get(path) ?? Buffer.alloc(0)));
      const own = pairs.filter((_, i) => lists[i].length >= table.ownFrom);
      // A small target gives the pair on every page (医 院) a file of its own.
      expect(own.includes(pairKey('医', '院'))).toBe(target === 8);
      pairs.forEach((pair, i) => {
        const got = positionsIn(read(positionFileOf(pair, lists[i].length, table)), pair, lists[i].length, table);
        const expected = new Map(lists[i].map((n) => [n, [...sequences[n].keys()].filter((p) => sequences[n][p] === i)]));
        expect(got).toEqual(expected);
      });
      expect(positionOwnFile(pairKey('医', '院'))).toBe('pagefind/positions/own/e58cbb20e999a2.bin.gz');
    });
  }
});
