/**
 * The search page: reads `?q=` and filters from the URL, asks Pagefind for
 * each term as an exact phrase of tokens (`src/search/tokenizer.ts`), keeps
 * the pages every term found, and renders them with excerpts and deep links.
 * Pagefind runs on the main thread in a small archive and in its worker in
 * a large one (`src/search/worker.ts`); the Traditional → Simplified table
 * loads only for queries that need it.
 *
 * Page contract (../shared/search-eval): `[data-search-results]` gets
 * `data-state="done"` once this query's results are in the DOM; results are
 * `a[data-result]`; `[data-search-more]` shows more.
 */
import {
  MAX_QUERY_LENGTH,
  decodeContent,
  tokenize,
  identityFold,
  isExact,
  pageText,
  pagefindPhrase,
  parseQuery,
  type Fold,
  type PageText,
  type QueryTerm,
} from '../search/tokenizer.ts';
import { foldWith, mayNeedFold } from '../search/t2s.ts';
import {
  FILTER_GROUPS,
  applyFilters,
  decodeFacets,
  facetCounts,
  facetSliceFile,
  facetSlicesOf,
  splitFacetValues,
  type FacetSlice,
  type FacetTable,
} from '../search/facets.ts';
import { hasFilters, readState, stateSearch, type SearchState } from '../search/query/state.ts';
import { anchorFor, anchorTitle, decodeAnchors, excerpt, linkFor, pageHits, type AnchorRef } from '../search/query/engine.ts';
import { CHUNKS_FILE, type ChunkMap } from '../search/chunk-map.ts';
import type { PlanRun } from '../search/query/run-plan.ts';
import { intersectOrdered } from '../search/query/intersect.ts';
import { decodeFragment, fragmentFile, type PagefindFragment } from '../search/query/fragment.ts';
import { joinBase } from '../model/urls.ts';
import {
  entityNamed,
  EXPANDING_KINDS,
  mergeSlices,
  nameListFile,
  nameSliceKey,
  namesSliceFile,
  type NamedEntity,
  type NameList,
  type NamesTable,
} from '../search/names.ts';
import { sliceOf } from '../search/slices.ts';
import { pairPagesIn, PAGES_PER_SLICE, pageSliceFile, pairKey, pairSliceFile, pairSliceOf } from '../search/pairs.ts';
import { orderByDate, pageSignals, rankPages, type RankedPage } from '../search/query/rank.ts';

/** Up to this many results are all loaded to rank them by their text; beyond it only the articles' data ranks them. */
const RANK_BY_TEXT_MAX = 30;

interface PagefindResult {
  id: string;
  matchedMetaFields?: string[];
  data: () => Promise<PagefindFragment>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

const BASE = import.meta.env.BASE_URL;
/** Results shown at a time; `?per=` (1–50) overrides it, e.g. for tests of "more". */
const PAGE_SIZE = Math.min(50, Math.max(1, Number(new URLSearchParams(location.search).get('per')) || 10));
/** Pagefind in its worker, as the page was built for the archive's size; `?worker=on|off` overrides it, e.g. for tests. */
const USE_WORKER =
  (new URLSearchParams(location.search).get('worker') ?? (document.querySelector('[data-search-worker]') ? 'on' : 'off')) === 'on';
/** Sections listed under a result besides the first hit's. */
const MORE_PLACES = 2;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const results = document.querySelector<HTMLElement>('[data-search-results]')!;
const list = results.querySelector<HTMLOListElement>('[data-search-list]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
const retry = document.querySelector<HTMLButtonElement>('[data-search-retry]')!;
const sortSelect = document.querySelector<HTMLSelectElement>('[data-search-sort]')!;
const facets = document.querySelector<HTMLElement>('[data-search-facets]')!;
const headerInput = document.querySelector<HTMLInputElement>('#site-search-q');
const views = document.querySelector<HTMLElement>('[data-search-views]')!;

/** How long a search may wait for the index before the page says it failed (the reader is told within 10 s). */
const INDEX_TIMEOUT_MS = 8000;

let pagefindLoad: Promise<Pagefind> | undefined;
function pagefind(): Promise<Pagefind> {
  pagefindLoad ??= (async () => {
    const pf = (await import(/* @vite-ignore */ joinBase(BASE, 'pagefind/pagefind.js'))) as Pagefind;
    // In a large archive Pagefind works in its worker, off the main thread (src/search/worker.ts).
    await pf.options({ noWorker: !USE_WORKER, baseUrl: BASE });
    await pf.init();
    return pf;
  })();
  return pagefindLoad;
}

class IndexTimeout extends Error {}

/** The promise, or an `IndexTimeout` when it takes longer than `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new IndexTimeout()), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

let foldLoad: Promise<Fold> | undefined;
function foldFor(query: string): Promise<Fold> {
  if (!mayNeedFold(query)) return Promise.resolve(identityFold);
  foldLoad ??= import('../search/t2s-table.ts').then((m) => foldWith(m.t2sTable()));
  return foldLoad;
}

/** A gzipped file the index builder wrote. A host may already have undone the gzip (Content-Encoding): only a gzip stream is inflated here. */
async function fetchGzip(path: string): Promise<Response> {
  const response = await fetch(joinBase(BASE, path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  // The bytes in hand as a stream: a Blob would cost a round trip to the browser's blob registry per file.
  return new Response(gzipped ? new Response(bytes).body!.pipeThrough(new DecompressionStream('gzip')) : bytes);
}
const fetchGzipText = (path: string) => fetchGzip(path).then((r) => r.text());

/** Each slice of the pair table and the page table, fetched once (src/search/pairs.ts). */
const pairSlices = new Map<number, Promise<Uint8Array>>();
const pageSlices = new Map<number, Promise<string[]>>();
function cached<T>(cache: Map<number, Promise<T>>, i: number, get: () => Promise<T>): Promise<T> {
  let p = cache.get(i);
  if (!p) cache.set(i, (p = get()));
  return p;
}

/** A pair's page numbers (newest first) from the pair table. */
async function pairNumbers(pair: string, slices: number): Promise<number[]> {
  const i = pairSliceOf(pair, slices);
  const slice = await cached(pairSlices, i, () => fetchGzip(pairSliceFile(i)).then(async (r) => new Uint8Array(await r.arrayBuffer())));
  return pairPagesIn(slice, pair);
}

/** Pagefind ids of page numbers, by the page table's slices they are in (fetched together: a broad pair needs all). */
async function idsOfNumbers(numbers: number[]): Promise<string[]> {
  const wanted = [...new Set(numbers.map((n) => Math.floor(n / PAGES_PER_SLICE)))];
  const tables = await Promise.all(wanted.map((part) => cached(pageSlices, part, () => tableJson<string[]>(pageSliceFile(part)))));
  const parts = new Map(wanted.map((part, i) => [part, tables[i]]));
  return numbers.map((n) => parts.get(Math.floor(n / PAGES_PER_SLICE))![n % PAGES_PER_SLICE]);
}

/**
 * The filter values of these pages: the facet slices they are in. Throws
 * when a slice cannot be had, so no count or filter is taken from part of
 * the results.
 */
async function facetsOf(ids: string[]): Promise<FacetTable> {
  const map = await chunkMap();
  // Without a count in the chunk map, slice 0 is asked for and is missing.
  const wanted = facetSlicesOf(ids, map?.facetSlices || 1);
  const slices = await slicesOf<FacetSlice>(facetSliceFile, wanted);
  if (!map?.facetValues || slices.length < wanted.length) throw new Error('facets');
  return decodeFacets(map.facetValues, slices);
}

/** A page's fragment from its file, as Pagefind's `data()` gives it (src/search/query/fragment.ts). */
async function fetchFragment(id: string): Promise<PagefindFragment> {
  const file = fragmentFile(id);
  return decodeFragment(await fetchGzipText(file), file);
}

/** A page found by the project's own tables, as a result whose fragment the page reads itself. */
const ownResult = (id: string): PagefindResult => ({ id, data: () => fetchFragment(id) });

/** A JSON table: from the chunk map when it rides there (a small table: `inline`), else its file. */
async function tableJson<T>(file: string): Promise<T> {
  const inline = file === CHUNKS_FILE ? undefined : (await chunkMap())?.inline?.[file];
  return inline !== undefined ? (inline as T) : (JSON.parse(await fetchGzipText(file)) as T);
}

/** A JSON table the search can do without, fetched on first use and once; undefined when it cannot be had. */
function optionalTable<T>(file: string): () => Promise<T | undefined> {
  let load: Promise<T | undefined> | undefined;
  return () => (load ??= tableJson<T>(file).catch(() => undefined));
}

/** What each index chunk costs; without it every term is looked up whole. */
const chunkMap = optionalTable<ChunkMap>(CHUNKS_FILE);
const sliceLoads = new Map<string, () => Promise<unknown>>();
/** Slices `wanted` of a sliced table (`file(i)`), each fetched once; those that cannot be had are left out. */
async function slicesOf<T>(file: (i: number) => string, wanted: Iterable<number>): Promise<T[]> {
  const parts = await Promise.all(
    [...new Set(wanted)].map((i) => {
      const path = file(i);
      if (!sliceLoads.has(path)) sliceLoads.set(path, optionalTable<T>(path));
      return sliceLoads.get(path)!() as Promise<T | undefined>;
    }),
  );
  return parts.filter((part) => part !== undefined);
}

/**
 * The named things that may be what these terms name: the slices of the
 * names table their keys fall in, merged. Without a names table every term
 * is searched as typed.
 */
async function namesFor(terms: QueryTerm[]): Promise<NamesTable | undefined> {
  const slices = (await chunkMap())?.nameSlices ?? 0;
  if (slices === 0) return undefined;
  return mergeSlices(
    await slicesOf<NamesTable>(
      namesSliceFile,
      terms.map((t) => sliceOf(nameSliceKey(t.keys), slices)),
    ),
  );
}

/** The names readers are offered that start with one of these keys (the name list's slices). */
async function listedNames(firstKeys: Iterable<string>): Promise<NameList['names']> {
  const slices = (await chunkMap())?.nameListSlices ?? 0;
  if (slices === 0) return [];
  const parts = await slicesOf<NameList>(
    nameListFile,
    [...firstKeys].map((key) => sliceOf(key, slices)),
  );
  return parts.flatMap((part) => part.names);
}

/**
 * Terms that name a hospital or person become all of its names
 * (`alternatives`); returns the entity each term names, by term.
 */
function resolveNames(terms: QueryTerm[], table: NamesTable | undefined, fold: Fold): Map<QueryTerm, NamedEntity> {
  const named = new Map<QueryTerm, NamedEntity>();
  if (!table) return named;
  for (const term of terms) {
    if (term.punct || term.lead || term.trail) continue;
    const found = entityNamed(table, term.keys, fold);
    if (!found) continue;
    if (EXPANDING_KINDS.has(found.entity.kind)) term.alternatives = found.names;
    named.set(term, found.entity);
  }
  return named;
}

/**
 * Results in relevance order (src/search/query/rank.ts). "About" comes from
 * the names table (the pages about the thing a term names, by the archive's
 * data); title, headings and hits from each page's text, when there are few
 * enough results to load them all.
 */
async function rankResults(
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

/** The offers of an empty result (src/browser/search-offers.ts), before the results. */
async function showSuggestions(q: string, terms: QueryTerm[], fold: Fold, my: number) {
  const box = await (await import('./search-offers.ts')).emptyResultOffers({
    q,
    terms,
    fold,
    base: BASE,
    listedNames,
    pagesAlone: (term) =>
      findPages([term], new Map(), my).then(
        (alone) => alone?.plan.ids.length,
        () => undefined,
      ),
    isCurrent: () => my === run,
  });
  if (box) results.prepend(box);
}

interface Loaded {
  fragment: PagefindFragment;
  page: PageText;
  anchors: AnchorRef[];
}
const loaded = new Map<string, Promise<Loaded>>();
const fragments = new Map<string, Promise<PagefindFragment>>();
/** A result's fragment, fetched once whether the check or the display asks first. */
function fragmentOf(result: PagefindResult): Promise<PagefindFragment> {
  let p = fragments.get(result.id);
  if (!p) fragments.set(result.id, (p = result.data()));
  return p;
}
/**
 * Lets the page handle input and paint before the next piece of work: pages
 * are decoded one task each, not all in the task their files arrived in
 * (where the browser has no `scheduler.yield`, they are).
 */
const yieldToPage = () => (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.();

function load(result: PagefindResult): Promise<Loaded> {
  let p = loaded.get(result.id);
  if (!p) {
    p = fragmentOf(result).then(async (fragment) => {
      await yieldToPage();
      // Without its printed text (an index built without it) a page still shows, in its search form.
      const printedText = fragment.printed ?? '';
      const page = pageText(decodeContent(fragment.content, printedText));
      const anchors = decodeAnchors(fragment.meta.anchors, printedText);
      return { fragment, page, anchors };
    });
    loaded.set(result.id, p);
  }
  return p;
}

/**
 * A candidate's text for the check on its text: its keys, without the
 * printed text decoded onto them; only punctuation at a term's edge needs
 * that (what stands beside a key on the page).
 */
function textToCheck(result: PagefindResult, terms: QueryTerm[]): Promise<PageText> {
  if (loaded.has(result.id) || !terms.every(isExact)) return load(result).then((item) => item.page);
  return keysOf(result).then((item) => item.page);
}

/** A result decoded without its printed text: its keys, which decide and count plain terms. */
function keysOf(result: PagefindResult): Promise<Loaded> {
  return fragmentOf(result).then(async (fragment) => {
    await yieldToPage();
    return { fragment, page: pageText(decodeContent(fragment.content)), anchors: decodeAnchors(fragment.meta.anchors) };
  });
}

function setText(el: HTMLElement, text: string) {
  el.textContent = text;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * An excerpt: the page's printed text with hits marked, in an element
 * (`data-result-excerpt`) that holds only the page's own characters; the
 * ellipses that say the text goes on stand outside it.
 */
function excerptElement(loadedPage: Loaded, focusIndex: number, hits: ReturnType<typeof pageHits>['hits']): HTMLElement {
  const parts = excerpt(loadedPage.page, hits, hits[focusIndex], 90);
  const cut = (at: number, edge: 'start' | 'end') => {
    const part = parts[at];
    if (!part || part.mark) return false;
    const has = edge === 'start' ? part.text.startsWith('…') : part.text.endsWith('…');
    if (has) part.text = edge === 'start' ? part.text.slice(1) : part.text.slice(0, -1);
    return has;
  };
  const before = cut(0, 'start');
  const after = cut(parts.length - 1, 'end');
  const p = element('p', 'search-excerpt');
  const own = element('span');
  own.dataset.resultExcerpt = '';
  for (const part of parts) {
    if (part.mark) own.append(element('mark', undefined, part.text));
    else if (part.text) own.append(document.createTextNode(part.text));
  }
  p.append(...(before ? ['…'] : []), own, ...(after ? ['…'] : []));
  return p;
}

/** One result, or null when the page does not hold every term after all. */
function renderResult(item: Loaded, terms: QueryTerm[]): HTMLLIElement | null {
  const { hits, all, focus } = pageHits(item.page, terms);
  if (!all || hits.length === 0) return null;
  const url = joinBase(BASE, item.fragment.raw_url ?? item.fragment.url);
  const placeOf = (i: number) => anchorFor(item.anchors, hits[i].first);
  const first = placeOf(focus);

  const li = element('li', 'search-result');
  const h = element('h2', 'search-result-title');
  const a = element('a', undefined, item.fragment.meta.title || url);
  const target = linkFor(item.anchors, hits[focus].first);
  a.href = target ? `${url}#${target}` : url;
  a.dataset.result = '';
  h.append(a);
  li.append(h, excerptElement(item, focus, hits));

  // Other sections with hits, each linked where its first hit is.
  const seen = new Set([first?.id ?? '']);
  const places: { anchor: AnchorRef; index: number }[] = [];
  for (let i = 0; i < hits.length && places.length < MORE_PLACES; i++) {
    if (i === focus) continue;
    const anchor = placeOf(i);
    if (!anchor || seen.has(anchor.id)) continue;
    seen.add(anchor.id);
    places.push({ anchor, index: i });
  }
  const summary = element(
    'p',
    'search-result-count',
    `共 ${hits.length} 处${first ? `，摘录出自“${anchorTitle(item.page, item.anchors, first) || '正文'}”` : ''}`,
  );
  li.append(summary);
  if (places.length > 0) {
    const ul = element('ul', 'search-result-places');
    for (const { anchor, index } of places) {
      const sub = element('li');
      const link = element('a', undefined, anchorTitle(item.page, item.anchors, anchor) || '正文');
      link.href = `${url}#${linkFor(item.anchors, hits[index].first) ?? anchor.id}`;
      sub.append(link, excerptElement(item, index, hits));
      ul.append(sub);
    }
    li.append(ul);
  }
  return li;
}

let run = 0;
let shown: PagefindResult[] = [];
let pending: PagefindResult[] = [];
let currentTerms: QueryTerm[] = [];
let total = 0;
let currentState: SearchState = { q: '', filters: {} };

function setDone(done: boolean) {
  results.dataset.state = done ? 'done' : 'loading';
  results.setAttribute('aria-busy', done ? 'false' : 'true');
}

/** The index could not be used: say why, offer a retry (a fresh load of the page: the URL holds the search), never leave a spinner. */
function showFailure(state: SearchState, error: unknown) {
  const why = !navigator.onLine
    ? '网络已断开'
    : error instanceof IndexTimeout
      ? `${INDEX_TIMEOUT_MS / 1000} 秒内没有载入`
      : '索引文件缺失或损坏';
  setText(status, `搜索暂时无法使用：未能载入搜索索引（${why}）。${state.q ? `查询为“${state.q}”。` : ''}可以点“重试”再试一次。`);
  results.dataset.state = 'error';
  results.setAttribute('aria-busy', 'false');
  more.hidden = true;
  retry.hidden = false;
}

function describe(state: SearchState, count: number | null, note = ''): string {
  const shownQuery = state.q.trim();
  const q = `“${shownQuery.length > 60 ? `${shownQuery.slice(0, 60)}…` : shownQuery}”`;
  const filtered = hasFilters(state) ? '（已筛选）' : '';
  if (count === null) return note;
  if (count === 0) return `没有找到包含${q}的页面${filtered}。${note}`;
  return `${q}：找到 ${count} 篇${filtered}。${note}`;
}

/** Renders the next page of results; drops any that fail the check on their text. */
async function showMore(my: number): Promise<HTMLLIElement[]> {
  const batch = pending.splice(0, PAGE_SIZE);
  const items = await Promise.all(batch.map(load));
  if (my !== run) return [];
  const added: HTMLLIElement[] = [];
  batch.forEach((result, i) => {
    const li = renderResult(items[i], currentTerms);
    if (!li) {
      total--;
      return;
    }
    shown.push(result);
    list.append(li);
    added.push(li);
  });
  more.hidden = pending.length === 0;
  return added;
}

/** The filters with their counts, each group's values in the order the index gives them (src/search/facets.ts `facetOrder`). */
function renderFacets(counts: Record<string, Record<string, number>>, order: Record<string, string[]>, state: SearchState) {
  // The reader keeps their place: the filter that had focus has it again after the redraw, and an opened "其余" stays open.
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && facets.contains(active) ? active.id : undefined;
  const opened = new Set([...facets.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.dataset.group));
  facets.replaceChildren();
  for (const { name, label } of FILTER_GROUPS) {
    const all = order[name] ?? [];
    const place = new Map(all.map((v, i) => [v, i]));
    const chosen = state.filters[name] ?? [];
    // Values with no result here are left out, unless chosen (so they can be unchosen).
    const values = all.filter((v) => counts[name][v] > 0 || chosen.includes(v));
    if (values.length === 0) continue;
    // Ids by place among all of the group's values, so they stay the same from one search to the next.
    const idOf = (value: string) => `facet-${name}-${place.get(value)}`;
    const row = (value: string) => {
      const id = idOf(value);
      const div = element('div', 'search-facet-value');
      const box = element('input');
      box.type = 'checkbox';
      box.id = id;
      box.name = name;
      box.value = value;
      box.checked = chosen.includes(value);
      const labelEl = element('label', undefined, `${value}（${counts[name][value]}）`);
      labelEl.htmlFor = id;
      div.append(box, labelEl);
      return div;
    };
    const fieldset = element('fieldset', 'search-facet');
    fieldset.append(element('legend', undefined, label));
    const { shown, rest } = splitFacetValues(values, counts[name], chosen);
    fieldset.append(...shown.map(row));
    if (rest.length > 0) {
      const more = element('details', 'search-facet-more');
      more.dataset.group = name;
      more.open = opened.has(name) || rest.some((v) => idOf(v) === focused);
      more.append(element('summary', undefined, `其余 ${rest.length} 项`), ...rest.map(row));
      fieldset.append(more);
    }
    facets.append(fieldset);
  }
  facets.hidden = facets.childElementCount === 0;
  if (focused) document.getElementById(focused)?.focus();
}

/** The 结果 / 语境 switch: links carrying the search; the results' order shows only with the results. */
function showViewSwitch(state: SearchState) {
  for (const a of views.querySelectorAll<HTMLAnchorElement>('a[data-search-view]')) {
    const kwic = a.dataset.searchView === 'kwic';
    a.href = stateSearch({ ...state, view: kwic ? 'kwic' : undefined });
    if (kwic === (state.view === 'kwic')) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  sortSelect.parentElement!.hidden = state.view === 'kwic';
}

/** Clears the previous results and shows the query in the form, the header and the title. */
function startView(state: SearchState) {
  setDone(false);
  list.replaceChildren();
  for (const card of results.querySelectorAll('[data-search-entity], [data-search-suggestions], [data-kwic]')) card.remove();
  more.hidden = true;
  retry.hidden = true;
  shown = [];
  pending = [];
  input.value = state.q;
  sortSelect.value = state.sort ?? 'relevance';
  showViewSwitch(state);
  if (headerInput) headerInput.value = state.q;
  document.title = state.q.trim() ? `${state.q.trim().slice(0, 40)}｜搜索｜医院党建报道档案` : '搜索｜医院党建报道档案';
}

/**
 * The index's answer to each phrase: a pair from the pair table when the
 * archive has one, anything else from Pagefind (started only then). Every
 * page found is kept by id, for loading its fragment later.
 */
function indexLookUp(found: Map<string, PagefindResult>, pairTable: number) {
  const keep = (ids: string[]) => {
    for (const id of ids) if (!found.has(id)) found.set(id, ownResult(id));
    return ids;
  };
  const fromPagefind = async (keys: string[]) => {
    const pf = await pagefind();
    // A punctuation-only term may stand where no key holds it: every page is a candidate, its text decides.
    const r = await pf.search(keys.length ? pagefindPhrase(keys) : null, { sort: { date: 'desc' } });
    // A page found only through its meta data (title, anchors) does not hold the term in its text.
    const own = (r?.results ?? []).filter((x) => !x.matchedMetaFields?.length);
    for (const x of own) if (!found.has(x.id)) found.set(x.id, x);
    return own.map((x) => x.id);
  };
  return (phrases: string[][]) =>
    Promise.all(
      phrases.map((keys) =>
        pairTable > 0 && keys.length === 2
          ? pairNumbers(pairKey(keys[0], keys[1]), pairTable).then(idsOfNumbers).then(keep)
          : fromPagefind(keys),
      ),
    );
}

/**
 * Every page that holds the query (src/search/query/run-plan.ts), with each
 * one's Pagefind result. A term that names a hospital holds on the pages the
 * names table lists for it (any of its names, decided at build time).
 */
async function findPages(
  terms: QueryTerm[],
  named: Map<QueryTerm, NamedEntity>,
  my: number,
): Promise<{ plan: PlanRun; byId: Map<string, PagefindResult> } | undefined> {
  const found = new Map<string, PagefindResult>();
  // A province or measure named only gets its card: its name is searched as typed.
  const byNames = new Map([...named].filter(([, e]) => EXPANDING_KINDS.has(e.kind)));
  const plain = terms.filter((t) => !byNames.has(t));
  const namedPages = [...byNames.values()].map((e) => new Set(e.pages));
  const onNamedPages = (id: string) => namedPages.every((pages) => pages.has(id));
  if (plain.length === 0) {
    // Only names: the names table lists their pages, newest first; Pagefind is not asked.
    const ids = [...byNames.values()][0].pages!.filter(onNamedPages);
    for (const id of ids) found.set(id, ownResult(id));
    return { plan: { ids, checked: 0, rounds: [] }, byId: found };
  }
  const chunks = await chunkMap();
  const pairTable = chunks?.pairSlices ?? 0;
  const lookUp = indexLookUp(found, pairTable);
  if (pairTable > 0 && plain.every((t) => t.keys.length === 2 && isExact(t))) {
    // Names and two-key words only: the pair table decides every term; the planner is not loaded.
    const lists = await lookUp(plain.map((t) => t.keys));
    if (my !== run) return undefined;
    const ids = intersectOrdered(lists).filter(onNamedPages);
    return { plan: { ids, checked: 0, rounds: [plain.map((_, term) => ({ term, start: 0, end: 2 }))] }, byId: found };
  }
  // Longer terms and terms of one key: the planner weighs pairs, checks on the text and Pagefind.
  const { runPlan } = await import('../search/query/run-plan.ts');
  const plan = await runPlan(
    { terms: plain, chunks, pageSize: PAGE_SIZE },
    {
      lookUp,
      lookUpPositions: async (phrases) =>
        (await import('./position-lookup.ts')).positionLookUp(phrases, chunks!, {
          pairNumbers,
          idsOfNumbers,
          fetchGzip,
        }),
      isLoaded: (id) => fragments.has(id),
      loadPage: (id) => textToCheck(found.get(id)!, plain),
      isCurrent: () => my === run,
    },
  );
  if (!plan) return undefined;
  const ids = plan.ids.filter(onNamedPages);
  return { plan: { ...plan, ids }, byId: found };
}

/** Filter counts come after the results are shown; without them the results stand alone. */
async function showFacetCounts(unfiltered: string[], state: SearchState, my: number) {
  try {
    const table = await facetsOf(unfiltered);
    const counts = facetCounts(unfiltered, state.filters, table);
    if (my !== run) return;
    renderFacets(counts, table.values, state);
  } catch {
    if (my === run) facets.hidden = true;
  }
}

async function search(state: SearchState) {
  const my = ++run;
  currentState = state;
  startView(state);
  const cut = state.q.length > MAX_QUERY_LENGTH;
  const q = cut ? state.q.slice(0, MAX_QUERY_LENGTH) : state.q;
  const note = cut ? `查询过长，只用了前 ${MAX_QUERY_LENGTH} 个字符。` : '';

  try {
    // One deadline for everything the search waits for from the network.
    const deadline = Date.now() + INDEX_TIMEOUT_MS;
    const left = () => Math.max(0, deadline - Date.now());
    // The names slices of the query as typed are asked for before its characters are checked for
    // Traditional ones (decoding GB2312 takes 5-25 ms): most queries need no folding, and those slices are the ones.
    const fold = await within(
      chunkMap().then(async () => {
        void namesFor(parseQuery(q));
        await yieldToPage();
        return foldFor(q);
      }),
      left(),
    );
    const terms = parseQuery(q, fold);
    currentTerms = terms;
    // A term of one key (or none) needs Pagefind whatever the names and pairs say: it starts loading now.
    if (terms.some((t) => t.keys.length < 2)) void pagefind().catch(() => {});
    const names = terms.length > 0 ? await within(namesFor(terms), left()) : undefined;
    const named = resolveNames(terms, names, fold);
    if (terms.length === 0) {
      setText(status, '请输入要查找的文字：医院、人物、举措或任何记得的词句；用空格分开的几个词须同时出现。');
      facets.hidden = true;
      if (my === run) setDone(true);
      return;
    }
    setText(status, '正在搜索…');
    const found = await within(findPages(terms, named, my), left());
    if (!found) return;
    results.dataset.checked = String(found.plan.checked);
    // Every page that holds the query, before filters: the filter counts are taken from it.
    const unfiltered = found.plan.ids;
    const table = hasFilters(state) ? await facetsOf(unfiltered) : undefined;
    if (my !== run) return;
    const filtered = table ? applyFilters(unfiltered, state.filters, table) : unfiltered;
    if (state.view === 'kwic') {
      // The concordance loads on demand: ordinary queries do not pay for it.
      await (await import('./kwic.ts')).showKwic({
        state,
        terms,
        note,
        results,
        status,
        base: BASE,
        ids: filtered,
        load: (id) => load(found.byId.get(id)!),
        facets: () => facetsOf(filtered).catch(() => undefined),
        isCurrent: () => my === run,
        go: (next) => go(next, true),
        done: () => setDone(true),
      });
      await showFacetCounts(unfiltered, state, my);
      return;
    }
    const sort = state.sort ?? 'relevance';
    const ids =
      sort === 'relevance' && filtered.length > 1
        ? await within(rankResults(filtered, terms, named, found.byId, fold), left())
        : orderByDate(filtered, sort === 'oldest' ? 'oldest' : 'newest');
    if (my !== run) return;
    pending = ids.map((id) => found.byId.get(id)!);
    total = pending.length;
    const entity = terms.length === 1 ? named.get(terms[0]) : undefined;
    if (entity) list.before((await import('./search-offers.ts')).entityCard(entity, BASE));
    await showMore(my);
    if (my !== run) return;
    if (total === 0) await showSuggestions(q, terms, fold, my);
    if (my !== run) return;
    setText(status, describe(state, total, note));
    setDone(true);
    await showFacetCounts(unfiltered, state, my);
  } catch (error) {
    if (my !== run) return;
    showFailure(state, error);
  }
}

function go(state: SearchState, push: boolean) {
  if (push) history.pushState(null, '', stateSearch(state));
  void search(state);
}

function stateFromForm(): SearchState {
  const filters: Record<string, string[]> = {};
  for (const box of facets.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
    (filters[box.name] ??= []).push(box.value);
  }
  return { q: input.value, filters };
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  // A new query starts without filters: the old ones may not apply to it.
  go({ ...currentState, q: input.value, filters: {} }, true);
});
headerInput?.form?.addEventListener('submit', (event) => {
  event.preventDefault();
  go({ q: headerInput.value, filters: {} }, true);
});
facets.addEventListener('change', () => go({ ...currentState, filters: stateFromForm().filters }, true));
views.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-view]');
  if (!link) return;
  event.preventDefault();
  go(readState(new URL(link.href).search), true);
});
more.addEventListener('click', async () => {
  const my = run;
  setDone(false);
  more.disabled = true;
  const added = await showMore(my);
  more.disabled = false;
  if (my !== run) return;
  setText(status, describe(currentState, total));
  setDone(true);
  added[0]?.querySelector('a')?.focus();
});
sortSelect.addEventListener('change', () => go({ ...currentState, sort: sortSelect.value as SearchState['sort'] }, true));
// The box is a combobox from the start; its behaviour and the names load on first focus, to keep the page's own script small.
const namesList = document.querySelector<HTMLUListElement>('[data-search-names]')!;
input.setAttribute('role', 'combobox');
input.setAttribute('aria-autocomplete', 'list');
input.setAttribute('aria-expanded', 'false');
input.setAttribute('aria-controls', namesList.id);
namesList.setAttribute('role', 'listbox');
input.addEventListener(
  'focus',
  () =>
    void import('./name-combobox.ts').then(({ attachNameCombobox }) =>
      attachNameCombobox(
        input,
        namesList,
        (typed) =>
          listedNames(
            tokenize(typed)
              .slice(0, 1)
              .map((t) => t.key),
          ).then((names) => names.map(([name]) => name)),
        () => form.requestSubmit(),
      ),
    ),
  { once: true },
);
// A fresh page: a browser keeps a failed module import, and a stalled preload would hold the next request for the same file.
retry.addEventListener('click', () => location.reload());
window.addEventListener('popstate', () => void search(readState(location.search)));

void search(readState(location.search));
