/**
 * Character classes and small text helpers for reading OCR'd Chinese text.
 * Pure functions, no I/O.
 */
import { readingForm } from '../../src/content-model/fidelity.ts';

export { readingForm };

const HAN = /\p{Script=Han}/u;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

/** Full-width punctuation used in Chinese running text (not the ASCII marks). */
export const CJK_PUNCT = '，。、；：？！“”‘’（）《》【】〈〉「」『』…—·～';

export function isCjkPunct(ch: string | undefined): boolean {
  return ch !== undefined && CJK_PUNCT.includes(ch);
}

/** A Han character or full-width punctuation: "inside Chinese". */
export function isChinese(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

/** Marks that end a sentence (full- and half-width), and the closers that may follow them. */
const SENTENCE_END = '。！？；!?;…';
const CLOSERS = '”’」』）)】》';

/** Strips Markdown emphasis and trailing spaces that do not change where a sentence ends. */
export function stripMarkup(text: string): string {
  return text
    .replace(/\*\*/g, '')
    .replace(/^#+\s*/, '')
    .trim();
}

/** Does the text end where a sentence (or a heading-like label with a colon) ends? */
export function endsSentence(text: string): boolean {
  let t = stripMarkup(text);
  while (t && CLOSERS.includes(t[t.length - 1])) t = t.slice(0, -1);
  const last = t[t.length - 1];
  return last === undefined || SENTENCE_END.includes(last) || last === '：' || last === ':';
}

/** The text after the last sentence end: the sentence still open at the end of a block. */
export function openTail(text: string, strip = true): string {
  const t = strip ? stripMarkup(text) : text.trim();
  const m = /[。！？；!?;][”’」』）)】》]*(?=[^。！？；!?;]*$)/u.exec(t);
  return m ? t.slice(m.index + m[0].length) : t;
}

/** The text up to and including the first sentence end. */
export function firstSentence(text: string): string {
  const t = stripMarkup(text);
  const m = /[。！？；!?;][”’」』）)】》]*/u.exec(t);
  return m ? t.slice(0, m.index + m[0].length) : t;
}

/** Does the text leave a double or single quotation open (more “ than ”)? */
export function hasUnclosedQuote(text: string): boolean {
  return count(text, '“') > count(text, '”') || count(text, '‘') > count(text, '’');
}

/** Does the text close a quotation it never opened (a ” before any “)? */
export function closesUnopenedQuote(text: string): boolean {
  for (const [open, close] of [
    ['“', '”'],
    ['‘', '’'],
  ]) {
    let depth = 0;
    for (const ch of text) {
      if (ch === open) depth++;
      else if (ch === close) {
        if (depth === 0) return true;
        depth--;
      }
    }
  }
  return false;
}

export function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Splits into sentences after 。！？；!?; (keeping closers with their sentence). */
export function sentences(text: string): string[] {
  const out: string[] = [];
  const re = /[^。！？；!?;]+(?:[。！？；!?;]+[”’」』）)】》]*)?/gu;
  for (const m of text.matchAll(re)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

/** The sentence of `text` that contains position `at`. */
export function sentenceAt(text: string, at: number): { start: number; end: number; text: string } {
  const ends = /[。！？；!?;\n][”’」』）)】》]*/gu;
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(ends)) {
    const stop = m.index + m[0].length;
    if (stop <= at) start = stop;
    else {
      end = m[0].startsWith('\n') ? m.index : stop;
      break;
    }
  }
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  return { start: start + lead, end, text: raw.trim() };
}

/** Shortens a passage for a one-line report: head…tail. */
export function clip(text: string, max = 40): string {
  const flat = text.replace(/\s*\n\s*/g, '⏎');
  if ([...flat].length <= max) return flat;
  const chars = [...flat];
  const half = Math.floor((max - 1) / 2);
  return `${chars.slice(0, half).join('')}…${chars.slice(chars.length - half).join('')}`;
}
