/**
 * What a defect detector returns: a proposed correction in the kinds of
 * docs/curation.md, with the edit that would carry it out; and the small
 * helpers every detector uses to quote the source around a defect.
 */
import type { CorrectionKind } from '../../../src/content-model/schema.ts';
import type { SourceDocument } from '../document.ts';

export type Confidence = 'high' | 'medium' | 'low';

export type Edit =
  /**
   * Join block `a` with block `b`; caption blocks between them move after the joined paragraph;
   * the furniture blocks `over` between them must be removed for the join to be made.
   */
  | { type: 'join'; a: number; b: number; captions: number[]; over: number[] }
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

export function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** A few characters before a break: back to the previous punctuation, at most `max`. */
export function tailContext(text: string, max = 14): string {
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
export function headContext(text: string, max = 12): string {
  const t = text.replace(/^\s+/u, '');
  const chars = [...t];
  let i = 0;
  while (i < chars.length && i < max) {
    if (chars[i] === '*' || (i >= 4 && /[，。；：！？,;:!?\n]/.test(chars[i]))) break;
    i++;
  }
  return chars.slice(0, i).join('').replace(/\s+$/, '');
}

/** The blocks of the body: after the head, without the blocks the head took. */
export const bodyBlocks = (doc: SourceDocument) =>
  doc.blocks.filter((b) => b.index >= doc.head.bodyStart && !doc.head.blocks.includes(b.index));
