/**
 * Passages printed twice, and which copy to propose for removal.
 */
import { headingText, type Block, type SourceDocument } from '../document.ts';
import { readingForm, sentences } from '../text.ts';
import { bodyBlocks, lineAt, type Proposal } from './proposal.ts';

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
      units.push({ block: b, start: b.start + at, end: b.start + at + s.length, norm: readingForm(s) });
    }
  }
  return units;
}

/** For each unit long enough to tell, another unit with the same normalized text. */
function twins(units: Unit[]): (i: number) => number | undefined {
  const byNorm = new Map<string, number[]>();
  units.forEach((u, i) => {
    const long = [...u.norm].length >= 10 || (u.block.kind !== 'text' && [...u.norm].length >= 6);
    if (!long) return;
    byNorm.set(u.norm, [...(byNorm.get(u.norm) ?? []), i]);
  });
  return (i) => {
    const list = byNorm.get(units[i].norm);
    if (!list || list.length < 2) return undefined;
    return list.find((j) => j !== i);
  };
}

interface Run {
  from: number;
  to: number;
}

/** Proposes removing one of two equal runs of units: the one whose section heading fits the passage less, else the later one. */
function duplicateProposal(doc: SourceDocument, units: Unit[], runA: Run, runB: Run): Proposal {
  const passage = units
    .slice(runA.from, runA.to + 1)
    .map((u) => u.norm)
    .join('');
  const fitA = headingFit(doc, units[runA.from].block, passage);
  const fitB = headingFit(doc, units[runB.from].block, passage);
  const remove = fitA > fitB ? runB : fitB > fitA ? runA : runB;
  const keep = remove === runA ? runB : runA;
  const start = units[remove.from].start;
  const end = units[remove.to].end;
  const blocks = [...new Set(units.slice(remove.from, remove.to + 1).map((u) => u.block.index))];
  const whole = blocks.every((bi) => doc.blocks[bi].start >= start && doc.blocks[bi].end <= end);
  return {
    kind: 'duplicate',
    start,
    end,
    line: lineAt(doc.text, start),
    original: doc.text.slice(start, end).replace(/[ \t]+\n/g, '\n'),
    reading: '',
    note: `此段与第${lineAt(doc.text, units[keep.from].start)}行起的一段文字相同，疑重复排印；${
      fitA === fitB ? '无从判断哪一份错排，拟删后出的一份' : '此处与所在一节的标题不合，拟删此存彼'
    }。`,
    confidence: [...passage].length >= 30 ? 'high' : 'medium',
    edit: whole ? { type: 'remove', blocks } : { type: 'replace', start, end, text: '' },
    reason: 'duplicate-passage',
  };
}

/**
 * Passages printed twice: runs of sentences (at least ten characters each,
 * or a whole short block) that stand, in the same order, somewhere else too.
 * The copy under the heading that fits the passage less is proposed for removal.
 */
export function detectDuplicates(doc: SourceDocument): Proposal[] {
  const units = unitsOf(doc);
  const twin = twins(units);
  const out: Proposal[] = [];
  const used = new Set<number>();
  for (let i = 0; i < units.length; i++) {
    const t = twin(i);
    if (t === undefined || t < i || used.has(i)) continue;
    // Extend the run i.. / t.. while both advance together.
    let n = 1;
    while (i + n < t && t + n < units.length && units[i + n].norm === units[t + n].norm) n++;
    for (let k = 0; k < n; k++) used.add(i + k).add(t + k);
    out.push(duplicateProposal(doc, units, { from: i, to: i + n - 1 }, { from: t, to: t + n - 1 }));
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
