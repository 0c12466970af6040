import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  excerpt,
  facetCounts,
  intersectOrdered,
  pageHits,
  readState,
  stateSearch,
  type ValueSets,
} from '../../src/lib/search-engine.ts';
import { pageText, parseQuery, tokenize } from '../../src/lib/search-tokens.ts';

describe('URL state', () => {
  it('round-trips the query and filters', () => {
    const state = { q: '安康 党建 <b>', filters: { province: ['陕西省', '湖北省'], year: ['2021'] } };
    expect(readState(stateSearch(state))).toEqual(state);
  });
  it('ignores unknown parameters and empty values', () => {
    expect(readState('?q=x&foo=1&province=&year=2020&year=2020')).toEqual({ q: 'x', filters: { year: ['2020'] } });
  });
});

describe('combining results', () => {
  it('keeps ids every term found, in the first term’s order', () => {
    expect(intersectOrdered([['c', 'a', 'b'], ['a', 'c'], ['c', 'a', 'x']])).toEqual(['c', 'a']);
    expect(intersectOrdered([])).toEqual([]);
  });
  const sets: ValueSets = {
    province: { 陕西省: new Set(['a', 'b']), 湖北省: new Set(['c']) },
    year: { '2021': new Set(['a', 'c']), '2022': new Set(['b']) },
  };
  it('filters: any value within a group, every group', () => {
    expect(applyFilters(['a', 'b', 'c'], { province: ['陕西省', '湖北省'], year: ['2021'] }, sets)).toEqual(['a', 'c']);
    expect(applyFilters(['a', 'b', 'c'], {}, sets)).toEqual(['a', 'b', 'c']);
  });
  it('counts each value as if chosen in its group', () => {
    const counts = facetCounts(['a', 'b', 'c'], { province: ['陕西省'] }, sets);
    expect(counts.province).toEqual({ 陕西省: 2, 湖北省: 1 });
    expect(counts.year).toEqual({ '2021': 1, '2022': 1 });
  });
});

describe('excerpts', () => {
  const page = pageText(tokenize('一二三四五六七八九十'.repeat(20) + '安康市中心医院' + '甲乙丙丁'.repeat(30)));
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
  it('reports a page that lacks a term', () => {
    expect(pageHits(page, parseQuery('安康 本溪')).all).toBe(false);
  });
});
