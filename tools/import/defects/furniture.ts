/**
 * Page furniture printed among the text: running heads, telephone and page
 * numbers, date lines, editors' credits.
 */
import type { SourceDocument } from '../document.ts';
import { stripMarkup } from '../text.ts';
import type { Proposal } from './proposal.ts';

const PHONE = /^(?:电话|热线|Tel)?[:：]?\s*(?:\(?0\d{2,3}\)?[-－—]?\d{7,8}|1[3-9]\d{9})$/i;
const PAGE_NUMBER = /^(?:[-—－]\s*\d{1,3}\s*[-—－]|第?\s*\d{1,3}\s*版|[A-Z]\d{1,2}(?:版)?|\d{1,3})$/;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日(?:\s*(?:星期|周)[一二三四五六日天])?$/;
const EDITOR_LINE = /^(?:责任编辑|责编|编辑|美编|美术编辑|校对|版式|本版编辑|组版)[:：]/;

function furnitureLine(line: string): 'phone' | 'page' | 'date' | 'editor' | undefined {
  const l = line.trim();
  if (PHONE.test(l)) return 'phone';
  if (PAGE_NUMBER.test(l)) return 'page';
  if (DATE_LINE.test(l)) return 'date';
  if (EDITOR_LINE.test(l)) return 'editor';
  return undefined;
}

/**
 * Page furniture: a block holding a telephone number, a page number, a date
 * line or an editor's credit, with any short running-head lines beside it.
 */
export function detectFurniture(doc: SourceDocument): { proposals: Proposal[]; dates: { text: string; start: number }[] } {
  const proposals: Proposal[] = [];
  const dates: { text: string; start: number }[] = [];
  for (const b of doc.blocks) {
    const lines = b.text.split('\n');
    const kinds = lines.map(furnitureLine);
    if (!kinds.some(Boolean)) continue;
    const rest = lines.filter((_, i) => !kinds[i]).map((l) => stripMarkup(l));
    // The other lines must look like a running head: short, no sentence punctuation.
    if (!rest.every((l) => [...l].length <= 24 && !/[，。；！？,;!?]/.test(l))) continue;
    lines.forEach((l, i) => {
      if (kinds[i] === 'date') dates.push({ text: l.trim(), start: b.start + b.text.indexOf(l) });
    });
    const original = lines.map((l) => l.trim()).join('\n');
    const what = [
      ...new Set(
        kinds.map((k) =>
          k === 'phone' ? '电话号码' : k === 'page' ? '页码' : k === 'date' ? '日期' : k === 'editor' ? '编辑署名' : '页眉',
        ),
      ),
    ].join('、');
    proposals.push({
      kind: 'furniture',
      start: b.start,
      end: b.end,
      line: b.line,
      original,
      reading: '',
      note: `疑为版面杂项（${what}），不是正文，拟从正文删去。`,
      confidence: kinds.includes('phone') || kinds.includes('page') ? 'high' : 'medium',
      edit: { type: 'remove', blocks: [b.index] },
      reason: 'furniture',
    });
  }
  return { proposals, dates };
}
