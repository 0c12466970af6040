import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  decodeFacets,
  encodeFacets,
  facetSlicesOf,
  type FacetSlice,
  facetCounts,
  FACET_COLLAPSE_ABOVE,
  FACET_SHOWN,
  splitFacetValues,
} from '../../src/search/facets.ts';
import { excerpt, pageHits } from '../../src/search/query/engine.ts';
import { decodeFragment, fragmentFile } from '../../src/search/query/fragment.ts';
import { intersectOrdered } from '../../src/search/query/intersect.ts';
import { readState, stateSearch } from '../../src/search/query/state.ts';
import { pageText } from '../../src/search/query/page-text.ts';
import { parseQuery } from '../../src/search/query-terms.ts';
import { tokenize } from '../../src/search/tokenizer.ts';
import { sliceOf } from '../../src/search/slices.ts';

describe('URL state', () => {
  it('round-trips the query and filters', () => {
    const state = { q: '安康 党建 <b>', filters: { province: ['陕西省', '湖北省'], year: ['2021'] } };
    expect(readState(stateSearch(state))).toEqual(state);
  });
  it('keeps the order in the URL, relevance when absent', () => {
    expect(readState('?q=x&sort=oldest')).toEqual({ q: 'x', filters: {}, sort: 'oldest' });
    expect(readState('?q=x&sort=bogus')).toEqual({ q: 'x', filters: {} });
    expect(stateSearch({ q: 'x', filters: {}, sort: 'newest' })).toBe('?q=x&sort=newest');
    expect(stateSearch({ q: 'x', filters: {}, sort: 'relevance' })).toBe('?q=x');
  });
  it('ignores unknown parameters and empty values', () => {
    expect(readState('?q=x&foo=1&province=&year=2020&year=2020')).toEqual({ q: 'x', filters: { year: ['2020'] } });
  });
});

describe('combining results', () => {
  it('keeps ids every term found, in the first term’s order', () => {
    expect(
      intersectOrdered([
        ['c', 'a', 'b'],
        ['a', 'c'],
        ['c', 'a', 'x'],
      ]),
    ).toEqual(['c', 'a']);
    expect(intersectOrdered([])).toEqual([]);
  });
  const files = encodeFacets([
    { id: 'a', filters: { province: ['陕西省'], year: ['2021'] } },
    { id: 'b', filters: { province: ['陕西省'], year: ['2022'] } },
    { id: 'c', filters: { province: ['湖北省'], year: ['2021'] } },
  ]);
  const table = decodeFacets(
    files.values,
    files.slices.map((json) => JSON.parse(json)),
  );
  it('filters: any value within a group, every group', () => {
    expect(applyFilters(['a', 'b', 'c'], { province: ['陕西省', '湖北省'], year: ['2021'] }, table)).toEqual(['a', 'c']);
    expect(applyFilters(['a', 'b', 'c'], {}, table)).toEqual(['a', 'b', 'c']);
    expect(applyFilters(['a', 'x'], { year: ['2021'] }, table)).toEqual(['a']);
  });
  it('counts each value as if chosen in its group, zero where none', () => {
    const counts = facetCounts(['a', 'b', 'c'], { province: ['陕西省'] }, table);
    expect(counts.province).toEqual({ 陕西省: 2, 湖北省: 1 });
    expect(counts.year).toEqual({ '2021': 1, '2022': 1 });
    expect(facetCounts(['b'], {}, table).year).toEqual({ '2021': 0, '2022': 1 });
  });
  it('counts a page once for a value it lists twice', () => {
    const twice = encodeFacets([
      { id: 'a', filters: { kind: ['brand', 'brand', 'platform'] } },
      { id: 'b', filters: { kind: ['brand'] } },
    ]);
    const kinds = decodeFacets(
      twice.values,
      twice.slices.map((json) => JSON.parse(json)),
    );
    expect(facetCounts(['a', 'b'], {}, kinds).kind).toEqual({ brand: 2, platform: 1 });
  });
});

describe('the facet table file', () => {
  it('gives back every page’s values, each value written once', () => {
    const pages: { id: string; filters: Record<string, string[]> }[] = [
      { id: 'und_2', filters: { hospital: ['甲医院', '乙医院'], kind: ['brand'] } },
      { id: 'und_1', filters: { hospital: ['乙医院'], year: ['2023'] } },
    ];
    const { values, slices } = encodeFacets(pages);
    expect(JSON.stringify({ values, slices }).match(/乙医院/g)).toHaveLength(1);
    const table = decodeFacets(
      values,
      slices.map((json) => JSON.parse(json)),
    );
    expect(table.pages.get('und_2')).toEqual({ province: [], hospital: ['甲医院', '乙医院'], year: [], kind: ['brand'] });
    expect(table.pages.get('und_1')).toEqual({ province: [], hospital: ['乙医院'], year: ['2023'], kind: [] });
    expect(table.values.hospital.sort()).toEqual(['乙医院', '甲医院'].sort());
  });

  it('orders each group as the page shows it: years newest first, names in pinyin order', () => {
    const { values } = encodeFacets([
      { id: 'a', filters: { province: ['陕西省'], year: ['2021'] } },
      { id: 'b', filters: { province: ['湖北省', '安徽省'], year: ['2023', '2009'] } },
      { id: 'c', filters: { province: ['重庆市'], year: ['2022'] } },
    ]);
    expect(values.province).toEqual(['安徽省', '重庆市', '湖北省', '陕西省']);
    expect(values.year).toEqual(['2023', '2022', '2021', '2009']);
  });

  it('cuts the pages into slices by id, each page in the slice sliceOf names, values shared by all', () => {
    const pages = Array.from({ length: 200 }, (_, i) => ({ id: `und_${i}`, filters: { year: [String(2000 + (i % 7))] } }));
    const { values, slices } = encodeFacets(pages, 8);
    expect(slices).toHaveLength(8);
    const parsed: FacetSlice[] = slices.map((json) => JSON.parse(json));
    // The search page asks for the slices facetSlicesOf names: each page is where it looks.
    for (const { id } of pages) expect(Object.keys(parsed[facetSlicesOf([id], 8)[0]].pages), id).toContain(id);
    const wanted = facetSlicesOf(['und_1', 'und_2', 'und_3', 'und_1'], 8);
    expect(new Set(wanted).size).toBe(wanted.length);
    expect(
      decodeFacets(
        values,
        wanted.map((i) => parsed[i]),
      ).pages.size,
    ).toBeGreaterThanOrEqual(3);
    expect(parsed.reduce((n, slice) => n + Object.keys(slice.pages).length, 0)).toBe(200);
    expect(parsed.every((slice) => Object.keys(slice.pages).length < 60)).toBe(true);
    // A page's values from its own slice alone.
    const one = decodeFacets(values, [parsed[sliceOf('und_9', 8)]]);
    expect(one.pages.get('und_9')?.year).toEqual(['2002']);
    expect(one.values.year).toHaveLength(7);
  });
});

describe('excerpts', () => {
  const page = pageText(tokenize(`${'一二三四五六七八九十'.repeat(20)}安康市中心医院${'甲乙丙丁'.repeat(30)}`));
  it('shows the text around a hit with every hit marked', () => {
    const terms = parseQuery('中心 安康');
    const { hits, all } = pageHits(page, terms);
    expect(all).toBe(true);
    const parts = excerpt(page, hits, hits[0], 40);
    expect(parts[0].text.startsWith('…')).toBe(true);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['安康', '中心']);
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(44);
  });
  it('puts a space where a heading starts or ends', () => {
    const small = pageText(tokenize('标题正文安康'));
    const parts = excerpt(small, [], { first: 4, last: 6, from: 4, to: 6 }, 90, new Set([2]));
    expect(parts.map((p) => p.text).join('')).toBe('标题 正文安康');
  });
  it('does not run across text the page shows but the index leaves out', () => {
    const gapped = pageText(tokenize('前面的文字\u2029安康市中心医院的报道\u2029后面的文字'));
    const { hits } = pageHits(gapped, parseQuery('中心'));
    const shown = excerpt(gapped, hits, hits[0], 90)
      .map((p) => p.text)
      .join('');
    expect(shown).toBe('…安康市中心医院的报道…');
  });
  it('reports a page that lacks a term', () => {
    expect(pageHits(page, parseQuery('安康 本溪')).all).toBe(false);
  });
});

describe('splitFacetValues', () => {
  const values = Array.from({ length: 20 }, (_, i) => `医院${String(i).padStart(2, '0')}`);
  const counts = Object.fromEntries(values.map((v, i) => [v, i % 7]));

  it('shows a short group whole', () => {
    expect(splitFacetValues(values.slice(0, FACET_COLLAPSE_ABOVE), counts, [])).toEqual({
      shown: values.slice(0, FACET_COLLAPSE_ABOVE),
      rest: [],
    });
  });

  it('shows the values with most results and every chosen one, in the group order, and folds the rest', () => {
    const { shown, rest } = splitFacetValues(values, counts, ['医院00']);
    // Counts 6 (06, 13), 5 (05, 12, 19), 4 (04, 11, 18), 3 (03, 10): the first ten by count, ties in order; 00 is chosen.
    expect(shown).toEqual(['医院00', '医院03', '医院04', '医院05', '医院06', '医院10', '医院11', '医院12', '医院13', '医院18', '医院19']);
    expect(shown.length).toBe(FACET_SHOWN + 1);
    expect([...shown, ...rest].sort()).toEqual(values);
    expect(rest).toEqual(['医院01', '医院02', '医院07', '医院08', '医院09', '医院14', '医院15', '医院16', '医院17']);
  });
});

describe('a Pagefind fragment read without Pagefind', () => {
  it('is the JSON after the signature, its content without the zero-width spaces Pagefind writes', () => {
    const text = `pagefind_dcd${JSON.stringify({ url: '/articles/a/', content: '党\u200B建', meta: { title: '甲' } })}`;
    expect(decodeFragment(text, fragmentFile('und_1'))).toEqual({ url: '/articles/a/', content: '党建', meta: { title: '甲' } });
  });
  it('names the file when it is not a fragment', () => {
    expect(() => decodeFragment('<!doctype html>', fragmentFile('und_1'))).toThrowErrorMatchingInlineSnapshot(
      `[Error: pagefind/fragment/und_1.pf_fragment: not a Pagefind fragment]`,
    );
  });
});
