/**
 * Results in relevance order (src/search/query/rank.ts). "About" comes from
 * the names table (the pages about the thing a term names, by the archive's
 * data); title, headings and hits from each page's text, when there are few
 * enough results to load them all.
 */
import type { NamedEntity } from '../../search/names.ts';
import { pageSignals, rankPages, type RankedPage } from '../../search/query/rank.ts';
import { isExact, type QueryTerm } from '../../search/query-terms.ts';
import { pageText } from '../../search/query/page-text.ts';
import { tokenize, type Fold } from '../../search/tokenizer.ts';
import { PAGE_SIZE } from './options.ts';
import type { PagefindResult } from './pagefind.ts';
import { keysOf, load } from './pages.ts';

/** Up to this many results are all loaded to rank them by their text; beyond it only the articles' data ranks them. */
const RANK_BY_TEXT_MAX = 30;

export async function rankResults(
  ids: string[],
  terms: QueryTerm[],
  named: Map<QueryTerm, NamedEntity>,
  byId: Map<string, PagefindResult>,
  fold: Fold,
): Promise<string[]> {
  const aboutIds = new Set([...named.values()].flatMap((e) => e.about ?? []));
  const about = (id: string) => aboutIds.has(id);
  if (ids.length > RANK_BY_TEXT_MAX) return rankPages(ids.map((id) => ({ id, about: about(id), titled: false, hits: 0 })));
  const results = ids.map((id) => byId.get(id)!);
  // When not every result is shown, plain terms are decided and counted on the keys: pages are ranked without their printed text, which only the shown ones need.
  const keysDecide = ids.length > PAGE_SIZE && terms.every((t) => isExact(t) && !t.alternatives);
  const pages = await Promise.all(results.map((r) => (keysDecide ? keysOf(r) : load(r))));
  const ranked: RankedPage[] = ids.map((id, i) => {
    const item = pages[i];
    return {
      id,
      about: about(id),
      ...pageSignals(item.page, item.anchors, pageText(tokenize(item.fragment.meta.title ?? '', fold)), terms),
    };
  });
  return rankPages(ranked);
}
