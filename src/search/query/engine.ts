/**
 * The search page's results without the DOM: which terms a page holds and
 * where, the place a hit links to, and the excerpt around it.
 * `src/browser/search/main.ts` wires it to Pagefind and the page.
 */
import { findHits, type Hit, type PageText } from './page-text.ts';
import { PARAGRAPHS_MARK } from '../content-codec.ts';
import type { QueryTerm } from '../query-terms.ts';

export interface AnchorRef {
  kind: 'section' | 'heading' | 'paragraph';
  first: number;
  last: number;
  id: string;
  section: string;
}

/**
 * The `anchors` meta value written by the index builder (`encodeAnchors`),
 * with the paragraphs from the page's printed file (`encodeParagraphs`).
 */
export function decodeAnchors(value: string | undefined, printed = ''): AnchorRef[] {
  const out: AnchorRef[] = decodeParagraphs(printed);
  if (!value) return out;
  for (const part of value.split(',')) {
    const [kind, first, last, id, section] = part.split(':');
    if (!id || (kind !== 's' && kind !== 'h')) continue;
    out.push({
      kind: kind === 's' ? 'section' : 'heading',
      first: Number(first),
      last: Number(last),
      id: decodeURIComponent(id),
      section: decodeURIComponent(section ?? ''),
    });
  }
  return out.sort((a, b) => a.first - b.first || b.last - a.last);
}

/** Paragraph anchors after `PARAGRAPHS_MARK` in a printed file: `start.length.id`, starts as deltas. */
function decodeParagraphs(printed: string): AnchorRef[] {
  const at = printed.indexOf(PARAGRAPHS_MARK);
  if (at < 0) return [];
  const out: AnchorRef[] = [];
  let first = 0;
  for (const part of printed.slice(at + 1).split(',')) {
    const [delta, length, id] = part.split('.');
    first += parseInt(delta, 36);
    const last = first + parseInt(length, 36);
    if (!id || Number.isNaN(last)) return out;
    out.push({ kind: 'paragraph', first, last, id: decodeURIComponent(id), section: '' });
  }
  return out;
}

/**
 * Where a hit at token `i` is: the innermost section around it, or the last
 * heading before it within that section (the section itself when that
 * heading is the section's own title).
 */
export function anchorFor(anchors: AnchorRef[], i: number): AnchorRef | undefined {
  let section: AnchorRef | undefined;
  for (const a of anchors) if (a.kind === 'section' && a.first <= i && i < a.last) section = a;
  let heading: AnchorRef | undefined;
  for (const a of anchors) {
    if (a.kind !== 'heading' || a.first > i) continue;
    if (a.section !== (section?.id ?? '')) continue;
    heading = a;
  }
  if (heading && (!section || heading.first > section.first)) return heading;
  return section;
}

/**
 * The id a link to a hit at token `i` goes to: the paragraph holding it,
 * else its place (`anchorFor`); undefined for the top of the page.
 */
export function linkFor(anchors: AnchorRef[], i: number): string | undefined {
  const paragraph = anchors.find((a) => a.kind === 'paragraph' && a.first <= i && i < a.last);
  return paragraph?.id ?? anchorFor(anchors, i)?.id;
}

/** Text of an anchor's element (a heading's words; a section's title heading). */
export function anchorTitle(page: PageText, anchors: AnchorRef[], anchor: AnchorRef): string {
  let target = anchor;
  if (anchor.kind === 'section') {
    const title = anchors.find((a) => a.kind === 'heading' && a.section === anchor.id && a.first === anchor.first);
    if (!title) return '';
    target = title;
  }
  const from = page.starts[target.first] ?? page.text.length;
  const to = page.starts[target.last] ?? page.text.length;
  return page.text.slice(from, to).trim();
}

export interface TermHits {
  /** Every hit of every term, ordered by position. */
  hits: Hit[];
  /** False when some term does not occur: the page is not a result. */
  all: boolean;
  /** Index in `hits` of the place to show first: the first hit of the term the page has fewest of. */
  focus: number;
}

export function pageHits(page: PageText, terms: QueryTerm[]): TermHits {
  const hits: Hit[] = [];
  let all = true;
  let rarest: Hit | undefined;
  let fewest = Infinity;
  for (const term of terms) {
    const found = findHits(page, term);
    if (found.length === 0) all = false;
    else if (found.length < fewest) {
      fewest = found.length;
      rarest = found[0];
    }
    hits.push(...found);
  }
  hits.sort((a, b) => a.from - b.from || b.to - a.to);
  return { hits, all, focus: rarest ? hits.indexOf(rarest) : 0 };
}

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Offsets in the page text where a heading starts or ends with no whitespace
 * printed there: excerpts show a space there. Where the page prints
 * whitespace at the edge it is held by a token with any joining punctuation
 * after it (怀 “), and a break at the next token would split “ from its words.
 */
export function headingBreaks(page: PageText, anchors: AnchorRef[]): Set<number> {
  const out = new Set<number>();
  const spaced = (t: number) => {
    const before = page.tokens[t - 1];
    const after = page.tokens[t];
    return /\s/.test(before.text.slice(before.lead + before.size)) || /\s/.test(after.text.slice(0, after.lead));
  };
  for (const a of anchors) {
    if (a.kind !== 'heading') continue;
    for (const t of [a.first, a.last]) if (t > 0 && t < page.starts.length && !spaced(t)) out.add(page.starts[t]);
  }
  return out;
}

/**
 * About `width` characters of the page around a hit, every hit inside marked;
 * `…` where the page text goes on; a space at `breaks` (heading edges), since
 * the indexed text has no whitespace.
 */
export function excerpt(page: PageText, hits: Hit[], focus: Hit, width = 90, breaks: Set<number> = new Set()): ExcerptPart[] {
  const text = page.text;
  const span = focus.to - focus.from;
  // Not across a place where the page shows text the index leaves out (U+2029, `GAP` in page-record.ts).
  const floor = text.lastIndexOf('\u2029', focus.from - 1) + 1;
  const gapAfter = text.indexOf('\u2029', focus.to);
  const ceiling = gapAfter < 0 ? text.length : gapAfter;
  let from = Math.max(floor, focus.from - Math.max(12, Math.floor((width - span) / 3)));
  let to = Math.min(ceiling, Math.max(focus.to, from + width));
  if (to - from < width) from = Math.max(floor, to - width);
  // Never cut a hit at the window's edges.
  for (const h of hits) {
    if (h.from < from && h.to > from) from = h.from;
    if (h.from < to && h.to > to) to = h.to;
  }
  // Do not cut a surrogate pair.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from])) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to])) to++;
  const parts: ExcerptPart[] = [];
  const add = (raw: string, mark: boolean) => {
    const t = raw.replaceAll('\u2029', ' ');
    if (!t) return;
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += t;
    else parts.push({ text: t, mark });
  };
  /** Text from the page starting at `at`, with a space before each break inside it. */
  const push = (t: string, mark: boolean, at = -1) => {
    if (at < 0 || breaks.size === 0) return add(t, mark);
    let last = 0;
    for (let i = 1; i < t.length; i++) {
      if (!breaks.has(at + i)) continue;
      add(`${t.slice(last, i)} `, mark);
      last = i;
    }
    add(t.slice(last), mark);
  };
  if (from > 0) push('…', false);
  let at = from;
  for (const h of hits) {
    if (h.to <= at || h.from >= to) continue;
    const a = Math.max(h.from, at);
    const b = Math.min(h.to, to);
    push(text.slice(at, a), false, at);
    push(text.slice(a, b), true, a);
    at = b;
  }
  push(text.slice(at, to), false, at);
  if (to < text.length) push('…', false);
  return parts;
}
