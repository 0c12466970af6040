import { describe, expect, it } from 'vitest';
import { chineseNumber, formatPartialDate, shanghaiMidnight } from '../../src/content-model/dates.ts';

describe('dates', () => {
  it('format from their parts at their precision', () => {
    expect(formatPartialDate({ value: '2023', precision: 'year' })).toBe('2023年');
    expect(formatPartialDate({ value: '2021-06', precision: 'month' })).toBe('2021年6月');
    expect(formatPartialDate({ value: '2021-06-09', precision: 'day' })).toBe('2021年6月9日');
  });

  it('become instants at midnight in Asia/Shanghai whatever the machine’s zone', () => {
    expect(shanghaiMidnight({ value: '2021-06-09', precision: 'day' }).toISOString()).toBe('2021-06-08T16:00:00.000Z');
    expect(shanghaiMidnight({ value: '2023', precision: 'year' }).toISOString()).toBe('2022-12-31T16:00:00.000Z');
  });

  it('series numbers are written in Chinese numerals', () => {
    expect([1, 3, 10, 12, 20, 99].map(chineseNumber)).toEqual(['一', '三', '十', '十二', '二十', '九十九']);
  });
});
