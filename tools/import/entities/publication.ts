/**
 * The publication facts of a report: its date, its newspaper and its byline.
 */
import type { SourceDocument } from '../document.ts';
import { leadingByline, parseByline } from './byline.ts';
import type { BylineProposal, DateProposal, Evidence } from './model.ts';
import { clauseAround } from './quote.ts';

/** Years the text names that say when it was written (not a founding year, a plan's range or a title in 《》). */
export function findDate(flat: string, furnitureDates: { text: string }[]): DateProposal | undefined {
  const head = furnitureDates[0];
  if (head) {
    const m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(head.text)!;
    return {
      value: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`,
      quote: head.text,
      inferred: '导入工具推定，待核：日期取自版面上的日期行（页眉）。',
    };
  }
  let best: { year: number; at: number } | undefined;
  for (const m of flat.matchAll(/(?<!\d)(\d{4})年/gu)) {
    const year = Number(m[1]);
    if (year < 1949 || year > 2100) continue;
    const before = flat.slice(Math.max(0, m.index - 4), m.index);
    const after = flat.slice(m.index + 5, m.index + 8);
    if (/(始建于|建于|成立于|创建于|创办于|组建于)$/.test(before)) continue;
    if (/[—–\-至到~～]$/.test(before) || /^[—–\-至到~～]/.test(after)) continue;
    const open = flat.lastIndexOf('《', m.index);
    if (open >= 0 && flat.indexOf('》', open) > m.index) continue;
    if (!best || year > best.year) best = { year, at: m.index };
  }
  if (!best) return undefined;
  return {
    value: String(best.year),
    quote: clauseAround(flat, best.at, best.at + 5),
    inferred: `导入工具推定，待核：报纸未署日期；文中所记最晚的年份是${best.year}年（见所引），报道当不早于此年。请据原报或文中事件核定年月。`,
  };
}

export function findNewspaper(flat: string): ({ value: string } & Evidence) | undefined {
  const m = /(\p{Script=Han}{2,8}(?:日报|晚报|时报|报))(?:社)?(?:全媒体|融媒体|首席)?记者/u.exec(flat);
  if (!m || /^本报/.test(m[1])) return undefined;
  return { value: m[1], quote: clauseAround(flat, m.index, m.index + m[0].length), inferred: '导入工具推定，待核：据署名中的报社记者。' };
}

/**
 * The article's byline as printed, with its authors: the first byline block
 * after the head or 本报讯（…） lead at the start of a paragraph, whichever
 * comes first.
 */
export function findByline(doc: SourceDocument): BylineProposal | undefined {
  const head = new Set(doc.head.blocks);
  for (const b of doc.blocks) {
    if (head.has(b.index) || b.kind === 'furniture') continue;
    if (b.kind === 'byline') {
      const text = b.text
        .split('\n')
        .map((l) => l.trim())
        .join(' ')
        .replace(/\s+/g, ' ');
      return { text, authors: parseByline(text) ?? [], line: b.line };
    }
    if (b.kind === 'text') {
      const lead = leadingByline(b.text);
      if (lead) return { ...lead, line: b.line };
    }
  }
  return undefined;
}
