/**
 * Finds the OCR and layout defects of a source and proposes a correction for
 * each, in the kinds of docs/curation.md. Nothing here changes the text: a
 * proposal says what the source has (`original`), what the editor would read
 * instead (`reading`), where it is, how sure the tool is, and how the draft
 * body would change if the proposal were applied (`edit`). The draft builder
 * decides what to apply; everything it applies is recorded.
 *
 * Each kind of defect has its detector in defects/; proposal.ts holds the
 * Proposal type and the helpers that quote the source around a defect.
 */
import type { SourceDocument } from './document.ts';
import { detectJoinsAndBreaks } from './defects/breaks.ts';
import { detectDuplicates } from './defects/duplicates.ts';
import { detectFurniture } from './defects/furniture.ts';
import type { Detection } from './defects/proposal.ts';
import { detectPunctuation } from './defects/punctuation.ts';
import { detectUnpairedQuotes } from './defects/quotes.ts';
import { detectDoubled, detectLatinMisreads } from './defects/words.ts';

export type { Confidence, Detection, Edit, Proposal } from './defects/proposal.ts';
export { halfWidthMarks, toFullWidth } from './defects/punctuation.ts';

/** Every detector's proposals in source order (by where they end), less those inside a block of page furniture. */
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
