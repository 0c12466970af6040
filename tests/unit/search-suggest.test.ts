import { describe, expect, it } from 'vitest';
import { similarNames } from '../../src/search/query/suggest.ts';

describe('names offered for a query with no result', () => {
  const names = ['高安市中医医院', '綦江区中医院', '随州市中心医院', '安康市中心医院', '本溪市中心医院'];
  it('offers the names sharing most characters, most first', () => {
    expect(similarNames('高安中医医馆', names)[0]).toEqual({ name: '高安市中医医院', shared: 4 });
    expect(similarNames('高安中医医馆', names).map((o) => o.name)).not.toContain('綦江区中医院');
    expect(similarNames('随州中心医院', names)[0]).toEqual({ name: '随州市中心医院', shared: 6 });
  });
  it('offers nothing that shares too little', () => {
    expect(similarNames('蒙娜丽莎', names)).toEqual([]);
    expect(similarNames('院', names)).toEqual([]);
  });
});

describe('names as you type', () => {
  it('offers names that contain what is typed, those starting with it first', async () => {
    const { matchingNames } = await import('../../src/browser/search/name-combobox.ts');
    const names = ['随州市中心医院', '湖北随州市中心医院', '本溪市中心医院', '随州中心医院'];
    expect(matchingNames(names, '随州')).toEqual(['随州中心医院', '随州市中心医院', '湖北随州市中心医院']);
    expect(matchingNames(names, ' ')).toEqual([]);
    expect(matchingNames(names, '中心医院', 2)).toEqual(['随州中心医院', '随州市中心医院']);
  });
});
