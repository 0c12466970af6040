/**
 * The search page's state in its URL: `?q=…`, the chosen filter values and
 * the order (`sort=newest` / `oldest`; relevance when absent),
 * so a search can be shared, bookmarked and gone back to.
 */
import { FILTER_GROUPS } from '../facets.ts';
import { SORTS, type SortOrder } from './rank.ts';

const FILTER_NAMES = new Set<string>(FILTER_GROUPS.map((g) => g.name));

export interface SearchState {
  q: string;
  filters: Record<string, string[]>;
  sort?: SortOrder;
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
  return { q: params.get('q') ?? '', filters, ...(sort && sort !== 'relevance' ? { sort } : {}) };
}

/** `?q=…&province=…`: the query first, then filters in the page's group order. */
export function stateSearch(state: SearchState): string {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const { name } of FILTER_GROUPS) for (const v of state.filters[name] ?? []) params.append(name, v);
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  return `?${params.toString()}`;
}

export function hasFilters(state: SearchState): boolean {
  return Object.values(state.filters).some((v) => v.length > 0);
}
