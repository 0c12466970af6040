import { describe, expect, it } from 'vitest';
import { decodeCbor } from '../../src/search/index/cbor.ts';

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => parseInt(b, 16)));

describe('decodeCbor', () => {
  // Examples from RFC 8949, Appendix A.
  it.each([
    ['00', 0],
    ['17', 23],
    ['1818', 24],
    ['1903e8', 1000],
    ['1a000f4240', 1000000],
    ['1b000000e8d4a51000', 1000000000000],
    ['1bffffffffffffffff', 18446744073709551615n],
    ['20', -1],
    ['3863', -100],
    ['f90000', 0],
    ['f93c00', 1],
    ['f97bff', 65504],
    ['fa47c35000', 100000],
    ['fb3ff199999999999a', 1.1],
    ['f4', false],
    ['f5', true],
    ['f6', null],
    ['60', ''],
    ['6161', 'a'],
    ['62c3bc', 'ü'],
    ['63e6b0b4', '水'],
    ['c074323031332d30332d32315432303a30343a30305a', '2013-03-21T20:04:00Z'],
    ['7f657374726561646d696e67ff', 'streaming'],
  ])('%s', (input, expected) => {
    expect(decodeCbor(hex(input))).toEqual(expected);
  });

  it('reads arrays, maps and byte strings, definite and indefinite', () => {
    expect(decodeCbor(hex('8301820203820405'))).toEqual([1, [2, 3], [4, 5]]);
    expect(decodeCbor(hex('9f018202039f0405ffff'))).toEqual([1, [2, 3], [4, 5]]);
    expect(decodeCbor(hex('a26161016162820203'))).toEqual(
      new Map<unknown, unknown>([
        ['a', 1],
        ['b', [2, 3]],
      ]),
    );
    expect(decodeCbor(hex('bf6346756ef563416d7421ff'))).toEqual(
      new Map<unknown, unknown>([
        ['Fun', true],
        ['Amt', -2],
      ]),
    );
    expect(decodeCbor(hex('4401020304'))).toEqual(Uint8Array.of(1, 2, 3, 4));
    expect(decodeCbor(hex('5f42010243030405ff'))).toEqual(Uint8Array.of(1, 2, 3, 4, 5));
  });

  it('says where malformed input stops', () => {
    expect(() => decodeCbor(hex('62c3'))).toThrowErrorMatchingInlineSnapshot(`[Error: CBOR: 2 more bytes needed, 1 left at byte 1]`);
    expect(() => decodeCbor(hex('0000'))).toThrowErrorMatchingInlineSnapshot(`[Error: CBOR: 1 bytes after the value at byte 1]`);
    expect(() => decodeCbor(hex('1c'))).toThrowErrorMatchingInlineSnapshot(`[Error: CBOR: reserved additional information 28 at byte 1]`);
    expect(() => decodeCbor(hex('ff'))).toThrowErrorMatchingInlineSnapshot(`[Error: CBOR: unexpected break at byte 1]`);
  });
});
