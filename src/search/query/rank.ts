/**
 * The order of results. "Relevance" (the default): pages about what the
 * query names (by the article's data: a hospital or province the facet
 * table lists for the page) and pages whose title or a section heading holds
 * every term come first; then pages with more hits; then newest first.
 * "newest" / "oldest" order by the article's date alone.
 */
import type { AnchorRef } from './engine.ts';
import { findHits, type PageText } from './page-text.ts';
import type { QueryTerm } from '../query-terms.ts';

export const SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORTS)[number];

export interface RankedPage {
  id: string;
  /** About what the query names, by the article's data. */
  about: boolean;
  /** Its title or a heading holds every term. */
  titled: boolean;
  /** How many hits the terms have on the page. */
  hits: number;
}

/** Whether the title or a heading holds every term, and how many hits the page has. */
export function pageSignals(page: PageText, anchors: AnchorRef[], title: PageText, terms: QueryTerm[]): Omit<RankedPage, 'id' | 'about'> {
  let hits = 0;
  const inHeading = terms.map(() => false);
  terms.forEach((term, i) => {
    for (const h of findHits(page, term)) {
      hits++;
      if (anchors.some((a) => a.kind === 'heading' && a.first <= h.first && h.last <= a.last)) inHeading[i] = true;
    }
  });
  const titled = terms.every((t) => findHits(title, t, 1).length > 0) || inHeading.every(Boolean);
  return { titled, hits };
}

/**
 * Ids in relevance order. `pages` are in date order, newest first; a page
 * without signals (not loaded) keeps its date order after those with them.
 */
export function rankPages(pages: RankedPage[]): string[] {
  const tier = (p: RankedPage) => (p.about || p.titled ? 1 : 0);
  return pages
    .map((p, i) => ({ p, i }))
    .sort((a, b) => tier(b.p) - tier(a.p) || b.p.hits - a.p.hits || a.i - b.i)
    .map(({ p }) => p.id);
}

/** Ids in the chosen order; `newestFirst` is the index's date order. */
export function orderByDate(newestFirst: string[], sort: SortOrder): string[] {
  return sort === 'oldest' ? [...newestFirst].reverse() : newestFirst;
}
