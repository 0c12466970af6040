/**
 * A page that prints two articles one after the other (source 001: 本溪市中心医院,
 * then 锦州医科大学附属第一医院). The second announces itself like the first: a
 * title at the level of the first title, with a kicker (`锦州医科大学附属第一医院：`)
 * or a column (【高质量发展】) above it, or a byline right under it; and the
 * first article has had a byline of its own before it. An editor's lead-in
 * (阅读提示) before the real title has no byline, so it is not taken for an
 * article. Pure.
 */
import { type Block, headingText, type SourceDocument } from './document.ts';
import { stripMarkup } from './text.ts';

export interface SecondArticle {
  /** The first block of the second article (its column or kicker, else its title). */
  block: number;
  line: number;
  /** Its title as the head of an article would read it (a kicker ending in a colon joined to it). */
  title: string;
}

const isKicker = (b: Block) => b.kind === 'heading' && /[：:]$/.test(headingText(b));
const isColumn = (b: Block) => /^【[^】]+】$/u.test(b.kind === 'heading' ? headingText(b) : stripMarkup(b.text).trim());

function titleLevel(doc: SourceDocument): number | undefined {
  const levels = doc.head.blocks.map((i) => doc.blocks[i]).filter((b) => b.kind === 'heading' && !isKicker(b) && !isColumn(b));
  return levels.length ? Math.min(...levels.map((b) => b.level!)) : undefined;
}

/** Where a second article starts, if the source holds one. */
export function findSecondArticle(doc: SourceDocument): SecondArticle | undefined {
  const top = titleLevel(doc);
  if (top === undefined) return undefined;
  const head = new Set(doc.head.blocks);
  const body = doc.blocks.filter((b) => b.index >= doc.head.bodyStart && !head.has(b.index));
  let bylineSeen = false;
  for (const [k, b] of body.entries()) {
    if (b.kind === 'byline') bylineSeen = true;
    if (!bylineSeen || b.kind !== 'heading' || b.level! > top || isKicker(b) || isColumn(b) || headingText(b).startsWith('——')) continue;
    let first = k;
    while (first > 0 && (isKicker(body[first - 1]) || isColumn(body[first - 1]))) first--;
    const bylineUnder = body.slice(k + 1, k + 3).some((x) => x.kind === 'byline');
    if (first === k && !bylineUnder) continue;
    const kicker = body.slice(first, k).find(isKicker);
    return {
      block: body[first].index,
      line: body[first].line,
      title: (kicker ? headingText(kicker) : '') + headingText(b),
    };
  }
  return undefined;
}
