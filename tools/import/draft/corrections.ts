/**
 * Which proposals a draft carries out, and the corrections it records: an
 * applied proposal as a correction of its kind, every other one as a `query`
 * (存疑) whose note says what the tool proposes. Each correction gets its id
 * (`c1, c2, …` in reading order) and, where the body needs one, the source
 * offset of its `[[cN]]` mark.
 */
import { correctionMark } from '../../../src/content-model/correction-marks.ts';
import { CORRECTION_KINDS, type CorrectionKind } from '../../../src/content-model/schema.ts';
import type { SourceDocument } from '../document.ts';
import { toFullWidth, type Proposal } from '../defects.ts';
import { APPLICABLE, withMark, type PlannedCorrection } from './model.ts';

export interface CorrectionPlan {
  corrections: PlannedCorrection[];
  /** Proposals left out because they stand inside a passage the draft removes. */
  skipped: Proposal[];
  /** Proposals the body carries out. */
  applied: ReadonlySet<Proposal>;
  /** Indices of the blocks the body leaves out. */
  removed: ReadonlySet<number>;
  /** Source offset → ids of the corrections marked there. */
  marks: Map<number, string[]>;
  /** Ids of the corrections that need a mark in the body, in order. */
  marked: string[];
  /** Whether half-width punctuation is made full-width throughout. */
  fullWidth: boolean;
}

/** The join a caption proposal stands inside. */
function joinOfCaption(doc: SourceDocument, proposals: Proposal[], caption: Proposal): Proposal | undefined {
  return proposals.find((j) => j.edit.type === 'join' && j.edit.captions.some((c) => doc.blocks[c].start === caption.start));
}

/** The proposals of the kinds asked for that the tool can carry out. */
function chooseApplied(doc: SourceDocument, proposals: Proposal[], apply: ReadonlySet<CorrectionKind>): Set<Proposal> {
  const applied = new Set<Proposal>();
  for (const p of proposals) {
    if (!apply.has(p.kind) || !APPLICABLE.has(p.kind)) continue;
    if (p.edit.type === 'none' && p.kind !== 'caption') continue;
    applied.add(p);
  }
  // A join over page furniture is made only when the furniture goes.
  const removed = removedBlocks(applied);
  for (const p of proposals) if (p.edit.type === 'join' && p.edit.over.some((b) => !removed.has(b))) applied.delete(p);
  // A caption moves only with the join around it.
  for (const p of proposals) {
    if (p.kind !== 'caption') continue;
    const join = joinOfCaption(doc, proposals, p);
    if (!join || !applied.has(join)) applied.delete(p);
    else if (!applied.has(p)) applied.delete(join);
  }
  return applied;
}

function removedBlocks(applied: ReadonlySet<Proposal>): Set<number> {
  const removed = new Set<number>();
  for (const p of applied) if (p.edit.type === 'remove') p.edit.blocks.forEach((b) => removed.add(b));
  return removed;
}

/** Splits off the proposals that stand inside a passage the draft removes: they have nothing left to correct. */
function dropInsideRemoved(proposals: Proposal[], applied: ReadonlySet<Proposal>): { live: Proposal[]; skipped: Proposal[] } {
  const removedRanges = [...applied].filter(
    (p) => p.edit.type === 'remove' || (p.edit.type === 'replace' && p.edit.text === '' && p.kind === 'duplicate'),
  );
  const skipped: Proposal[] = [];
  const live = proposals.filter((p) => {
    if (applied.has(p)) return true;
    const inside = removedRanges.some((r) => r !== p && p.start >= r.start && p.end <= r.end);
    if (inside) skipped.push(p);
    return !inside;
  });
  return { live, skipped };
}

/** Joins and column order leave no mark when applied (the text shows them), nor does a proposed join; global corrections never have one. */
function needsMark(p: Proposal, isApplied: boolean): boolean {
  return (
    !p.global && !(isApplied && (p.kind === 'paragraph-join' || p.kind === 'column-order')) && !(!isApplied && p.kind === 'paragraph-join')
  );
}

/** The source offset a correction's mark goes after (also where it sorts in reading order). */
function markOffset(
  doc: SourceDocument,
  proposals: Proposal[],
  applied: ReadonlySet<Proposal>,
  removed: ReadonlySet<number>,
  p: Proposal,
): number {
  if (p.kind === 'caption' && applied.has(p)) return doc.blocks[(joinOfCaption(doc, proposals, p)!.edit as { a: number }).a].end;
  const b = doc.blocks.find((x) => x.start <= p.end - 1 && p.end - 1 < x.end);
  if (p.edit.type === 'remove' && applied.has(p)) return p.start; // placed where the text stood
  if (p.kind === 'furniture' && p.edit.type === 'replace' && applied.has(p)) {
    // A line cut out of a block: where it stood, after the line before (or before the line after, at the block's start).
    return b && p.edit.start === b.start ? p.edit.end : p.edit.start;
  }
  if (b && removed.has(b.index)) return b.start;
  const headBlocks = new Set(doc.head.blocks);
  const bodyStart = doc.blocks.find((x) => !headBlocks.has(x.index))?.start ?? 0;
  return Math.max(p.end, bodyStart);
}

/** An applied proposal, recorded as a correction of its kind. */
function appliedCorrection(id: string, p: Proposal, fullWidth: boolean): PlannedCorrection {
  return {
    id,
    proposal: p,
    applied: true,
    kind: p.kind,
    original: p.original,
    reading: p.global || !fullWidth ? p.reading : toFullWidth(p.reading),
    note: withMark(p.note),
    ...(p.global ? { global: true } : {}),
  };
}

/** A proposal the draft does not carry out, recorded as a 存疑 query that says what the tool proposes and how to accept it. */
function proposedCorrection(id: string, p: Proposal): PlannedCorrection {
  const flagOnly = p.kind === 'query' || p.kind === 'column-order';
  const proposed = flagOnly || p.reading === p.original ? '' : `拟改作“${p.reading === '' ? '（删去）' : p.reading}”。`;
  const how = flagOnly
    ? ''
    : `核对原报：如属实，把 kind 改为 ${p.kind}、reading 改为所拟，并照改正文；否则删去本条和正文的 ${correctionMark(id)}。`;
  return {
    id,
    proposal: p,
    applied: false,
    kind: 'query',
    original: p.original,
    reading: p.original,
    note: withMark(`导入建议〔${CORRECTION_KINDS[p.kind]} ${p.kind}〕${p.note}${proposed}${how}`),
  };
}

export function planCorrections(doc: SourceDocument, proposals: Proposal[], apply: ReadonlySet<CorrectionKind>): CorrectionPlan {
  const applied = chooseApplied(doc, proposals, apply);
  const removed = removedBlocks(applied);
  const { live, skipped } = dropInsideRemoved(proposals, applied);
  const fullWidth = [...applied].some((p) => p.edit.type === 'punctuation');
  const ordered = live
    .map((p) => ({ p, at: markOffset(doc, proposals, applied, removed, p), isApplied: applied.has(p) }))
    .sort((a, b) => a.at - b.at || a.p.start - b.p.start);
  const marks = new Map<number, string[]>();
  const marked: string[] = [];
  const corrections = ordered.map(({ p, at, isApplied }, i) => {
    const id = `c${i + 1}`;
    if (needsMark(p, isApplied)) {
      marks.set(at, [...(marks.get(at) ?? []), id]);
      marked.push(id);
    }
    return isApplied ? appliedCorrection(id, p, fullWidth) : proposedCorrection(id, p);
  });
  return { corrections, skipped, applied, removed, marks, marked, fullWidth };
}
