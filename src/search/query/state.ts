/**
 * The search page's state in its URL: `?q=…`, the chosen filter values,
 * the order (`sort=newest` / `oldest`; relevance when absent), and the view
 * (`view=kwic`, the concordance, with its own order `kwic-sort=`), so a
 * search can be shared, bookmarked and gone back to.
 */
import { FILTER_GROUPS } from '../facets.ts';
import { SORTS, type SortOrder } from './rank.ts';

const FILTER_NAMES = new Set<string>(FILTER_GROUPS.map((g) => g.name));

/** Orders of the concordance's rows (`src/search/query/kwic.ts`); the first is the default. */
export const KWIC_SORTS = ['date', 'left', 'right', 'article'] as const;
export type KwicSort = (typeof KWIC_SORTS)[number];

export interface SearchState {
  q: string;
  filters: Record<string, string[]>;
  sort?: SortOrder;
  /** The concordance instead of the list of pages. */
  view?: 'kwic';
  /** The concordance's order; only with `view`. */
  kwicSort?: KwicSort;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (!FILTER_NAMES.has(key) || !value) continue;
    const list = (filters[key] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  const sort = SORTS.find((s) => s === params.get('sort'));
  const kwic = params.get('view') === 'kwic';
  const kwicSort = KWIC_SORTS.find((s) => s === params.get('kwic-sort'));
  return {
    q: params.get('q') ?? '',
    filters,
    ...(sort && sort !== 'relevance' ? { sort } : {}),
    ...(kwic ? { view: 'kwic' as const } : {}),
    ...(kwic && kwicSort && kwicSort !== KWIC_SORTS[0] ? { kwicSort } : {}),
  };
}

/** `?q=…&province=…`: the query first, then filters in the page's group order, the order, the view. */
export function stateSearch(state: SearchState): string {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const { name } of FILTER_GROUPS) for (const v of state.filters[name] ?? []) params.append(name, v);
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.view === 'kwic') {
    params.set('view', 'kwic');
    if (state.kwicSort && state.kwicSort !== KWIC_SORTS[0]) params.set('kwic-sort', state.kwicSort);
  }
  return `?${params.toString()}`;
}

export function hasFilters(state: SearchState): boolean {
  return Object.values(state.filters).some((v) => v.length > 0);
}
