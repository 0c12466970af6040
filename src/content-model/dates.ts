/**
 * Dates in the archive are partial (a year, a month or a day) and are
 * calendar dates of the paper, not instants: they are formatted from their
 * parts, never through the machine's time zone. Where an instant is needed
 * (feeds), it is midnight in Asia/Shanghai.
 */
import type { DatePrecision } from './schema.ts';

export interface PartialDate {
  value: string;
  precision: DatePrecision;
}

export function formatPartialDate(date: PartialDate): string {
  const [y, m, d] = date.value.split('-').map(Number);
  if (date.precision === 'year') return `${y}年`;
  if (date.precision === 'month') return `${y}年${m}月`;
  return `${y}年${m}月${d}日`;
}

/** Midnight at the start of the date's first day in Asia/Shanghai (UTC+8, no DST since 1991). */
export function shanghaiMidnight(date: PartialDate): Date {
  const [y, m = 1, d = 1] = date.value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, -8));
}

const DIGITS = '〇一二三四五六七八九';

/** 1–99 in Chinese numerals, as series numbers are printed (之三, 之十二). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}
