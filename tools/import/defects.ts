/**
 * Finds the OCR and layout defects of a source and proposes a correction for
 * each, in the kinds of docs/curation.md. Nothing here changes the text: a
 * proposal says what the source has (`original`), what the editor would read
 * instead (`reading`), where it is, how sure the tool is, and how the draft
 * body would change if the proposal were applied (`edit`). The draft builder
 * decides what to apply; everything it applies is recorded.
 */
import type { CorrectionKind } from '../../src/content-model/schema.ts';
import { headingText, type Block, type SourceDocument } from './document.ts';
import {
  closesUnopenedQuote,
  count,
  endsSentence,
  firstSentence,
  hasUnclosedQuote,
  isChinese,
  isHan,
  normalizeText,
  openTail,
  sentences,
  stripMarkup,
} from './text.ts';

export type Confidence = 'high' | 'medium' | 'low';

export type Edit =
  /** Join block `a` with block `b`; caption blocks between them move after the joined paragraph. */
  | { type: 'join'; a: number; b: number; captions: number[] }
  /** Replace source range [start, end) by `text`. */
  | { type: 'replace'; start: number; end: number; text: string }
  /** Remove whole blocks from the body. */
  | { type: 'remove'; blocks: number[] }
  /** Half-width marks made full-width at these source offsets. */
  | { type: 'punctuation'; offsets: number[] }
  /** Only a flag: no change is proposed that a tool could make (column order, a doubtful reading). */
  | { type: 'none' };

export interface Proposal {
  kind: CorrectionKind;
  /** The source range the proposal is about (the mark goes after `end`). */
  start: number;
  end: number;
  /** 1-based source line of `start`. */
  line: number;
  original: string;
  reading: string;
  note: string;
  confidence: Confidence;
  global?: boolean;
  edit: Edit;
  /** Short machine-readable reason, e.g. `cut-before-heading`. */
  reason: string;
  /** For a suspected column break: the first words of the blocks that may continue it. */
  related?: string[];
}

export interface Detection {
  proposals: Proposal[];
  /** Source offsets of date lines found in page furniture (running heads). */
  furnitureDates: { text: string; start: number }[];
}

const HAN_RUN = /\p{Script=Han}/u;

export function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** A few characters before a break: back to the previous punctuation, at most `max`. */
function tailContext(text: string, max = 14): string {
  const t = text.replace(/\s+$/u, '');
  const chars = [...t];
  let i = chars.length;
  let n = 0;
  while (i > 0 && n < max) {
    const ch = chars[i - 1];
    if (ch === '*' || (n >= 4 && /[，。；：！？,;:!?\n]/.test(ch))) break;
    i--;
    n++;
  }
  return chars.slice(i).join('').replace(/^\s+/, '');
}

/** A few characters after a break: forward to the next punctuation, at most `max`. */
function headContext(text: string, max = 12): string {
  const t = text.replace(/^\s+/u, '');
  const chars = [...t];
  let i = 0;
  while (i < chars.length && i < max) {
    if (chars[i] === '*' || (i >= 4 && /[，。；：！？,;:!?\n]/.test(chars[i]))) break;
    i++;
  }
  return chars.slice(0, i).join('').replace(/\s+$/, '');
}

const bodyBlocks = (doc: SourceDocument) => doc.blocks.filter((b) => b.index >= doc.head.bodyStart && !doc.head.blocks.includes(b.index));

/** 一、… （一）… 1. … : a numbered sub-heading or list item starts a paragraph of its own. */
const ENUMERATOR = /^(?:\*\*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d))/;

function isEnumeratedLabel(b: Block): boolean {
  const t = b.text.trim();
  return ENUMERATOR.test(t) && !t.includes('\n') && [...stripMarkup(t)].length <= 40 && !/[。；！？]/.test(t);
}

function isJoinableEnd(b: Block): boolean {
  if (endsSentence(b.text) || !HAN_RUN.test(b.text) || isEnumeratedLabel(b)) return false;
  return b.kind === 'text' || (b.kind === 'label' && b.text.trim().startsWith('**'));
}

/** A bold lead-in line cut off before a heading (**着力解决……过程中遇**) counts as running text too. */
function isCutCandidate(b: Block): boolean {
  return isJoinableEnd(b);
}

/** Does the block start in the middle of a sentence (its beginning printed elsewhere)? */
export function startsMidSentence(b: Block): boolean {
  if (b.kind !== 'text') return false;
  const t = stripMarkup(b.text);
  if (/^[，、。；：,;:]/.test(t)) return true;
  if (closesUnopenedQuote(firstSentence(t))) return true;
  return /^\p{Script=Han}[，,]/u.test(t);
}

/** A one-sentence paragraph this short is often a fragment moved by the column layout. */
function isShortFragment(b: Block): boolean {
  if (b.kind !== 'text') return false;
  const t = stripMarkup(b.text);
  return sentences(t).length === 1 && [...t].length <= 25 && endsSentence(t);
}

export function detectJoinsAndBreaks(doc: SourceDocument): Proposal[] {
  const out: Proposal[] = [];
  const body = bodyBlocks(doc);
  const joinedB = new Set<number>();
  const cuts: Block[] = [];

  for (let k = 0; k < body.length; k++) {
    const a = body[k];
    if (!isCutCandidate(a)) continue;
    let j = k + 1;
    const captions: Block[] = [];
    while (j < body.length && body[j].kind === 'caption') captions.push(body[j++]);
    const b = body[j];
    const continues = b && (b.kind === 'text' || b.kind === 'label') && isJoinableEnd(a) && !ENUMERATOR.test(b.text.trim());
    const quoteOpen = hasUnclosedQuote(openTail(a.text)) && b && !closesUnopenedQuote(firstSentence(b.text));
    if (continues && !quoteOpen && (captions.length > 0 || a.gapAfter === 1)) {
      const tail = tailContext(a.text);
      const head = headContext(b.text);
      const parts = [tail, ...captions.map((c) => c.text.trim()), head];
      const original = parts.join('\n\n');
      for (const c of captions) {
        out.push({
          kind: 'caption',
          start: c.start,
          end: c.end,
          line: c.line,
          original: c.text.trim(),
          reading: c.text.trim(),
          note: `图片说明原排在“${tail}”与“${head}”之间，把一句话截断；今移至该段之后。`,
          confidence: 'medium',
          edit: { type: 'none' },
          reason: 'caption-inside-sentence',
        });
      }
      out.push({
        kind: 'paragraph-join',
        start: a.end - tail.length,
        end: b.start + head.length,
        line: a.lastLine,
        original,
        reading: tail + head,
        note: captions.length > 0 ? '图片说明移出后，被截断的句子合并。' : `句中断段（第${a.lastLine}行末），今合并。`,
        confidence: captions.length > 0 ? 'medium' : 'high',
        edit: { type: 'join', a: a.index, b: b.index, captions: captions.map((c) => c.index) },
        reason: captions.length > 0 ? 'caption-break' : 'mid-sentence-break',
      });
      joinedB.add(b.index);
      continue;
    }
    cuts.push(a);
  }

  const orphans = body.filter((b) => startsMidSentence(b) && !joinedB.has(b.index));
  const fragments = body.filter((b) => isShortFragment(b) && !joinedB.has(b.index) && !orphans.includes(b));
  const describe = (b: Block) => `第${b.line}行“${headContext(stripMarkup(b.text), 16)}”`;

  for (const a of cuts) {
    const idx = body.indexOf(a);
    const after = body.slice(idx + 1);
    const nextText = after.find((b) => b.kind === 'text');
    const interposed = after.slice(0, nextText ? after.indexOf(nextText) : after.length);
    const headingBetween = interposed.find((b) => b.kind === 'heading');
    const candidates: Block[] = [];
    // Quotes that close what the cut left open are the strongest clue.
    if (hasUnclosedQuote(openTail(a.text))) candidates.push(...orphans.filter((o) => closesUnopenedQuote(firstSentence(o.text))));
    candidates.push(...orphans.filter((o) => !candidates.includes(o)));
    if (headingBetween && nextText && !candidates.includes(nextText)) candidates.push(nextText);
    candidates.push(...fragments.filter((f) => !candidates.includes(f)));
    // Quote words, not markup: the last run of the open sentence outside `**`.
    const rawTail = openTail(a.text, false) || tailContext(a.text);
    const tail = rawTail.split('**').map((x) => x.trim()).filter(Boolean).pop() ?? rawTail;
    const what = !after.length
      ? '全文至此结束'
      : headingBetween
        ? `其后是标题“${headingText(headingBetween)}”`
        : interposed.some((b) => b.kind === 'caption')
          ? '其后是图片说明'
          : '其后另起一段';
    const cand = candidates.slice(0, 3).map(describe);
    const note =
      `导入工具疑为分栏错排（恢复栏序）：本段止于半句“${tail}”，${what}。` +
      (cand.length ? `下文或在${cand.join('，或')}。` : '下文在本文中未找到，或已缺失。') +
      '请对照原报决定栏序，记为 column-order（及所需的 paragraph-join），或照录存疑。';
    const tailAt = a.start + a.text.lastIndexOf(tail);
    out.push({
      kind: 'column-order',
      start: tailAt,
      end: tailAt + tail.length,
      line: a.lastLine,
      original: tail,
      reading: tail,
      note,
      confidence: 'medium',
      edit: { type: 'none' },
      reason: !after.length ? 'cut-at-end' : headingBetween ? 'cut-before-heading' : 'cut-before-gap',
      related: candidates.slice(0, 3).map((b) => firstSentence(b.text)),
    });
  }

  for (const o of orphans) {
    const first = firstSentence(o.text);
    const start = o.start + o.text.indexOf(first.slice(0, 4));
    out.push({
      kind: 'column-order',
      start,
      end: start + first.length,
      line: o.line,
      original: first,
      reading: first,
      note: '导入工具疑为分栏错排（恢复栏序）：本段开头似是半句（引号无前引号，或以半句起头），其上文当在别处。请对照原报，记为 column-order，或照录存疑。',
      confidence: 'low',
      edit: { type: 'none' },
      reason: 'starts-mid-sentence',
    });
  }
  return out;
}

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
    const rest = lines.filter((l, i) => !kinds[i]).map((l) => stripMarkup(l));
    // The other lines must look like a running head: short, no sentence punctuation.
    if (!rest.every((l) => [...l].length <= 24 && !/[，。；！？,;!?]/.test(l))) continue;
    lines.forEach((l, i) => {
      if (kinds[i] === 'date') dates.push({ text: l.trim(), start: b.start + b.text.indexOf(l) });
    });
    const original = lines.map((l) => l.trim()).join('\n');
    const what = [
      ...new Set(
        kinds.map((k) => (k === 'phone' ? '电话号码' : k === 'page' ? '页码' : k === 'date' ? '日期' : k === 'editor' ? '编辑署名' : '页眉')),
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

interface Unit {
  block: Block;
  start: number;
  end: number;
  norm: string;
}

function unitsOf(doc: SourceDocument): Unit[] {
  const units: Unit[] = [];
  for (const b of bodyBlocks(doc)) {
    if (b.kind === 'heading' || b.kind === 'caption') continue;
    let from = 0;
    for (const s of sentences(b.text)) {
      const at = b.text.indexOf(s, from);
      if (at < 0) continue;
      from = at + s.length;
      units.push({ block: b, start: b.start + at, end: b.start + at + s.length, norm: normalizeText(s) });
    }
  }
  return units;
}

/**
 * Passages printed twice: runs of sentences (at least ten characters each,
 * or a whole short block) that stand, in the same order, somewhere else too.
 * The copy under the heading that fits the passage less is proposed for removal.
 */
export function detectDuplicates(doc: SourceDocument): Proposal[] {
  const units = unitsOf(doc);
  const byNorm = new Map<string, number[]>();
  units.forEach((u, i) => {
    const long = [...u.norm].length >= 10 || (u.block.kind !== 'text' && [...u.norm].length >= 6);
    if (!long) return;
    byNorm.set(u.norm, [...(byNorm.get(u.norm) ?? []), i]);
  });
  const twin = (i: number): number | undefined => {
    const list = byNorm.get(units[i].norm);
    if (!list || list.length < 2) return undefined;
    return list.find((j) => j !== i);
  };
  const out: Proposal[] = [];
  const used = new Set<number>();
  for (let i = 0; i < units.length; i++) {
    const t = twin(i);
    if (t === undefined || t < i || used.has(i)) continue;
    // Extend the run i.. / t.. while both advance together.
    let n = 1;
    while (i + n < t && t + n < units.length && units[i + n].norm === units[t + n].norm) n++;
    const runA = { from: i, to: i + n - 1 };
    const runB = { from: t, to: t + n - 1 };
    for (let k = 0; k < n; k++) used.add(i + k).add(t + k);
    const passage = units
      .slice(runA.from, runA.to + 1)
      .map((u) => u.norm)
      .join('');
    const fit = (run: { from: number }) => headingFit(doc, units[run.from].block, passage);
    const remove = fit(runA) > fit(runB) ? runB : runA === runB ? runB : fit(runB) > fit(runA) ? runA : runB;
    const keep = remove === runA ? runB : runA;
    const start = units[remove.from].start;
    const end = units[remove.to].end;
    const original = doc.text.slice(start, end).replace(/[ \t]+\n/g, '\n');
    const blocks = [...new Set(units.slice(remove.from, remove.to + 1).map((u) => u.block.index))];
    const whole = blocks.every((bi) => {
      const b = doc.blocks[bi];
      return b.start >= start && b.end <= end;
    });
    out.push({
      kind: 'duplicate',
      start,
      end,
      line: lineAt(doc.text, start),
      original,
      reading: '',
      note: `此段与第${lineAt(doc.text, units[keep.from].start)}行起的一段文字相同，疑重复排印；${
        fit(runA) === fit(runB) ? '无从判断哪一份错排，拟删后出的一份' : '此处与所在一节的标题不合，拟删此存彼'
      }。`,
      confidence: [...passage].length >= 30 ? 'high' : 'medium',
      edit: whole ? { type: 'remove', blocks } : { type: 'replace', start, end, text: '' },
      reason: 'duplicate-passage',
    });
  }
  return out;
}

/** How well a passage fits the section it stands in: Han bigrams of the section heading's first word found in it. */
function headingFit(doc: SourceDocument, block: Block, passage: string): number {
  const heading = [...doc.blocks.slice(0, block.index)].reverse().find((b) => b.kind === 'heading');
  if (!heading) return 0;
  const name = headingText(heading).split(/\s+/)[0];
  const chars = [...name];
  let score = 0;
  for (let i = 0; i + 1 < chars.length; i++) if (passage.includes(chars[i] + chars[i + 1])) score++;
  return score;
}

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

/**
 * Paragraphs (after the joins) whose quotation marks do not pair up. Blocks
 * already flagged as cut by the column layout are left to that proposal.
 */
export function detectUnpairedQuotes(doc: SourceDocument, joins: Proposal[], flagged: Set<number>): Proposal[] {
  const out: Proposal[] = [];
  const next = new Map<number, number>();
  for (const j of joins) if (j.edit.type === 'join') next.set(j.edit.a, j.edit.b);
  const joinedInto = new Set(next.values());
  for (const b of bodyBlocks(doc)) {
    if (joinedInto.has(b.index) || b.kind === 'heading' || b.kind === 'caption') continue;
    const chain = [b];
    while (next.has(chain[chain.length - 1].index)) chain.push(doc.blocks[next.get(chain[chain.length - 1].index)!]);
    if (chain.some((c) => flagged.has(c.index))) continue;
    const text = chain.map((c) => c.text).join('');
    for (const [open, close] of [
      ['“', '”'],
      ['‘', '’'],
    ]) {
      if (count(text, open) === count(text, close)) continue;
      // Point at the first sentence where the balance goes wrong.
      let depth = 0;
      let where = -1;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === open) depth++;
        else if (text[i] === close) {
          if (depth === 0) {
            where = i;
            break;
          }
          depth--;
        }
      }
      if (where < 0) where = text.lastIndexOf(open);
      const block = chain.find((c, k) => {
        const before = chain.slice(0, k).reduce((n, x) => n + x.text.length, 0);
        return where >= before && where < before + c.text.length;
      })!;
      const local = where - chain.slice(0, chain.indexOf(block)).reduce((n, x) => n + x.text.length, 0);
      const before = tailContext(block.text.slice(0, local), 12);
      const after = headContext(block.text.slice(local + 1), 8);
      const original = before + text[where] + after;
      out.push({
        kind: 'query',
        start: block.start + local - before.length,
        end: block.start + local + 1 + after.length,
        line: lineAt(doc.text, block.start + local),
        original,
        reading: original,
        note: `引号不成对（本段${open}${count(text, open)}个、${close}${count(text, close)}个），疑有脱误，今照录存疑。`,
        confidence: 'low',
        edit: { type: 'none' },
        reason: 'unpaired-quotes',
      });
    }
  }
  return out;
}

export function detectDefects(doc: SourceDocument): Detection {
  const joins = detectJoinsAndBreaks(doc);
  const furniture = detectFurniture(doc);
  const flagged = new Set<number>();
  for (const p of joins) if (p.kind === 'column-order') flagged.add(doc.blocks.findIndex((b) => b.start <= p.start && p.start < b.end));
  const proposals = [
    ...joins,
    ...detectDoubled(doc),
    ...furniture.proposals,
    ...detectDuplicates(doc),
    ...detectLatinMisreads(doc),
    ...detectUnpairedQuotes(doc, joins, flagged),
  ];
  const punctuation = detectPunctuation(doc);
  if (punctuation) proposals.push(punctuation);
  // A furniture block is not also a column cut or a duplicate.
  const furnitureBlocks = new Set(furniture.proposals.flatMap((p) => (p.edit.type === 'remove' ? p.edit.blocks : [])));
  const kept = proposals.filter(
    (p) => p.kind === 'furniture' || p.global || !furnitureBlocks.has(doc.blocks.findIndex((b) => b.start <= p.start && p.start < b.end)),
  );
  kept.sort((a, b) => a.end - b.end || a.start - b.start);
  return { proposals: kept, furnitureDates: furniture.dates };
}
