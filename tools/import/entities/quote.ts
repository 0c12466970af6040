/**
 * Short verbatim quotes of the source around a position: the evidence every
 * proposed fact carries.
 */
import { readingForm, sentenceAt } from '../text.ts';

/** The clause (between punctuation) of `flat` around [at, end): a short verbatim quote. */
export function clauseAround(flat: string, at: number, end = at + 1): string {
  let s = at;
  while (s > 0 && !/[，。；！？,;!?\n]/.test(flat[s - 1])) s--;
  let e = end;
  while (e < flat.length && !/[，。；！？,;!?\n]/.test(flat[e])) e++;
  const raw = flat.slice(s, e).trim();
  const clean = raw
    .replace(/^#+\s*/, '')
    .replace(/\*\*/g, '')
    .trim();
  // Markup is dropped only where the words still stand in the source as they are.
  return clean !== raw && clean.length >= 2 && readingForm(flat).includes(readingForm(clean)) ? clean : raw;
}

/** The sentence of `flat` around position `at`, on one line. */
export function sentenceOf(flat: string, at: number): string {
  return sentenceAt(flat, at).text;
}
