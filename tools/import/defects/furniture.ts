/**
 * Page furniture printed among the text: running heads, telephone and page
 * numbers, date lines, editors' credits. A block made only of furniture is
 * removed whole; a furniture line glued into a paragraph block (no blank line
 * around it) is cut out of the block, and the paragraph break it stood on is
 * kept.
 */
import type { Block, SourceDocument } from '../document.ts';
import { type FurnitureItem, furnitureItems, isFurnitureBlock } from '../furniture-lines.ts';
import type { Proposal } from './proposal.ts';

const ITEM_NAMES: Record<FurnitureItem, string> = { phone: '电话号码', page: '版次', date: '日期', editor: '编辑署名' };

function note(items: FurnitureItem[]): string {
  const what = [...new Set(items.map((k) => ITEM_NAMES[k]))].join('、') || '页眉';
  return `版面杂项（${what}），不是正文，从正文删去。`;
}

interface Line {
  text: string;
  start: number;
  items?: FurnitureItem[];
}

function linesOf(b: Block): Line[] {
  let at = b.start;
  return b.text.split('\n').map((text) => {
    const line = { text, start: at, items: furnitureItems(text) };
    at += text.length + 1;
    return line;
  });
}

/** A whole block of furniture: removed with the block. */
function blockProposal(b: Block, lines: Line[]): Proposal {
  const items = lines.flatMap((l) => l.items ?? []);
  return {
    kind: 'furniture',
    start: b.start,
    end: b.end,
    line: b.line,
    original: lines.map((l) => l.text.trim()).join('\n'),
    reading: '',
    note: note(items),
    confidence: 'high',
    edit: { type: 'remove', blocks: [b.index] },
    reason: 'furniture',
  };
}

/** One furniture line inside a block of running text: cut out, the lines around it stay paragraphs of their own. */
function lineProposal(b: Block, l: Line, lineNo: number): Proposal {
  const end = l.start + l.text.length;
  // The line goes with one of its line breaks; between two lines of text it leaves a paragraph break.
  const first = l.start === b.start;
  const last = end === b.end;
  const edit = {
    type: 'replace' as const,
    start: first ? l.start : l.start - 1,
    end: last ? end : end + 1,
    text: first || last ? '' : '\n\n',
  };
  return {
    kind: 'furniture',
    start: l.start,
    end,
    line: lineNo,
    original: l.text.trim(),
    reading: '',
    note: `${note(l.items ?? [])}此行原与正文排在一起。`,
    confidence: 'high',
    edit,
    reason: 'furniture-line',
  };
}

/** Page furniture: whole blocks of it, and furniture lines inside blocks of running text. */
export function detectFurniture(doc: SourceDocument): { proposals: Proposal[]; dates: { text: string; start: number }[] } {
  const proposals: Proposal[] = [];
  const dates: { text: string; start: number }[] = [];
  for (const b of doc.blocks) {
    const lines = linesOf(b);
    if (!lines.some((l) => l.items)) continue;
    for (const l of lines) if (l.items?.includes('date')) dates.push({ text: l.text.trim(), start: l.start });
    if (b.kind === 'furniture' || isFurnitureBlock(lines.map((l) => l.text))) {
      proposals.push(blockProposal(b, lines));
      continue;
    }
    lines.forEach((l, i) => {
      if (l.items) proposals.push(lineProposal(b, l, b.line + i));
    });
  }
  return { proposals, dates };
}
