/**
 * Gives every paragraph of an article body an id a reader can cite
 * (`p-` and a short hash of the paragraph's reading) and a link to itself.
 *
 * The id comes from the paragraph's own text, not its position, so it
 * survives re-curation that does not touch the paragraph: inserting, joining
 * or removing another paragraph changes no other id. The text is compared in
 * its reading form (`readingForm`: no whitespace, NFKC) without what search
 * and the fidelity check skip (`data-pagefind-ignore`: the 校勘记 note
 * references), so recording a correction mark or adding emphasis does not
 * change an id either; changing the words does. Two paragraphs with the same
 * reading get `-2`, `-3` in reading order.
 *
 * The self-link is an empty `<a>` at the end of the paragraph whose glyph and
 * number come from CSS (`.para-link` in article.css), so it adds no text to
 * what is copied, searched or checked against the source; CSS also numbers
 * it (¶N, the paragraph's ordinal in the article: the locator a citation of
 * it uses). Its accessible name is one constant, which costs the page next to
 * nothing per paragraph.
 */
import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { readingForm } from '../content-model/fidelity.ts';

export const PARAGRAPH_ID_PREFIX = 'p-';

/** The paragraph's text as the reading has it: the note references it carries left out. */
export function paragraphReading(paragraph: Element): string {
  let text = '';
  visit(paragraph, (node) => {
    if (node.type === 'element' && node.properties?.dataPagefindIgnore !== undefined) return SKIP;
    if (node.type === 'text') text += node.value;
  });
  return readingForm(text);
}

/** Six base-36 characters (30 bits) of SHA-1: unique enough within one article, short in the URL. */
export function readingHash(reading: string): string {
  const n = createHash('sha1').update(reading).digest().readUInt32BE(0) >>> 2;
  return n.toString(36).padStart(6, '0');
}

/** The link to a paragraph, shown on hover and focus by CSS. */
export function paragraphLink(id: string): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['para-link'], href: `#${id}`, ariaLabel: '本段链接' },
    children: [],
  };
}

function existingIds(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node) => {
    if (typeof node.properties?.id === 'string') ids.add(node.properties.id);
  });
  return ids;
}

/** Must run after rehype-raw, so raw-HTML paragraphs (captions) and note references are elements. */
export function rehypeParagraphIds() {
  return (tree: Root) => {
    const taken = existingIds(tree);
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'p') return;
      let id = typeof node.properties.id === 'string' ? node.properties.id : undefined;
      if (!id) {
        const base = `${PARAGRAPH_ID_PREFIX}${readingHash(paragraphReading(node))}`;
        id = base;
        for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
        taken.add(id);
        node.properties.id = id;
      }
      node.children.push(paragraphLink(id));
      return SKIP;
    });
  };
}
