/**
 * Reads an OCR'd source into blocks (runs of non-blank lines) with their
 * offsets, kinds and the blank-line gaps around them, and finds the head of
 * the article (column, title, subtitle). Pure: works on the text only.
 *
 * The sources put one blank line between paragraphs and three around a
 * photograph (its caption stands alone between them); headings are Markdown
 * `#` lines. Those habits are the only layout evidence an OCR text keeps.
 */
import { parseByline } from './entities/byline.ts';
import { isFurnitureBlock } from './furniture-lines.ts';
import { isHan, stripMarkup } from './text.ts';

export type BlockKind = 'heading' | 'caption' | 'byline' | 'furniture' | 'label' | 'text';

export interface Block {
  index: number;
  /** Offsets into the (LF-normalized) source text; `text = source.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** 1-based line numbers of the first and last line. */
  line: number;
  lastLine: number;
  kind: BlockKind;
  /** Heading level (number of `#`), for headings. */
  level?: number;
  /** Blank lines before and after the block. */
  gapBefore: number;
  gapAfter: number;
}

export interface Head {
  /** Indices of the blocks that make up the head (not repeated in the body). */
  blocks: number[];
  title?: string;
  subtitle?: string;
  column?: string;
  /** A kicker heading above the title (e.g. the hospital's name with a colon). */
  kicker?: string;
  series?: { name: string; number?: number };
  /** Index of the first block of the body. */
  bodyStart: number;
}

export interface SourceDocument {
  text: string;
  blocks: Block[];
  head: Head;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
/** Sentence punctuation: a line without any is a label, a caption or a byline. */
const CLAUSE_PUNCT = /[，。；！？、,;!?]/;

/** Runs of non-blank lines with their offsets, line numbers and the blank lines around them; all start as `text`. */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let offset = 0;
  let blank = 0;
  let current: Block | undefined;
  text.split('\n').forEach((raw, i) => {
    const lineNo = i + 1;
    const lineStart = offset;
    offset += raw.length + 1;
    if (raw.trim() === '') {
      if (current) blocks.push(current);
      current = undefined;
      blank++;
      return;
    }
    if (!current) {
      const start = lineStart;
      current = {
        index: blocks.length,
        start,
        end: start,
        text: '',
        line: lineNo,
        lastLine: lineNo,
        kind: 'text',
        gapBefore: blank,
        gapAfter: 0,
      };
    }
    current.end = lineStart + raw.length;
    current.lastLine = lineNo;
    blank = 0;
  });
  if (current) blocks.push(current);
  for (const [i, b] of blocks.entries()) {
    b.text = text.slice(b.start, b.end);
    b.gapAfter = i + 1 < blocks.length ? blocks[i + 1].gapBefore : blank;
  }
  return blocks;
}

export function parseDocument(input: string): SourceDocument {
  const text = input.replace(/\r\n?/g, '\n');
  const blocks = splitBlocks(text);
  blocks.forEach((b, i) => classify(b, i > 0));
  return { text, blocks, head: findHead(blocks) };
}

function classify(block: Block, hasPrevious: boolean) {
  const lines = block.text.split('\n').map((l) => l.trim());
  const heading = HEADING.exec(lines[0]);
  if (heading && lines.length === 1) {
    block.kind = 'heading';
    block.level = heading[1].length;
    return;
  }
  // Running heads, page numbers, editors' credits: never a title, a column or half of a paragraph.
  if (isFurnitureBlock(lines)) {
    block.kind = 'furniture';
    return;
  }
  const flat = stripMarkup(lines.join(''));
  // Only roles and names: a paragraph that mentions a reporter is not a byline.
  if (flat.length <= 80 && parseByline(lines.join(' '))) {
    block.kind = 'byline';
    return;
  }
  const single = lines.length === 1;
  if (single && hasPrevious && block.gapBefore >= 2 && (flat.startsWith('▲') || (flat.length <= 40 && !/[。；！？]/.test(flat)))) {
    block.kind = 'caption';
    return;
  }
  if (!CLAUSE_PUNCT.test(flat) && flat.length <= 40) block.kind = 'label';
}

/** Text of a heading block without its `#` marks. */
export function headingText(block: Block): string {
  return block.text
    .trim()
    .replace(/^#+\s*/, '')
    .trim();
}

const CHINESE_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || (!m[1] && !m[2] && !m[3])) return undefined;
  if (!m[2]) return m[3] ? undefined : CHINESE_NUMERALS[m[1]];
  return (m[1] ? CHINESE_NUMERALS[m[1]] : 1) * 10 + (m[3] ? CHINESE_NUMERALS[m[3]] : 0);
}

/** A numbered series in a subtitle: `“支部书记谈高质量发展”之三`, `…风采展示(二)`. */
export function seriesOf(subtitle: string): { name: string; number?: number } | undefined {
  const s = subtitle.replace(/^——/, '');
  let m = /“([^”]+)”之([一二三四五六七八九十\d]+)$/.exec(s);
  if (m) return { name: m[1], number: chineseNumber(m[2]) };
  m = /^(.+?)[(（]([一二三四五六七八九十\d]+)[)）]$/.exec(s);
  if (m) return { name: m[1].replace(/^.*?——/, ''), number: chineseNumber(m[2]) };
  m = /^(.+?)之([一二三四五六七八九十]+)$/.exec(s);
  if (m) return { name: m[1], number: chineseNumber(m[2]) };
  return undefined;
}

/**
 * How many blocks the head zone spans: the run of headings and short lines
 * before the first paragraph of running text.
 */
function headZoneEnd(blocks: Block[]): number {
  let end = 0;
  while (end < blocks.length) {
    const b = blocks[end];
    if (b.kind === 'furniture') {
      end++;
      continue;
    }
    const t = stripMarkup(b.text);
    const headish =
      b.kind === 'heading' ||
      ((b.kind === 'label' || b.kind === 'text') && t.length <= 40 && !/[。；！？]/.test(t) && !b.text.includes('\n'));
    if (!headish) break;
    // A heading that opens the body (an editor's note, a first section) ends the head
    // once a title has been seen and the next block is running text.
    if (end > 0 && b.kind === 'heading' && blocks.slice(0, end).some((x) => x.kind === 'heading') && !isSubtitle(t)) {
      const titleLevel = Math.min(
        ...blocks
          .slice(0, end)
          .filter((x) => x.kind === 'heading')
          .map((x) => x.level!),
      );
      if (b.level! >= titleLevel) break;
    }
    end++;
  }
  return end;
}

/** The roles of a head zone with headings: title, a kicker that ends in a colon joined to it, subtitle, kicker, column. */
function readHeadings(zone: Block[], headings: Block[], head: Head): void {
  const top = Math.min(...headings.map((b) => b.level!));
  const title = headings.find((b) => b.level === top)!;
  head.title = headingText(title);
  head.blocks.push(title.index);
  // A kicker ending in a colon reads as the first half of the title (江西省高安市中医医院：党建引领 勇毅前行);
  // it is the heading nearest above the title, a column printed as a heading (#### 【高质量发展】) aside.
  const kicker = headings.filter((b) => b.index < title.index && !/^【[^】]+】$/u.test(headingText(b))).at(-1);
  if (kicker && /[：:]$/.test(headingText(kicker))) {
    head.title = headingText(kicker) + head.title;
    head.blocks.push(kicker.index);
  }
  for (const b of zone) {
    if (b === title || head.blocks.includes(b.index)) continue;
    const t = b.kind === 'heading' ? headingText(b) : stripMarkup(b.text);
    if (b.index < title.index && /^【[^】]+】$/u.test(t) && head.column === undefined) {
      // A bracketed column printed as a heading (## 【医院党建】) is the column all the same.
      head.column = t;
      head.blocks.push(b.index);
    } else if (isSubtitle(t) && head.subtitle === undefined) {
      head.subtitle = t;
      head.blocks.push(b.index);
    } else if (b.index < title.index && b.kind === 'heading' && head.kicker === undefined) {
      head.kicker = t;
      head.blocks.push(b.index);
    } else if (b.index < title.index && b.kind !== 'heading' && head.column === undefined) {
      head.column = t;
      head.blocks.push(b.index);
    }
  }
}

/**
 * The head is the run of blocks before the first paragraph of running text:
 * headings, a bracketed or short column line, a `——` subtitle. The title is
 * its highest-level heading; a heading above it is a kicker; a `——` line right
 * after the title is the subtitle; a short plain line or 【…】 before the
 * title is the column.
 */
function findHead(blocks: Block[]): Head {
  const head: Head = { blocks: [], bodyStart: 0 };
  let end = headZoneEnd(blocks);
  // Page furniture in the head zone is no part of the head (it is removed as furniture).
  const zone = blocks.slice(0, end).filter((b) => b.kind !== 'furniture');
  const headings = zone.filter((b) => b.kind === 'heading' && !isSubtitle(headingText(b)));
  if (headings.length > 0) readHeadings(zone, headings, head);
  else if (zone.length > 0) {
    // No Markdown heading: the first short line is the title.
    head.title = stripMarkup(zone[0].text);
    head.blocks.push(zone[0].index);
  }
  // A `——` line right after the head (not a heading) is its subtitle too.
  const next = blocks[end];
  if (next && head.subtitle === undefined && next.kind !== 'heading' && isSubtitle(stripMarkup(next.text)) && !next.text.includes('\n')) {
    head.subtitle = stripMarkup(next.text);
    head.blocks.push(next.index);
    end++;
  }
  if (head.subtitle) head.series = seriesOf(head.subtitle);
  head.blocks.sort((a, b) => a - b);
  // Blocks of the zone that found no role stay in the body.
  head.bodyStart = head.blocks.length > 0 ? Math.min(end, Math.max(...head.blocks) + 1) : 0;
  return head;
}

function isSubtitle(t: string): boolean {
  return t.startsWith('——') && isHan([...t][2]);
}
