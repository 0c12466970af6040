/**
 * The search page: reads `?q=` and filters from the URL, asks Pagefind for
 * each term as an exact phrase of tokens (`src/search/tokenizer.ts`), keeps
 * the pages every term found, and renders them with excerpts and deep links.
 * Pagefind runs on the main thread (no worker download); the Traditional →
 * Simplified table loads only for queries that need it.
 *
 * Page contract (../shared/search-eval): `[data-search-results]` gets
 * `data-state="done"` once this query's results are in the DOM; results are
 * `a[data-result]`; `[data-search-more]` shows more.
 */
import {
  MAX_QUERY_LENGTH,
  decodeContent,
  identityFold,
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
  FACETS_FILE,
  applyFilters,
  decodeFacets,
  facetCounts,
  splitFacetValues,
  type FacetTable,
} from '../search/facets.ts';
import { hasFilters, readState, stateSearch, type SearchState } from '../search/query/state.ts';
import { anchorFor, anchorTitle, decodeAnchors, excerpt, headingBreaks, pageHits, type AnchorRef } from '../search/query/engine.ts';
import { CHUNKS_FILE, type ChunkMap } from '../search/chunk-map.ts';
import { runPlan, type PlanRun } from '../search/query/run-plan.ts';
import { joinBase } from '../model/urls.ts';

interface PagefindFragment {
  url: string;
  raw_url?: string;
  content: string;
  meta: Record<string, string>;
}
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
/** Sections listed under a result besides the first hit's. */
const MORE_PLACES = 2;

const form = document.querySelector<HTMLFormElement>('[data-search-form]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const results = document.querySelector<HTMLElement>('[data-search-results]')!;
const list = results.querySelector<HTMLOListElement>('[data-search-list]')!;
const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
const facets = document.querySelector<HTMLElement>('[data-search-facets]')!;
const headerInput = document.querySelector<HTMLInputElement>('#site-search-q');

let pagefindLoad: Promise<Pagefind> | undefined;
function pagefind(): Promise<Pagefind> {
  pagefindLoad ??= (async () => {
    const pf = (await import(/* @vite-ignore */ joinBase(BASE, 'pagefind/pagefind.js'))) as Pagefind;
    await pf.options({ noWorker: true, baseUrl: BASE });
    await pf.init();
    return pf;
  })();
  return pagefindLoad;
}

let foldLoad: Promise<Fold> | undefined;
function foldFor(query: string): Promise<Fold> {
  if (!mayNeedFold(query)) return Promise.resolve(identityFold);
  foldLoad ??= import('../search/t2s-table.ts').then((m) => foldWith(m.t2sTable()));
  return foldLoad;
}

/** A gzipped file the index builder wrote. A host may already have undone the gzip (Content-Encoding): only a gzip stream is inflated here. */
async function fetchGzipText(path: string): Promise<string> {
  const response = await fetch(joinBase(BASE, path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const stream = new Blob([bytes]).stream();
  return new Response(gzipped ? stream.pipeThrough(new DecompressionStream('gzip')) : stream).text();
}

let facetsLoad: Promise<FacetTable> | undefined;
/** Every page's filter values (FACETS_FILE), fetched once. */
function facetTable(): Promise<FacetTable> {
  facetsLoad ??= fetchGzipText(FACETS_FILE).then(decodeFacets);
  facetsLoad.catch(() => (facetsLoad = undefined));
  return facetsLoad;
}

let chunksLoad: Promise<ChunkMap | undefined> | undefined;
/** What each index chunk costs (CHUNKS_FILE), fetched once; without it every term is looked up whole. */
function chunkMap(): Promise<ChunkMap | undefined> {
  chunksLoad ??= fetchGzipText(CHUNKS_FILE).then(
    (text) => JSON.parse(text) as ChunkMap,
    () => undefined,
  );
  return chunksLoad;
}

const collator = new Intl.Collator('zh-Hans-CN');
/** Years newest first, names in Chinese collation order. */
function compareValues(a: string, b: string): number {
  return /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(b) - Number(a) : collator.compare(a, b);
}

interface Loaded {
  fragment: PagefindFragment;
  page: PageText;
  anchors: AnchorRef[];
  breaks: Set<number>;
}
const loaded = new Map<string, Promise<Loaded>>();
function load(result: PagefindResult): Promise<Loaded> {
  let p = loaded.get(result.id);
  if (!p) {
    p = result.data().then((fragment) => {
      const page = pageText(decodeContent(fragment.content));
      const anchors = decodeAnchors(fragment.meta.anchors);
      return { fragment, page, anchors, breaks: headingBreaks(page, anchors) };
    });
    loaded.set(result.id, p);
  }
  return p;
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

function excerptElement(loadedPage: Loaded, focusIndex: number, hits: ReturnType<typeof pageHits>['hits']): HTMLElement {
  const p = element('p', 'search-excerpt');
  for (const part of excerpt(loadedPage.page, hits, hits[focusIndex], 90, loadedPage.breaks)) {
    if (part.mark) p.append(element('mark', undefined, part.text));
    else p.append(document.createTextNode(part.text));
  }
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
  a.href = first ? `${url}#${first.id}` : url;
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
      link.href = `${url}#${anchor.id}`;
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

function renderFacets(counts: Record<string, Record<string, number>>, state: SearchState) {
  // The reader keeps their place: the filter that had focus has it again after the redraw, and an opened "其余" stays open.
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && facets.contains(active) ? active.id : undefined;
  const opened = new Set([...facets.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.dataset.group));
  facets.replaceChildren();
  for (const { name, label } of FILTER_GROUPS) {
    const all = Object.keys(counts[name] ?? {}).sort(compareValues);
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

/** Clears the previous results and shows the query in the form, the header and the title. */
function startView(state: SearchState) {
  setDone(false);
  list.replaceChildren();
  more.hidden = true;
  shown = [];
  pending = [];
  input.value = state.q;
  if (headerInput) headerInput.value = state.q;
  document.title = state.q.trim() ? `${state.q.trim().slice(0, 40)}｜搜索｜医院党建报道档案` : '搜索｜医院党建报道档案';
}

/** Pagefind's answer to each phrase, keeping every result it returns by id for loading its fragment later. */
function pagefindLookUp(pf: Pagefind, found: Map<string, PagefindResult>) {
  return (phrases: string[][]) =>
    Promise.all(
      phrases.map((keys) =>
        // A punctuation-only term may stand where no key holds it: every page is a candidate, its text decides.
        pf.search(keys.length ? pagefindPhrase(keys) : null, { sort: { date: 'desc' } }).then((r) => {
          // A page found only through its meta data (title, anchors) does not hold the term in its text.
          const own = (r?.results ?? []).filter((x) => !x.matchedMetaFields?.length);
          for (const x of own) if (!found.has(x.id)) found.set(x.id, x);
          return own.map((x) => x.id);
        }),
      ),
    );
}

/** Every page that holds the query (src/search/query/run-plan.ts), with each one's Pagefind result. */
async function findPages(
  terms: QueryTerm[],
  pfLoad: Promise<Pagefind> | undefined,
  my: number,
): Promise<{ plan: PlanRun; byId: Map<string, PagefindResult> } | undefined> {
  const [pf, chunks] = await Promise.all([pfLoad ?? pagefind(), chunkMap()]);
  const found = new Map<string, PagefindResult>();
  const plan = await runPlan(
    { terms, chunks, pageSize: PAGE_SIZE },
    {
      lookUp: pagefindLookUp(pf, found),
      isLoaded: (id) => loaded.has(id),
      loadPage: (id) => load(found.get(id)!).then((item) => item.page),
      isCurrent: () => my === run,
    },
  );
  return plan && { plan, byId: found };
}

/** Filter counts come after the results are shown; without them the results stand alone. */
async function showFacetCounts(unfiltered: string[], state: SearchState, my: number) {
  try {
    const counts = facetCounts(unfiltered, state.filters, await facetTable());
    if (my !== run) return;
    renderFacets(counts, state);
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
    // Start loading Pagefind at once; the fold table (rarely needed) loads alongside.
    const pfLoad = q.trim() ? pagefind() : undefined;
    const terms = parseQuery(q, await foldFor(q));
    currentTerms = terms;
    if (terms.length === 0) {
      setText(status, '请输入要查找的文字：医院、人物、举措或任何记得的词句；用空格分开的几个词须同时出现。');
      facets.hidden = true;
      if (my === run) setDone(true);
      return;
    }
    setText(status, '正在搜索…');
    const found = await findPages(terms, pfLoad, my);
    if (!found) return;
    results.dataset.checked = String(found.plan.checked);
    // Every page that holds the query, before filters: the filter counts are taken from it.
    const unfiltered = found.plan.ids;
    const table = hasFilters(state) ? await facetTable() : undefined;
    if (my !== run) return;
    const ids = table ? applyFilters(unfiltered, state.filters, table) : unfiltered;
    pending = ids.map((id) => found.byId.get(id)!);
    total = pending.length;
    await showMore(my);
    if (my !== run) return;
    setText(status, describe(state, total, note));
    setDone(true);
    await showFacetCounts(unfiltered, state, my);
  } catch {
    if (my !== run) return;
    setText(status, `搜索暂时无法使用：未能载入搜索索引。${state.q ? `查询为“${state.q}”。` : ''}`);
    setDone(true);
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
  go({ q: input.value, filters: {} }, true);
});
headerInput?.form?.addEventListener('submit', (event) => {
  event.preventDefault();
  go({ q: headerInput.value, filters: {} }, true);
});
facets.addEventListener('change', () => go({ ...stateFromForm(), q: currentState.q }, true));
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
window.addEventListener('popstate', () => void search(readState(location.search)));

void search(readState(location.search));
