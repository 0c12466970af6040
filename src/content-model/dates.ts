/**
 * Dates in the archive are partial (a year, a month or a day) and are
 * calendar dates of the paper, not instants: they are formatted from their
 * parts, never through the machine's time zone. Where a format needs an
 * instant (the RSS feed), it is noon UTC of the date's first day: that
 * instant falls on the same calendar day in every zone from UTC−12 to
 * UTC+11, Beijing's included, so no reader sees a report a day, a month or a
 * year early (midnight in Beijing is the previous day anywhere west of it).
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

/** Noon UTC on the date's first day: an instant that keeps its calendar day in the zones readers live in. */
export function dayKeepingInstant(date: PartialDate): Date {
  const [y, m = 1, d = 1] = date.value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
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
