import { describe, expect, it } from 'vitest';
import { chunkMapOf, readPagefindFile } from '../../src/integrations/search-index.ts';
import { decodeCbor, type CborValue } from '../../src/lib/cbor.ts';
import { checkOnText, chunksFor, compareCodePoints, keyBytes, planQuery, type ChunkMap } from '../../src/lib/search-plan.ts';
import { encodeContent, tokenize } from '../../src/lib/search-tokens.ts';

/** Chunks as Pagefind lays them out: words sorted, `to`/`from` trimmed to the first differing character. */
const MAP: ChunkMap = {
  fragment: 4000,
  chunks: [
    ['一', '丁', 20_000],
    ['万', '中', 30_000],
    ['人', '人', 400_000], // a common character alone in a big chunk
    ['仁', '医', 30_000],
    ['南', '南', 35_000],
    ['卫', '民', 30_000],
    ['泰', '泰', 20_000],
    ['生', '生', 90_000],
    ['院', '院', 600_000],
  ],
};

describe('the chunk map', () => {
  it('compares as Pagefind does, by code point', () => {
    // UTF-16 puts an astral character (𠀀, U+20000) before U+FF01; code points do not.
    expect('𠀀' < '！').toBe(true);
    expect(compareCodePoints('𠀀', '！')).toBeGreaterThan(0);
    expect(compareCodePoints('医', '医院')).toBeLessThan(0);
    expect(compareCodePoints('院', '院')).toBe(0);
  });

  it('finds the chunk a key is in, and what keys cost together', () => {
    expect(chunksFor(MAP, '院')).toEqual([8]);
    expect(chunksFor(MAP, '上')).toEqual([1]);
    // Past a trimmed `to` (Pagefind then matches loosely): the chunk it would be in.
    expect(chunksFor(MAP, '医院')).toEqual([3]);
    expect(keyBytes(MAP, ['院', '院', '医', '仁'])).toBe(630_000);
  });

  it('looks a long term up by its cheapest pair, widened over free neighbours', () => {
    const keys = [...'泰南市第一人民医院'];
    const plan = planQuery([keys], MAP, 40_000);
    // 泰南 is cheapest (55 kB); the next key, 市, is in a chunk not loaded yet, so the run stays 泰南.
    expect(plan.terms).toEqual([{ start: 0, end: 2, whole: false }]);
    expect(plan.partial).toBe(true);
    expect(plan.restBytes).toBe(keyBytes(MAP, keys) - keyBytes(MAP, ['泰', '南']));
    expect(plan.fragmentBytes).toBe(4000);
    // 仁 and 医 share a chunk, which makes them the cheapest pair.
    expect(planQuery([[...'泰仁医院']], MAP, 40_000).terms).toEqual([{ start: 1, end: 3, whole: false }]);
  });

  it('looks a term up whole when it is short, when leaving keys out saves little, or without a map', () => {
    expect(planQuery([['医', '院'], ['院']], MAP, 0).terms.every((t) => t.whole)).toBe(true);
    expect(planQuery([[...'万上下']], MAP, 0).terms).toEqual([{ start: 0, end: 3, whole: true }]);
    // Leaving 院 out would save 600 kB, which is less than the worth of checking.
    expect(planQuery([[...'泰南院']], MAP, 700_000)).toMatchObject({ partial: false, restBytes: 0 });
    expect(planQuery([[...'泰南市第一人民医院']], undefined, 0)).toMatchObject({ partial: false, terms: [{ start: 0, end: 9, whole: true }] });
  });

  it('checks candidates on their text when that downloads less than the rest of the keys', () => {
    const plan = planQuery([[...'泰南市第一人民医院']], MAP, 40_000);
    expect(checkOnText(plan, 10)).toBe(true);
    expect(checkOnText(plan, Math.floor(plan.restBytes / 4000))).toBe(true);
    expect(checkOnText(plan, Math.floor(plan.restBytes / 4000) + 1)).toBe(false);
  });
});

describe('reading the chunk map from a Pagefind index', () => {
  it('lists every chunk with its size, and each key maps to the chunk that holds it', async () => {
    // Small chunks, so that this small index has many.
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = '8';
    const { createIndex, close } = await import('pagefind');
    const texts = ['泰南市第一人民医院党委开展“党建+”活动。', '湖沙市人民医院：医院党建，DRGs付费改革。', '柳溪区岭鹤镇卫生院，2023年。'];
    const { index } = await createIndex({});
    try {
      for (const [i, text] of texts.entries()) {
        await index!.addCustomRecord({ url: `/p${i}/`, content: encodeContent(tokenize(text)), language: 'und' });
      }
      const { files } = await index!.getFiles();
      const map = chunkMapOf(files);
      expect(map.chunks.length).toBeGreaterThan(5);
      expect(map.fragment).toBeGreaterThan(0);
      const words = new Map<string, number>();
      for (const [i, [, , bytes]] of map.chunks.entries()) {
        const hash = (decodeCbor(readPagefindFile('meta', files.find((f) => /\.pf_meta$/.test(f.path))!.content)) as CborValue[][])[2][i] as string[];
        const file = files.find((f) => f.path === `index/${hash[2]}.pf_index`)!;
        expect(file.content.length).toBe(bytes);
        const [chunkWords] = decodeCbor(readPagefindFile(file.path, file.content)) as [CborValue[][]];
        for (const w of chunkWords) words.set(w[0] as string, i);
      }
      for (const text of texts) {
        for (const token of tokenize(text)) {
          expect(words.has(token.key), token.key).toBe(true);
          expect(chunksFor(map, token.key), token.key).toContain(words.get(token.key));
        }
      }
    } finally {
      await index!.deleteIndex();
      await close();
      delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    }
  });
});
