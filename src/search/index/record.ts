/**
 * One built page as a Pagefind custom record: its words are the page's
 * tokens (`src/search/tokenizer.ts`), so the index holds exactly the text
 * the page shows and nothing Pagefind's word breaker or stemmer could change.
 */
import { encodeContent, encodePrinted, PARAGRAPHS_MARK } from '../content-codec.ts';
import { searchFormChars, tokenizeChars, type Fold, type Token } from '../tokenizer.ts';
import type { Anchor, PageSource } from './page-record.ts';

/** A language Pagefind neither segments nor stems: the words are our tokens. */
export const SEARCH_LANGUAGE = 'und';

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  sort: Record<string, string>;
}

/** First token at or after a text offset. */
function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].at < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Anchors as one whitespace-free meta value (Pagefind indexes meta words; a
 * result that matched only there is discarded by the search page):
 * `kind:first:last:id:section` per anchor, token ranges, ids URI-encoded.
 */
export function encodeAnchors(anchors: Anchor[], tokens: Token[]): string {
  return anchors
    .filter((a) => a.kind !== 'paragraph')
    .map((a) => {
      const first = tokenAt(tokens, a.start);
      const last = tokenAt(tokens, a.end);
      return [a.kind === 'section' ? 's' : 'h', first, last, encodeURIComponent(a.id), encodeURIComponent(a.section ?? '')].join(':');
    })
    .join(',');
}

/**
 * Paragraph anchors, for the printed file (`PARAGRAPHS_MARK`) rather than the
 * meta: their ids would each be a new word in Pagefind's index. Per paragraph
 * `start.length.id`, the start a base-36 token delta from the previous
 * paragraph's, comma-separated.
 */
export function encodeParagraphs(anchors: Anchor[], tokens: Token[]): string {
  let previous = 0;
  return anchors
    .filter((a) => a.kind === 'paragraph')
    .map((a) => {
      const first = tokenAt(tokens, a.start);
      const delta = first - previous;
      previous = first;
      return [delta.toString(36), (tokenAt(tokens, a.end) - first).toString(36), encodeURIComponent(a.id)].join('.');
    })
    .join(',');
}

/** A page's printed file: its printed text (`encodePrinted`), then its paragraph anchors if it has any. */
export function printedText(page: PageSource, tokens: Token[]): string {
  const paragraphs = encodeParagraphs(page.anchors, tokens);
  return paragraphs ? `${encodePrinted(tokens)}${PARAGRAPHS_MARK}${paragraphs}` : encodePrinted(tokens);
}

/**
 * Filters go to the facet table (`src/search/facets.ts`), not to Pagefind:
 * the page filters and counts results from it in one pass, and Pagefind's
 * index stays smaller.
 */
export function buildRecord(page: PageSource, url: string, fold: Fold): SearchRecord {
  const tokens = tokenizeChars(searchFormChars(page.text, fold));
  return {
    url,
    content: encodeContent(tokens),
    language: SEARCH_LANGUAGE,
    meta: { ...page.meta, title: page.title, anchors: encodeAnchors(page.anchors, tokens) },
    // Pagefind drops pages without the sort key from sorted results: every page gets one.
    sort: { date: '', ...page.sort },
  };
}
