import { describe, expect, it } from 'vitest';
import { chunksFor, compareCodePoints, type ChunkMap } from '../../src/search/chunk-map.ts';
import { decodeCbor, type CborValue } from '../../src/search/index/cbor.ts';
import { chunkMapOf, readPagefindFile } from '../../src/search/index/pagefind-files.ts';
import { MAX_EXTRA_LOOKUPS, SearchPlanner } from '../../src/search/query/planner.ts';
import { encodeContent } from '../../src/search/content-codec.ts';
import { tokenize } from '../../src/search/tokenizer.ts';

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

  it('finds the chunk a key is in', () => {
    expect(chunksFor(MAP, '院')).toEqual([8]);
    expect(chunksFor(MAP, '上')).toEqual([1]);
    // Past a trimmed `to` (Pagefind then matches loosely): the chunk it would be in.
    expect(chunksFor(MAP, '医院')).toEqual([3]);
  });
});

const term = (s: string) => [...s];

describe('the search planner', () => {
  it('looks a long term up by its cheapest pair first, widened over keys in chunks it loads anyway', () => {
    // 泰南 is cheapest (55 kB); the next key, 市, is in a chunk not loaded yet, so the run stays 泰南.
    expect(new SearchPlanner([term('泰南市第一人民医院')], MAP, 40_000).first()).toEqual([{ term: 0, start: 0, end: 2 }]);
    // 仁 and 医 share a chunk, which makes them the cheapest pair; 区 between them costs nothing more.
    expect(new SearchPlanner([term('泰仁区医院')], MAP, 40_000).first()).toEqual([{ term: 0, start: 1, end: 4 }]);
  });

  it('looks a term up whole when it is short, when leaving keys out saves little, or without a chunk map', () => {
    expect(new SearchPlanner([term('医院'), term('院')], MAP, 0).first()).toEqual([
      { term: 0, start: 0, end: 2 },
      { term: 1, start: 0, end: 1 },
    ]);
    // All three keys are in one chunk.
    expect(new SearchPlanner([term('万上下')], MAP, 0).first()).toEqual([{ term: 0, start: 0, end: 3 }]);
    // Leaving 院 out would save 600 kB, less than the worth of one page of results here.
    expect(new SearchPlanner([term('泰南院')], MAP, 700_000).first()).toEqual([{ term: 0, start: 0, end: 3 }]);
    const unmapped = new SearchPlanner([term('泰南市第一人民医院')], undefined, 0);
    expect(unmapped.first()).toEqual([{ term: 0, start: 0, end: 9 }]);
    expect(unmapped.next(100, 100)).toEqual({ kind: 'done' });
  });

  it('is done when the index decided every term, or nothing was found', () => {
    const whole = new SearchPlanner([term('医院')], MAP, 0);
    whole.first();
    expect(whole.next(5000, 5000)).toEqual({ kind: 'done' });
    const partial = new SearchPlanner([term('泰南市第一人民医院')], MAP, 40_000);
    partial.first();
    expect(partial.next(0, 0)).toEqual({ kind: 'done' });
  });

  it('checks few candidates on their text, where that downloads less than the rest of the keys', () => {
    const planner = new SearchPlanner([term('泰南市第一人民医院')], MAP, 40_000);
    planner.first();
    const rest = planner.restBytes();
    // 市第一人民医院 beyond 泰南: 卫-民, 生, 一-丁, 人, 仁-医, 院.
    expect(rest).toBe(30_000 + 90_000 + 20_000 + 400_000 + 30_000 + 600_000);
    expect(planner.next(14, 14)).toEqual({ kind: 'check-text' });
    expect(planner.next(400, Math.floor(rest / 4000))).toEqual({ kind: 'check-text' });
  });

  it('narrows many candidates with the next cheapest pair, a bounded number of times, then asks for the rest', () => {
    const planner = new SearchPlanner([term('泰南市第一人民医院')], MAP, 40_000);
    planner.first();
    const many = 10_000;
    // The next cheapest pair beside 泰南: 民医 (卫-民 and 仁-医, 60 kB).
    expect(planner.next(many, many)).toEqual({ kind: 'look-up', lookups: [{ term: 0, start: 6, end: 8 }] });
    expect(planner.next(many, many)).toMatchObject({ kind: 'look-up', lookups: [{ term: 0 }] });
    expect(MAX_EXTRA_LOOKUPS).toBe(2);
    expect(planner.next(many, many)).toEqual({ kind: 'look-up', lookups: [{ term: 0, start: 0, end: 9 }] });
    expect(planner.next(3, 3)).toEqual({ kind: 'done' });
  });

  it('plans each term of a query, and asks for every undecided term at the end', () => {
    const planner = new SearchPlanner([term('泰南市第一人民医院'), term('医院'), term('万上下中')], MAP, 40_000);
    expect(planner.first()).toEqual([
      { term: 0, start: 0, end: 2 },
      { term: 1, start: 0, end: 2 },
      { term: 2, start: 0, end: 4 },
    ]);
    // The term 医院 loaded its chunks, so the first term's 医院 is the next pair, and it costs nothing.
    expect(planner.next(5000, 5000)).toEqual({ kind: 'look-up', lookups: [{ term: 0, start: 7, end: 9 }] });
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
      const fragments = files.filter((f) => f.path.startsWith('fragment/'));
      expect(fragments).toHaveLength(texts.length);
      expect(map.fragment).toBe(Math.round(fragments.reduce((s, f) => s + f.content.length, 0) / fragments.length));
      const words = new Map<string, number>();
      for (const [i, [, , bytes]] of map.chunks.entries()) {
        const hash = (decodeCbor(readPagefindFile('meta', files.find((f) => /\.pf_meta$/.test(f.path))!.content)) as CborValue[][])[2][
          i
        ] as string[];
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
  it('is empty for an index of no pages (every article a draft)', async () => {
    const { createIndex, close } = await import('pagefind');
    const { index } = await createIndex({});
    try {
      expect(chunkMapOf((await index!.getFiles()).files)).toEqual({ fragment: 0, chunks: [] });
    } finally {
      await index!.deleteIndex();
      await close();
    }
  });
});
