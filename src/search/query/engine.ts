/**
 * The search page's logic without the DOM: the URL state, combining the
 * per-term result lists, facet counts, the place a hit links to, and the
 * excerpt around it. `src/browser/search.ts` wires it to Pagefind and the page.
 */
import { findHits, type Hit, type PageText, type QueryTerm } from '../tokenizer.ts';

/** Filter groups, in the order the page shows them, with their Chinese labels. */
export const FILTER_GROUPS = [
  { name: 'province', label: '省份' },
  { name: 'hospital', label: '医院' },
  { name: 'year', label: '年份' },
  { name: 'kind', label: '举措类别' },
] as const;
export type FilterName = (typeof FILTER_GROUPS)[number]['name'];
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

/** Ids present in every list, in the first list's order. */
export function intersectOrdered(lists: string[][]): string[] {
  if (lists.length === 0) return [];
  const rest = lists.slice(1).map((l) => new Set(l));
  return lists[0].filter((id) => rest.every((s) => s.has(id)));
}

/**
 * The filter values of every indexed page, keyed by its Pagefind id, so the
 * page can filter and count results itself. Asking Pagefind once per value
 * cost a search per hospital: 17 s of main-thread work at 10,000 reports.
 */
export interface FacetTable {
  /** Every value of each group (order as written; the page sorts them). */
  values: Record<string, string[]>;
  /** Each page's values by group. */
  pages: Map<string, Record<string, string[]>>;
}

/** Where the index builder writes the facet table (gzip of `encodeFacets`), under the site's base, beside Pagefind's files. */
export const FACETS_FILE = 'pagefind/facets.json.gz';

/**
 * The table as compact JSON: `{ values: {group: [value…]}, pages: {id: [[index…] per group]} }`,
 * groups in FILTER_GROUPS order, values by first appearance.
 */
export function encodeFacets(pages: { id: string; filters: Record<string, string[]> }[]): string {
  const values: Record<string, string[]> = {};
  const index: Record<string, Map<string, number>> = {};
  for (const { name } of FILTER_GROUPS) {
    values[name] = [];
    index[name] = new Map();
  }
  const encoded: Record<string, number[][]> = {};
  for (const page of [...pages].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    encoded[page.id] = FILTER_GROUPS.map(({ name }) =>
      (page.filters[name] ?? []).map((v) => {
        let i = index[name].get(v);
        if (i === undefined) index[name].set(v, (i = values[name].push(v) - 1));
        return i;
      }),
    );
  }
  return JSON.stringify({ values, pages: encoded });
}

export function decodeFacets(json: string): FacetTable {
  const raw = JSON.parse(json) as { values: Record<string, string[]>; pages: Record<string, number[][]> };
  const pages = new Map<string, Record<string, string[]>>();
  for (const [id, groups] of Object.entries(raw.pages)) {
    const own: Record<string, string[]> = {};
    FILTER_GROUPS.forEach(({ name }, g) => (own[name] = (groups[g] ?? []).map((i) => raw.values[name][i])));
    pages.set(id, own);
  }
  return { values: raw.values, pages };
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
    for (const id of applyFilters(ids, selected, table, name)) {
      for (const v of new Set(table.pages.get(id)?.[name] ?? [])) counts[v] = (counts[v] ?? 0) + 1;
    }
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

export interface AnchorRef {
  kind: 'section' | 'heading';
  first: number;
  last: number;
  id: string;
  section: string;
}

/** The `anchors` meta value written by the index builder (`encodeAnchors`). */
export function decodeAnchors(value: string | undefined): AnchorRef[] {
  if (!value) return [];
  const out: AnchorRef[] = [];
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
  return page.text.slice(from, to);
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

/** Offsets in the page text where a heading starts or ends: excerpts show a space there. */
export function headingBreaks(page: PageText, anchors: AnchorRef[]): Set<number> {
  const out = new Set<number>();
  for (const a of anchors) {
    if (a.kind !== 'heading') continue;
    for (const t of [a.first, a.last]) if (t > 0 && t < page.starts.length) out.add(page.starts[t]);
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
  let from = Math.max(0, focus.from - Math.max(12, Math.floor((width - span) / 3)));
  let to = Math.min(text.length, Math.max(focus.to, from + width));
  if (to - from < width) from = Math.max(0, to - width);
  // Never cut a hit at the window's edges.
  for (const h of hits) {
    if (h.from < from && h.to > from) from = h.from;
    if (h.from < to && h.to > to) to = h.to;
  }
  // Do not cut a surrogate pair.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from])) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to])) to++;
  const parts: ExcerptPart[] = [];
  const add = (t: string, mark: boolean) => {
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
      add(t.slice(last, i) + ' ', mark);
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
