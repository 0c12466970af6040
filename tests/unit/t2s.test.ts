import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { t2sTable } from '../../src/search/t2s-table.ts';
import { GB2312_FOLDED, isGb2312, mayNeedFold } from '../../src/search/t2s.ts';

const table = t2sTable();

describe('Traditional → Simplified folding', () => {
  it('folds the characters of Traditional queries', () => {
    const pairs: [string, string][] = [
      ['醫', '医'],
      ['體', '体'],
      ['區', '区'],
      ['縣', '县'],
      ['個', '个'],
      ['郵', '邮'],
      ['衛', '卫'],
      ['後', '后'],
      ['於', '于'],
      ['裡', '里'],
      ['為', '为'],
    ];
    for (const [t, s] of pairs) expect(table.get(t), t).toBe(s);
  });
  it('leaves Simplified text alone', () => {
    for (const ch of '著覆群才医院党建习近平綦邹') expect(table.has(ch), ch).toBe(false);
  });
  it('agrees with opencc-js (Taiwan or Hong Kong to mainland) on single characters outside GB2312', () => {
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    let checked = 0;
    for (const [from, to] of table) {
      if (isGb2312(from)) continue;
      expect([tw(from), hk(from)], from).toContain(to);
      checked++;
    }
    expect(checked).toBeGreaterThan(2500);
  });
  it('knows without the table which queries need it', () => {
    const gbFolded = [...table.keys()].filter(isGb2312).sort().join('');
    expect(gbFolded).toBe([...GB2312_FOLDED].sort().join(''));
    for (const ch of table.keys()) expect(mayNeedFold(ch), ch).toBe(true);
    expect(mayNeedFold('安康市中心医院 党建 DRGs 2023')).toBe(false);
  });
});
