/**
 * Quotation marks that do not pair up within a paragraph (as the joins will
 * make it).
 */
import type { Block, SourceDocument } from '../document.ts';
import { count } from '../text.ts';
import { bodyBlocks, headContext, lineAt, tailContext, type Proposal } from './proposal.ts';

/** The paragraphs of the body as the joins will make them: each a chain of blocks. */
function joinedChains(doc: SourceDocument, joins: Proposal[]): Block[][] {
  const next = new Map<number, number>();
  for (const j of joins) if (j.edit.type === 'join') next.set(j.edit.a, j.edit.b);
  const joinedInto = new Set(next.values());
  const chains: Block[][] = [];
  for (const b of bodyBlocks(doc)) {
    if (joinedInto.has(b.index) || b.kind === 'heading' || b.kind === 'caption') continue;
    const chain = [b];
    while (next.has(chain[chain.length - 1].index)) chain.push(doc.blocks[next.get(chain[chain.length - 1].index)!]);
    chains.push(chain);
  }
  return chains;
}

/** Where the balance of a pair of quotation marks first goes wrong: the first unopened closer, else the last opener. */
function firstUnbalanced(text: string, open: string, close: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return text.lastIndexOf(open);
}

/** A 存疑 query at the quotation mark where a chain's quotes stop pairing up. */
function unpairedQuoteProposal(doc: SourceDocument, chain: Block[], open: string, close: string): Proposal {
  const text = chain.map((c) => c.text).join('');
  const where = firstUnbalanced(text, open, close);
  const offsetOf = (k: number) => chain.slice(0, k).reduce((n, x) => n + x.text.length, 0);
  const k = chain.findIndex((c, i) => where >= offsetOf(i) && where < offsetOf(i) + c.text.length);
  const block = chain[k];
  const local = where - offsetOf(k);
  const before = tailContext(block.text.slice(0, local), 12);
  const after = headContext(block.text.slice(local + 1), 8);
  const original = before + text[where] + after;
  return {
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
  };
}

/**
 * Paragraphs (after the joins) whose quotation marks do not pair up. Blocks
 * already flagged as cut by the column layout are left to that proposal.
 */
export function detectUnpairedQuotes(doc: SourceDocument, joins: Proposal[], flagged: Set<number>): Proposal[] {
  const out: Proposal[] = [];
  for (const chain of joinedChains(doc, joins)) {
    if (chain.some((c) => flagged.has(c.index))) continue;
    const text = chain.map((c) => c.text).join('');
    for (const [open, close] of [
      ['“', '”'],
      ['‘', '’'],
    ]) {
      if (count(text, open) !== count(text, close)) out.push(unpairedQuoteProposal(doc, chain, open, close));
    }
  }
  return out;
}
