/**
 * The facet table: every indexed page's filter values (province, hospital,
 * year, measure kind), keyed by its Pagefind id. The index builder writes it
 * (`encodeFacets`: values into the chunk map, pages in slices); the search
 * page filters and counts its results with the slices its results are in.
 */
import { sliceOf } from './slices.ts';

/** Filter groups, in the order the page shows them, with their Chinese labels. */
export const FILTER_GROUPS = [
  { name: 'province', label: '省份' },
  { name: 'hospital', label: '医院' },
  { name: 'year', label: '年份' },
  { name: 'kind', label: '举措类别' },
] as const;
export type FilterName = (typeof FILTER_GROUPS)[number]['name'];

/**
 * The filter values of every indexed page, keyed by its Pagefind id, so the
 * page can filter and count results itself. One Pagefind search per value
 * instead would cost 17 s of main-thread work at 10,000 reports.
 */
export interface FacetTable {
  /** Every value of each group, in the order the page shows them (`facetOrder`). */
  values: Record<string, string[]>;
  /** Each page's values by group (the pages of the slices loaded). */
  pages: Map<string, Record<string, string[]>>;
}

/**
 * The facet table as the index builder writes it: the values of each group
 * once (they go into the chunk map, which every search loads first), and the
 * pages cut into slices by their id, so a query with a few results fetches a
 * few small slices, not every page's values: at 10,000 reports the whole
 * table was 130 KB, the largest file of a first query.
 */
export interface FacetFiles {
  /** Every value of each group, in FILTER_GROUPS order, each group in `facetOrder`. */
  values: Record<string, string[]>;
  /** JSON of each slice: `{ pages: {id: [[value index…] per group]} }`. */
  slices: string[];
}

/** Where slice `i` of the facet table is (gzip of JSON), under the site's base, beside Pagefind's files. */
export const facetSliceFile = (i: number) => `pagefind/facets/${i}.json.gz`;

/** A slice of the facet table as stored. */
export interface FacetSlice {
  pages: Record<string, number[][]>;
}

/**
 * The order the page shows a group's values in: years newest first, names in
 * Chinese (pinyin) collation order. Fixed here, at build time, so the search
 * page needs no collator of its own (making one takes it 10–25 ms).
 */
export function facetOrder(values: Iterable<string>): string[] {
  const collator = new Intl.Collator('zh-Hans-CN');
  const year = /^\d+$/;
  return [...values].sort((a, b) => (year.test(a) && year.test(b) ? Number(b) - Number(a) : collator.compare(a, b)));
}

/**
 * The table of these pages in `slices` slices (`sliceOf` their id): each
 * group's values in `facetOrder`, each page's values as indexes into them.
 */
export function encodeFacets(pages: { id: string; filters: Record<string, string[]> }[], slices = 1): FacetFiles {
  const values: Record<string, string[]> = {};
  const index: Record<string, Map<string, number>> = {};
  for (const { name } of FILTER_GROUPS) {
    values[name] = facetOrder(new Set(pages.flatMap((page) => page.filters[name] ?? [])));
    index[name] = new Map(values[name].map((v, i) => [v, i]));
  }
  const out: FacetSlice[] = Array.from({ length: slices }, () => ({ pages: {} }));
  for (const page of [...pages].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    out[facetSlicesOf([page.id], slices)[0]].pages[page.id] = FILTER_GROUPS.map(({ name }) =>
      (page.filters[name] ?? []).map((v) => index[name].get(v)!),
    );
  }
  return { values, slices: out.map((slice) => JSON.stringify(slice)) };
}

/** The slices of a table cut in `slices` that hold these pages, each once. */
export function facetSlicesOf(ids: Iterable<string>, slices: number): number[] {
  return [...new Set([...ids].map((id) => sliceOf(id, slices)))];
}

/** The facet table of the slices given, with every group's values. */
export function decodeFacets(values: Record<string, string[]>, slices: FacetSlice[]): FacetTable {
  const pages = new Map<string, Record<string, string[]>>();
  for (const slice of slices) {
    for (const [id, groups] of Object.entries(slice.pages)) {
      const own: Record<string, string[]> = {};
      FILTER_GROUPS.forEach(({ name }, g) => (own[name] = (groups[g] ?? []).map((i) => values[name][i])));
      pages.set(id, own);
    }
  }
  return { values, pages };
}

/** Pages that pass the selected filters: any value within a group, every group. */
export function applyFilters(ids: string[], selected: Record<string, string[]>, table: FacetTable, except?: string): string[] {
  const groups = Object.entries(selected).filter(([g, vs]) => g !== except && vs.length > 0);
  if (groups.length === 0) return ids;
  return ids.filter((id) => {
    const own = table.pages.get(id);
    return groups.every(([g, vs]) => vs.some((v) => own?.[g]?.includes(v)));
  });
}

/**
 * Count of results per filter value, as if that value were chosen in its
 * group: other groups' selections apply, the group's own do not (so choosing
 * a second province widens the results by the count shown). One pass over
 * the results a group, whatever the number of values.
 */
export function facetCounts(ids: string[], selected: Record<string, string[]>, table: FacetTable): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const { name } of FILTER_GROUPS) {
    const counts: Record<string, number> = {};
    for (const v of table.values[name] ?? []) counts[v] = 0;
    // A value listed twice on a page counts once: the page it was last counted on is kept, not a set made per page
    // (a broad query in a large archive counts tens of thousands of pages a group).
    const countedOn: Record<string, number> = {};
    applyFilters(ids, selected, table, name).forEach((id, page) => {
      for (const v of table.pages.get(id)?.[name] ?? []) {
        if (countedOn[v] === page) continue;
        countedOn[v] = page;
        counts[v] = (counts[v] ?? 0) + 1;
      }
    });
    out[name] = counts;
  }
  return out;
}

/** Values of a filter group shown at once; more than `FACET_COLLAPSE_ABOVE` and the rest fold away. */
export const FACET_SHOWN = 10;
export const FACET_COLLAPSE_ABOVE = 15;

/**
 * Which of a group's values show at once and which fold behind "其余 N 项":
 * a broad query in a large archive has hundreds of hospitals among its
 * results. The `FACET_SHOWN` with most results show, and every chosen value;
 * both lists keep the order of `values`. A short group shows whole.
 */
export function splitFacetValues(values: string[], counts: Record<string, number>, chosen: string[]): { shown: string[]; rest: string[] } {
  if (values.length <= FACET_COLLAPSE_ABOVE) return { shown: values, rest: [] };
  const top = new Set(
    values
      .map((v, i) => ({ v, i }))
      .sort((a, b) => (counts[b.v] ?? 0) - (counts[a.v] ?? 0) || a.i - b.i)
      .slice(0, FACET_SHOWN)
      .map(({ v }) => v),
  );
  for (const v of chosen) top.add(v);
  return { shown: values.filter((v) => top.has(v)), rest: values.filter((v) => !top.has(v)) };
}
