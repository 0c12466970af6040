/**
 * The draft article's Markdown body: the source's body blocks with the
 * applied corrections carried out (joins, replacements, full-width
 * punctuation, removed blocks) and each correction's `[[cN]]` mark placed
 * once, after the text it is about.
 */
import { correctionMark, hasCorrectionMark } from '../../../src/content-model/correction-marks.ts';
import type { Block, SourceDocument } from '../document.ts';
import { toFullWidth, type Proposal } from '../defects.ts';
import type { CorrectionPlan } from './corrections.ts';

/** Writes each correction's mark the first time a place asks for it, and never again. */
class MarkWriter {
  private readonly emitted = new Set<string>();
  private readonly marks: ReadonlyMap<number, string[]>;

  constructor(marks: ReadonlyMap<number, string[]>) {
    this.marks = marks;
  }

  /** The marks of these ids not yet written. */
  text(ids: string[]): string {
    const fresh = ids.filter((id) => !this.emitted.has(id));
    fresh.forEach((id) => this.emitted.add(id));
    return fresh.map(correctionMark).join('');
  }

  /** The marks that stand at a source offset. */
  at(offset: number): string {
    return this.text(this.marks.get(offset) ?? []);
  }

  has(offset: number): boolean {
    return this.marks.has(offset);
  }

  /** The marks that stand anywhere in [from, to], in source order. */
  within(from: number, to: number): string {
    const ids = [...this.marks.entries()]
      .filter(([at]) => at >= from && at <= to)
      .sort((a, b) => a[0] - b[0])
      .flatMap(([, list]) => list);
    return this.text(ids);
  }
}

type Replacement = { start: number; end: number; text: string };

/** Source text of blocks with the applied replacements and full-width punctuation carried out, marks included. */
class BlockRenderer {
  private readonly doc: SourceDocument;
  private readonly marks: MarkWriter;
  private readonly replacements: Replacement[];
  private readonly fullWidthAt: ReadonlySet<number>;

  constructor(doc: SourceDocument, applied: ReadonlySet<Proposal>, marks: MarkWriter) {
    this.doc = doc;
    this.marks = marks;
    const edits = [...applied].map((p) => p.edit);
    this.replacements = edits.filter((e) => e.type === 'replace');
    this.fullWidthAt = new Set(edits.find((e) => e.type === 'punctuation')?.offsets ?? []);
  }

  /** Source text of [start, end) with the edits and the marks inside it. */
  private range(start: number, end: number): string {
    const { text } = this.doc;
    let out = '';
    let i = start;
    while (i < end) {
      const rep = this.replacements.find((r) => r.start === i);
      if (rep) {
        out += rep.text;
        i = rep.end;
      } else {
        out += this.fullWidthAt.has(i) ? toFullWidth(text[i]) : text[i];
        i++;
      }
      if (i < end && this.marks.has(i)) out += this.marks.at(i);
    }
    return out;
  }

  /** A block's text, trailing spaces dropped, with the marks at its end. */
  block(b: Block): string {
    return this.range(b.start, b.end).replace(/[ \t]+$/u, '') + this.marks.at(b.end);
  }
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown for a block: a heading at level 2 or below, a caption as a caption paragraph unless a mark stands in it. */
function formatBlock(b: Block, text: string): string {
  if (b.kind === 'heading') {
    const level = Math.max(2, b.level ?? 2);
    return `${'#'.repeat(level)} ${text.replace(/^#+\s*/, '')}`;
  }
  if (b.kind === 'caption' && !hasCorrectionMark(text)) return `<p class="caption">${escapeHtml(text.trim())}</p>`;
  return text;
}

type Join = { b: number; captions: number[]; over: number[] };
type Joins = ReadonlyMap<number, Join>;

function joinsOf(applied: ReadonlySet<Proposal>): Joins {
  const joins = new Map<number, Join>();
  for (const p of applied) if (p.edit.type === 'join') joins.set(p.edit.a, { b: p.edit.b, captions: p.edit.captions, over: p.edit.over });
  return joins;
}

/**
 * A paragraph starting at block `first`, followed through its joins; the
 * blocks it absorbs and the captions moved out of it go into `consumed`.
 */
function joinedParagraph(doc: SourceDocument, render: BlockRenderer, marks: MarkWriter, joins: Joins, first: Block, consumed: Set<number>) {
  let text = render.block(first);
  let current = first;
  const captions: Block[] = [];
  while (joins.has(current.index)) {
    const j = joins.get(current.index)!;
    j.captions.forEach((c) => {
      captions.push(doc.blocks[c]);
      consumed.add(c);
    });
    // The removed furniture the join goes over leaves its marks where it stood, inside the sentence.
    const removedMarks = j.over.map((f) => {
      consumed.add(f);
      return marks.within(doc.blocks[f].start, doc.blocks[f].end);
    });
    const next = doc.blocks[j.b];
    consumed.add(next.index);
    text = text.replace(/\s+$/u, '') + removedMarks.join('') + render.block(next).replace(/^\s+/u, '');
    current = next;
  }
  return { text, captions };
}

export function renderBody(doc: SourceDocument, plan: CorrectionPlan): string {
  const marks = new MarkWriter(plan.marks);
  const render = new BlockRenderer(doc, plan.applied, marks);
  const joins = joinsOf(plan.applied);
  const headBlocks = new Set(doc.head.blocks);
  const out: string[] = [];
  let pending = '';
  const consumed = new Set<number>();
  for (const b of doc.blocks) {
    if (headBlocks.has(b.index) || consumed.has(b.index)) continue;
    if (plan.removed.has(b.index)) {
      // A removed block leaves its marks at the end of the paragraph before it (or the start of the next).
      const text = marks.within(b.start, b.end);
      if (text && out.length > 0) out[out.length - 1] += text;
      else pending += text;
      continue;
    }
    const { text, captions } = joinedParagraph(doc, render, marks, joins, b, consumed);
    out.push(formatBlock(b, pending + text));
    pending = '';
    for (const c of captions) out.push(formatBlock(c, render.block(c)));
  }
  // Marks that found no place in the body (a flag on the title) go at its start.
  const orphans = marks.text(plan.marked);
  if (orphans && out.length) out[0] = orphans + out[0];
  return `${out.join('\n\n')}\n`;
}
