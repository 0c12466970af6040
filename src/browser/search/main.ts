/**
 * The search page: reads `?q=` and filters from the URL, finds every page
 * that holds each term as an exact phrase of tokens (`src/search/tokenizer.ts`,
 * `find-pages.ts`), and shows them with excerpts and deep links
 * (`result-view.ts`), or as a concordance (`kwic.ts`). The Traditional →
 * Simplified table loads only for queries that need it.
 *
 * Page contract (../shared/search-eval): `[data-search-results]` gets
 * `data-state="done"` once this query's results are in the DOM; results are
 * `a[data-result]`; `[data-search-more]` shows more.
 */
import { applyFilters, facetCounts } from '../../search/facets.ts';
import type { NamedEntity } from '../../search/names.ts';
import { orderByDate } from '../../search/query/rank.ts';
import { hasFilters, readState, stateSearch, type SearchState } from '../../search/query/state.ts';
import { foldWith, mayNeedFold } from '../../search/t2s.ts';
import { identityFold, tokenize, type Fold } from '../../search/tokenizer.ts';
import { MAX_QUERY_LENGTH, parseQuery, type QueryTerm } from '../../search/query-terms.ts';
import { INDEX_TIMEOUT_MS, IndexTimeout, within } from './deadline.ts';
import { setText } from './dom.ts';
import { renderFacets } from './facet-view.ts';
import { findPages, resolveNames, type FoundPages } from './find-pages.ts';
import { chunkMap, facetsOf, listedNames, namesFor } from './index-files.ts';
import { BASE, PAGE_SIZE } from './options.ts';
import { pagefind, type PagefindResult } from './pagefind.ts';
import { load, yieldToPage } from './pages.ts';
import { rankResults } from './rank-results.ts';
import { renderResult } from './result-view.ts';

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
const namesList = document.querySelector<HTMLUListElement>('[data-search-names]')!;

/** The search now on the page; an older one that resumes sees it is no longer current and stops. */
let run = 0;
let currentState: SearchState = { q: '', filters: {} };
let currentTerms: QueryTerm[] = [];
/** Results not yet shown, and how many the query has (less those that fail the check on their text). */
let pending: PagefindResult[] = [];
let total = 0;

let foldLoad: Promise<Fold> | undefined;
function foldFor(query: string): Promise<Fold> {
  if (!mayNeedFold(query)) return Promise.resolve(identityFold);
  foldLoad ??= import('../../search/t2s-table.ts').then((m) => foldWith(m.t2sTable()));
  return foldLoad;
}

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
  for (const item of items) {
    const li = renderResult(item, currentTerms);
    if (!li) {
      total--;
      continue;
    }
    list.append(li);
    added.push(li);
  }
  more.hidden = pending.length === 0;
  return added;
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
  pending = [];
  input.value = state.q;
  sortSelect.value = state.sort ?? 'relevance';
  showViewSwitch(state);
  if (headerInput) headerInput.value = state.q;
  document.title = state.q.trim() ? `${state.q.trim().slice(0, 40)}｜搜索｜医院党建报道档案` : '搜索｜医院党建报道档案';
}

/**
 * Filter counts come after the results are shown; without them the results stand alone. For a broad query
 * in a large archive, reading the table, counting and drawing each take tens of ms: one task each.
 */
async function showFacetCounts(unfiltered: string[], state: SearchState, my: number) {
  try {
    const table = await facetsOf(unfiltered);
    await yieldToPage();
    const counts = facetCounts(unfiltered, state.filters, table);
    await yieldToPage();
    if (my !== run) return;
    renderFacets(facets, counts, table.values, state);
  } catch {
    if (my === run) facets.hidden = true;
  }
}

/** The offers of an empty result (offers.ts), before the results. */
async function showSuggestions(query: Query, my: number) {
  const isCurrent = () => my === run;
  const box = await (await import('./offers.ts')).emptyResultOffers({
    q: query.q,
    terms: query.terms,
    fold: query.fold,
    base: BASE,
    listedNames,
    pagesAlone: (term) =>
      findPages([term], new Map(), isCurrent).then(
        (alone) => alone?.plan.ids.length,
        () => undefined,
      ),
    isCurrent,
  });
  if (box) results.prepend(box);
}

/** The query as the search uses it: cut to its longest, folded to Simplified, its terms and what they name. */
interface Query {
  q: string;
  /** Said after the count: that the query was cut. */
  note: string;
  fold: Fold;
  terms: QueryTerm[];
  named: Map<QueryTerm, NamedEntity>;
}

async function readQuery(state: SearchState, left: () => number): Promise<Query> {
  const cut = state.q.length > MAX_QUERY_LENGTH;
  const q = cut ? state.q.slice(0, MAX_QUERY_LENGTH) : state.q;
  const note = cut ? `查询过长，只用了前 ${MAX_QUERY_LENGTH} 个字符。` : '';
  // The names slices of the query as typed are asked for before its characters are checked for
  // Traditional ones (decoding GB2312 takes 5-25 ms): most queries need no folding, and those slices are the ones.
  const typed = parseQuery(q);
  const fold = await within(
    chunkMap().then(async () => {
      void namesFor(typed);
      await yieldToPage();
      return foldFor(q);
    }),
    left(),
  );
  // Parsed again only when folding can change a key.
  const terms = fold === identityFold ? typed : parseQuery(q, fold);
  // A term of one key (or none) needs Pagefind whatever the names and pairs say: it starts loading now.
  if (terms.some((t) => t.keys.length < 2)) void pagefind().catch(() => {});
  const names = terms.length > 0 ? await within(namesFor(terms), left()) : undefined;
  return { q, note, fold, terms, named: resolveNames(terms, names, fold) };
}

/** The concordance of the pages found (kwic.ts, loaded on demand: ordinary queries do not pay for it). */
async function showConcordance(state: SearchState, query: Query, found: FoundPages, ids: string[], my: number) {
  await (await import('./kwic.ts')).showKwic({
    state,
    terms: query.terms,
    note: query.note,
    results,
    status,
    base: BASE,
    ids,
    load: (id) => load(found.byId.get(id)!),
    facets: () => facetsOf(ids).catch(() => undefined),
    isCurrent: () => my === run,
    go: (next) => go(next, true),
    done: () => setDone(true),
  });
}

/** The pages found as a list of results, in the order asked for, with the card of what a lone term names. */
async function showResults(state: SearchState, query: Query, found: FoundPages, ids: string[], left: () => number, my: number) {
  const sort = state.sort ?? 'relevance';
  const ordered =
    sort === 'relevance' && ids.length > 1
      ? await within(rankResults(ids, query.terms, query.named, found.byId, query.fold), left())
      : orderByDate(ids, sort === 'oldest' ? 'oldest' : 'newest');
  if (my !== run) return;
  pending = ordered.map((id) => found.byId.get(id)!);
  total = pending.length;
  const entity = query.terms.length === 1 ? query.named.get(query.terms[0]) : undefined;
  if (entity) list.before((await import('./offers.ts')).entityCard(entity, BASE));
  await showMore(my);
  if (my !== run) return;
  if (total === 0) await showSuggestions(query, my);
  if (my !== run) return;
  setText(status, describe(state, total, query.note));
  setDone(true);
}

async function search(state: SearchState) {
  const my = ++run;
  currentState = state;
  startView(state);
  try {
    // One deadline for everything the search waits for from the network.
    const deadline = Date.now() + INDEX_TIMEOUT_MS;
    const left = () => Math.max(0, deadline - Date.now());
    const query = await readQuery(state, left);
    currentTerms = query.terms;
    if (query.terms.length === 0) {
      setText(status, '请输入要查找的文字：医院、人物、举措或任何记得的词句；用空格分开的几个词须同时出现。');
      facets.hidden = true;
      if (my === run) setDone(true);
      return;
    }
    setText(status, '正在搜索…');
    const found = await within(
      findPages(query.terms, query.named, () => my === run),
      left(),
    );
    if (!found) return;
    results.dataset.checked = String(found.plan.checked);
    // Every page that holds the query, before filters: the filter counts are taken from it.
    const unfiltered = found.plan.ids;
    const table = hasFilters(state) ? await facetsOf(unfiltered) : undefined;
    if (my !== run) return;
    const filtered = table ? applyFilters(unfiltered, state.filters, table) : unfiltered;
    if (state.view === 'kwic') await showConcordance(state, query, found, filtered, my);
    else await showResults(state, query, found, filtered, left, my);
    if (my !== run) return;
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

/** The box is a combobox from the start; its behaviour and the names load on first focus, to keep the page's own script small. */
function offerNames() {
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', namesList.id);
  namesList.setAttribute('role', 'listbox');
  const namesStartingLike = (typed: string) =>
    listedNames(
      tokenize(typed)
        .slice(0, 1)
        .map((t) => t.key),
    ).then((names) => names.map(([name]) => name));
  input.addEventListener(
    'focus',
    () =>
      void import('./name-combobox.ts').then(({ attachNameCombobox }) =>
        attachNameCombobox(input, namesList, namesStartingLike, () => form.requestSubmit()),
      ),
    { once: true },
  );
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
offerNames();
// A fresh page: a browser keeps a failed module import, and a stalled preload would hold the next request for the same file.
retry.addEventListener('click', () => location.reload());
window.addEventListener('popstate', () => void search(readState(location.search)));

void search(readState(location.search));
