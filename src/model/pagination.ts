/**
 * The one way a list is split into pages, used by every list page so that no
 * page grows with the archive: a fixed number of entries a page, page 1 at the
 * list's own URL (`/articles/`, so old links keep working) and page n at
 * `<list>page/<n>/`. Lists that group their entries (by year, province,
 * initial, kind) keep one flat order; each page shows the groups its entries
 * fall in, and the group index links to the page where each group starts, as a
 * library catalogue's browse list does. Pure: paths are written without the
 * base path (`href()` adds it).
 */

/** Entries on one page of a list: at 10,000 reports the largest list page stays far below 150 KB. */
export const PER_PAGE = 100;

export interface Page<T> {
  /** 1-based. */
  number: number;
  /** Pages in the list. */
  total: number;
  items: T[];
  /** Index of the page's first entry in the whole list. */
  offset: number;
  /** Entries in the whole list. */
  count: number;
  /** Path of this page, of the previous and of the next (without the base path). */
  path: string;
  prev?: string;
  next?: string;
  /** Path of page n of the same list. */
  pathOf: (n: number) => string;
}

/** Path of page `n` of the list at `listPath` (which ends in `/`): page 1 is the list itself. */
export function pagePath(listPath: string, n: number): string {
  if (!listPath.endsWith('/')) throw new Error(`pagePath: list path "${listPath}" must end with "/"`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`pagePath: page number must be a positive integer, got ${n}`);
  return n === 1 ? listPath : `${listPath}page/${n}/`;
}

/** The value of a `[...page]` route parameter for page `n`: none for page 1, `page/<n>` after it. */
export function pageParam(n: number): string | undefined {
  return n === 1 ? undefined : `page/${n}`;
}

/** Splits `items` into pages of `perPage`; an empty list still has its page 1 (which says it is empty). */
export function paginate<T>(items: readonly T[], listPath: string, perPage = PER_PAGE): Page<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new Error(`paginate: perPage must be a positive integer, got ${perPage}`);
  const total = Math.max(1, Math.ceil(items.length / perPage));
  const pathOf = (n: number) => pagePath(listPath, n);
  return Array.from({ length: total }, (_, i) => ({
    number: i + 1,
    total,
    items: items.slice(i * perPage, (i + 1) * perPage),
    offset: i * perPage,
    count: items.length,
    path: pathOf(i + 1),
    prev: i > 0 ? pathOf(i) : undefined,
    next: i + 1 < total ? pathOf(i + 2) : undefined,
    pathOf,
  }));
}

/** A page number in the page navigation, or a gap (…) between numbers that are not adjacent. */
export type PageLink = number | 'gap';

/** How many consecutive pages make one block of the page navigation. */
export const PAGE_BLOCK = 10;

/**
 * The page numbers the navigation of page `current` shows: the first and last
 * page, the first page of every block of ten, and every page of the current
 * block. Any page is then two clicks from any other, and the navigation has
 * about total/10 + 10 links rather than one per page.
 */
export function pageLinks(current: number, total: number): PageLink[] {
  const shown = new Set<number>([1, total]);
  const blockStart = Math.floor((current - 1) / PAGE_BLOCK) * PAGE_BLOCK + 1;
  for (let n = blockStart; n < blockStart + PAGE_BLOCK && n <= total; n++) shown.add(n);
  for (let n = 1; n <= total; n += PAGE_BLOCK) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  return sorted.flatMap((n, i) => (i > 0 && n - sorted[i - 1] > 1 ? ['gap' as const, n] : [n]));
}

export interface Group<K, T> {
  key: K;
  items: T[];
}

/** Consecutive runs of entries with the same key, in order: the groups a page shows. */
export function groupRuns<K, T>(items: readonly T[], keyOf: (item: T) => K): Group<K, T>[] {
  const out: Group<K, T>[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = out.at(-1);
    if (last && last.key === key) last.items.push(item);
    else out.push({ key, items: [item] });
  }
  return out;
}

/**
 * `getStaticPaths` entries of a paginated route `…/[...page].astro`: one a page, with the route's other
 * `params`, the page as its prop and `props` shared by every page (a group index).
 */
export function pageRoutes<T, P extends Record<string, string> = Record<never, string>, X extends object = Record<never, never>>(
  pages: Page<T>[],
  params: P = {} as P,
  props: X = {} as X,
) {
  return pages.map((page) => ({
    params: { ...params, page: pageParam(page.number) } as P & { page: string | undefined },
    props: { ...props, page },
  }));
}

export interface GroupLink<K> {
  key: K;
  /** Entries of the group in the whole list. */
  count: number;
  /** The page where the group starts, with the group heading's anchor. */
  path: string;
}

/** The group index of a paginated list: each group in list order, its size, and where it starts. */
export function groupIndex<K, T>(pages: readonly Page<T>[], keyOf: (item: T) => K, anchor: (key: K) => string): GroupLink<K>[] {
  const links = new Map<K, GroupLink<K>>();
  for (const page of pages)
    for (const item of page.items) {
      const key = keyOf(item);
      const link = links.get(key);
      if (link) link.count++;
      else links.set(key, { key, count: 1, path: `${page.path}#${anchor(key)}` });
    }
  return [...links.values()];
}
