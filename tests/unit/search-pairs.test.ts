/**
 * The pair table's slices (src/search/pairs.ts): a pair's page numbers read
 * back from a slice of many pairs, as the search page reads them, without
 * decoding the others.
 */
import { describe, expect, it } from 'vitest';
import { encodePairSlice, pairKey, pairPagesIn } from '../../src/search/pairs.ts';

describe('pairPagesIn', () => {
  const lists = new Map<string, number[]>([
    [pairKey('党', '建'), [0, 3, 200, 201]],
    [pairKey('建', '设'), [5]],
    [pairKey('a', 'b'), [1, 130]],
    [pairKey('a', 'bc'), [2]],
    [pairKey('医', '院'), Array.from({ length: 300 }, (_, i) => i * 7)],
  ]);
  const slice = encodePairSlice(lists);

  it('reads each pair’s pages, ascending, and only that pair’s', () => {
    for (const [pair, pages] of lists) expect(pairPagesIn(slice, pair), pair).toEqual(pages);
  });

  it('finds nothing for a pair the slice does not hold, even one that begins like a pair it holds', () => {
    expect(pairPagesIn(slice, pairKey('党', '员'))).toEqual([]);
    expect(pairPagesIn(slice, pairKey('a', 'bcd'))).toEqual([]);
    expect(pairPagesIn(slice, 'a')).toEqual([]);
  });

  it('says which table is broken when a record runs past its slice', () => {
    expect(() => pairPagesIn(slice.subarray(0, slice.length - 1), pairKey('建', '设'))).toThrowErrorMatchingInlineSnapshot(
      `[Error: pair table: a record runs past the end of its slice]`,
    );
  });
});
