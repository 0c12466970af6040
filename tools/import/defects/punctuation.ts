/**
 * Half-width punctuation inside Chinese text, made full-width by one global
 * correction.
 */
import type { SourceDocument } from '../document.ts';
import { isChinese } from '../text.ts';
import { lineAt, type Proposal } from './proposal.ts';

const HALF = ',:;()?!';
const FULL = '，：；（）？！';

function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  for (let j = i + step; j >= 0 && j < text.length; j += step) {
    const ch = text[j];
    if (ch !== ' ' && ch !== '\t') return ch === '\n' ? undefined : ch;
  }
  return undefined;
}

/** Offsets of half-width , : ; ( ) ? ! that stand inside Chinese text (digits and Latin keep theirs). */
export function halfWidthMarks(text: string, from = 0, to = text.length): number[] {
  const found: number[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (!HALF.includes(ch)) continue;
    const prev = neighbour(text, i, -1);
    const next = neighbour(text, i, 1);
    if ((ch === ',' || ch === ':') && prev && next && /\d/.test(prev) && /\d/.test(next)) continue;
    if (isChinese(prev) || isChinese(next)) found.push(i);
  }
  // Parentheses go in pairs: convert the partner of a converted one.
  const set = new Set(found);
  for (const i of [...set]) {
    const ch = text[i];
    if (ch === '(') {
      const close = text.indexOf(')', i);
      if (close > 0 && close < to && !text.slice(i + 1, close).includes('\n')) set.add(close);
    } else if (ch === ')') {
      const open = text.lastIndexOf('(', i);
      if (open >= from && !text.slice(open + 1, i).includes('\n')) set.add(open);
    }
  }
  return [...set].sort((a, b) => a - b);
}

export function toFullWidth(text: string): string {
  return [...text].map((ch) => (HALF.includes(ch) ? FULL[HALF.indexOf(ch)] : ch)).join('');
}

export function detectPunctuation(doc: SourceDocument): Proposal | undefined {
  const offsets = halfWidthMarks(doc.text);
  if (offsets.length === 0) return undefined;
  const marks = [...HALF].filter((m) => offsets.some((o) => doc.text[o] === m));
  const counts = marks.map((m) => `${m} ${offsets.filter((o) => doc.text[o] === m).length}处`).join('，');
  const first = offsets[0];
  return {
    kind: 'punctuation',
    start: first,
    end: first + 1,
    line: lineAt(doc.text, first),
    original: marks.join(''),
    reading: toFullWidth(marks.join('')),
    note: `原文中文句内用半角标点（${counts}），今全文改为全角；数字、小数点与拉丁字母照旧。校勘记所引原文照录半角标点。`,
    confidence: 'high',
    global: true,
    edit: { type: 'punctuation', offsets },
    reason: 'half-width-punctuation',
  };
}
