/**
 * Defects in the words themselves: a word printed twice, a Latin word OCR
 * read for a Chinese one.
 */
import type { SourceDocument } from '../document.ts';
import { bodyBlocks, headContext, lineAt, tailContext, type Proposal } from './proposal.ts';

/** Doubled words of two to six Han characters (急救急救, 新技术新技术). */
export function detectDoubled(doc: SourceDocument): Proposal[] {
  const out: Proposal[] = [];
  const re = /(\p{Script=Han}{2,6})\1/gu;
  for (const b of bodyBlocks(doc)) {
    if (b.kind === 'heading' || b.kind === 'caption') continue;
    for (const m of b.text.matchAll(re)) {
      const word = m[1];
      if (word.startsWith('一')) continue; // 一步一步, 一个一个
      const at = m.index;
      const before = tailContext(b.text.slice(0, at), 10);
      const after = headContext(b.text.slice(at + m[0].length), 10);
      const original = before + m[0] + after;
      out.push({
        kind: 'doubled',
        start: b.start + at - before.length,
        end: b.start + at + m[0].length + after.length,
        line: lineAt(doc.text, b.start + at),
        original,
        reading: before + word + after,
        note: `“${word}”重出，疑为衍文。`,
        confidence: word.length >= 3 ? 'high' : 'medium',
        edit: { type: 'replace', start: b.start + at + word.length, end: b.start + at + m[0].length, text: '' },
        reason: 'doubled-word',
      });
    }
  }
  return out;
}

const LATIN_MISREADS: Record<string, string> = { and: '和', or: '或' };

/** A Latin function word inside Chinese text (OCR read 和 as `and`). */
export function detectLatinMisreads(doc: SourceDocument): Proposal[] {
  const out: Proposal[] = [];
  const re = /(?<=[\p{Script=Han}，、])( ?)([a-z]{2,4})( ?)(?=\p{Script=Han})/gu;
  for (const b of bodyBlocks(doc)) {
    for (const m of b.text.matchAll(re)) {
      const word = m[2];
      const at = m.index;
      const before = tailContext(b.text.slice(0, at), 10);
      const after = headContext(b.text.slice(at + m[0].length), 10);
      const fix = LATIN_MISREADS[word];
      out.push({
        kind: fix ? 'misread' : 'query',
        start: b.start + at - before.length,
        end: b.start + at + m[0].length + after.length,
        line: lineAt(doc.text, b.start + at),
        original: before + m[0] + after,
        reading: fix ? before + fix + after : before + m[0] + after,
        note: fix ? `OCR把“${fix}”误作英文“${word}”。` : `中文句中夹有拉丁字母“${word}”，疑为误识。`,
        confidence: fix ? 'high' : 'low',
        edit: fix ? { type: 'replace', start: b.start + at, end: b.start + at + m[0].length, text: fix } : { type: 'none' },
        reason: 'latin-in-chinese',
      });
    }
  }
  return out;
}
