import { describe, expect, it } from 'vitest';
import { chineseNumber, dayKeepingInstant, formatPartialDate } from '../../src/content-model/dates.ts';

describe('dates', () => {
  it('format from their parts at their precision', () => {
    expect(formatPartialDate({ value: '2023', precision: 'year' })).toBe('2023年');
    expect(formatPartialDate({ value: '2021-06', precision: 'month' })).toBe('2021年6月');
    expect(formatPartialDate({ value: '2021-06-09', precision: 'day' })).toBe('2021年6月9日');
  });

  it('become instants that show their first day in every zone from UTC−12 to UTC+11, Beijing included', () => {
    // Etc/GMT+12 is UTC−12: the IANA names of fixed offsets have the sign reversed.
    const zones = [
      ...Array.from({ length: 12 }, (_, i) => `Etc/GMT+${i + 1}`),
      'UTC',
      ...Array.from({ length: 11 }, (_, i) => `Etc/GMT-${i + 1}`),
      'Asia/Shanghai',
      'America/Los_Angeles',
      'Europe/Berlin',
    ];
    for (const [value, precision, day] of [
      ['2023', 'year', '2023-01-01'],
      ['2021-06', 'month', '2021-06-01'],
      ['2021-06-09', 'day', '2021-06-09'],
    ] as const) {
      const instant = dayKeepingInstant({ value, precision });
      for (const timeZone of zones)
        expect(new Intl.DateTimeFormat('en-CA', { timeZone }).format(instant), `${value} in ${timeZone}`).toBe(day);
    }
  });

  it('series numbers are written in Chinese numerals', () => {
    expect([1, 3, 10, 12, 20, 99].map(chineseNumber)).toEqual(['一', '三', '十', '十二', '二十', '九十九']);
  });
});
