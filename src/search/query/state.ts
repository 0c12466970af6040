/**
 * The search page's state in its URL: `?q=…` and the chosen filter values,
 * so a search can be shared, bookmarked and gone back to.
 */
import { FILTER_GROUPS } from '../facets.ts';

const FILTER_NAMES = new Set<string>(FILTER_GROUPS.map((g) => g.name));

export interface SearchState {
  q: string;
  filters: Record<string, string[]>;
}

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const [key, value] of params) {
    if (!FILTER_NAMES.has(key) || !value) continue;
    const list = (filters[key] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  return { q: params.get('q') ?? '', filters };
}

/** `?q=…&province=…`: the query first, then filters in the page's group order. */
export function stateSearch(state: SearchState): string {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const { name } of FILTER_GROUPS) for (const v of state.filters[name] ?? []) params.append(name, v);
  return `?${params.toString()}`;
}

export function hasFilters(state: SearchState): boolean {
  return Object.values(state.filters).some((v) => v.length > 0);
}
