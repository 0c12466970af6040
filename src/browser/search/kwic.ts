/**
 * The concordance view of the search page (`?q=…&view=kwic`), loaded only
 * for that view: every hit of the query on the result pages, one row each
 * (`data-kwic-row`): left context, the hit, right context, and the article
 * and section, linked to the exact place (`src/search/query/kwic.ts`).
 *
 * Paged, to stay usable for a term with thousands of hits in a large
 * archive: in date order (the default) only the pages the shown rows need
 * are read, in date order, 100 rows at a time; the other orders need every
 * row, so they read every result page first, with the progress in the
 * status line — beyond 200 pages only when the reader asks (a page is about
 * 5 KB). The total is exact once every page is read, and a download
 * (`data-kwic-download`, CSV or JSON) reads the pages not read yet first.
 */
import { joinBase } from '../../model/urls.ts';
import type { FacetTable } from '../../search/facets.ts';
import type { AnchorRef } from '../../search/query/engine.ts';
import { pageHits } from '../../search/query/engine.ts';
import { KwicReader, kwicCsv, kwicJson, pageRows, sortRows, type KwicRow } from '../../search/query/kwic.ts';
import { KWIC_SORTS, stateSearch, type KwicSort, type SearchState } from '../../search/query/state.ts';
import type { PageText } from '../../search/query/page-text.ts';
import type { QueryTerm } from '../../search/query-terms.ts';
import { element } from './dom.ts';

/** Rows shown at a time. */
export const KWIC_PAGE_ROWS = 100;
/** Orders other than date read every result page; beyond this many, only when the reader asks (about 5 KB a page). */
const ASK_ABOVE = 200;

const SORT_LABELS: Record<KwicSort, string> = { date: '日期', left: '左语境', right: '右语境', article: '篇目' };

/** A result page as the search page loads it: Pagefind's fragment, the page's printed text, its anchors. */
export interface KwicSource {
  fragment: { url: string; raw_url?: string; meta: Record<string, string> };
  page: PageText;
  anchors: AnchorRef[];
}

/** What the search page hands over once it knows the result pages. */
export interface KwicContext {
  state: SearchState;
  /** The result pages, filters applied, newest first (the index's date order). */
  ids: string[];
  terms: QueryTerm[];
  load(id: string): Promise<KwicSource>;
  /** The filter table, for each page's year; undefined when it cannot be had. */
  facets(): Promise<FacetTable | undefined>;
  base: string;
  /** False once a newer search has started. */
  isCurrent(): boolean;
  /** Searches a new state and puts it in the history. */
  go(state: SearchState): void;
  results: HTMLElement;
  status: HTMLElement;
  /** Marks the results element done (`data-state="done"`). */
  done(): void;
  /** A note for the status line (e.g. the query was cut). */
  note: string;
}

interface View {
  ctx: KwicContext;
  sort: KwicSort;
  /** The result pages, oldest first, read as far as needed, and their rows. */
  reader: KwicReader;
  shown: number;
  years: FacetTable | undefined;
  box: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  downloads: HTMLAnchorElement[];
}

/** The rows of one result page. */
async function rowsOf(v: View, id: string, rank: number): Promise<KwicRow[]> {
  const source = await v.ctx.load(id);
  const { hits, all } = pageHits(source.page, v.ctx.terms);
  if (!all) return [];
  const url = joinBase(v.ctx.base, source.fragment.raw_url ?? source.fragment.url);
  const year = v.years?.pages.get(id)?.year?.join('、') ?? '';
  return pageRows({ id, url, title: source.fragment.meta.title || url, year, rank, page: source.page, anchors: source.anchors, hits });
}

/**
 * Reads result pages until `enough` holds or all are read, with the progress
 * in the status line at each tenth (a live region: every batch would be read
 * out); false when a newer search took over.
 */
function readPages(v: View, enough: () => boolean): Promise<boolean> {
  const { reader } = v;
  const tenth = () => Math.floor((reader.read * 10) / reader.order.length);
  let said = tenth();
  return reader.readUntil(enough, () => {
    if (enough() || reader.complete || tenth() === said) return;
    said = tenth();
    v.ctx.status.textContent = `正在读取结果页：${reader.read} / ${reader.order.length} 篇…`;
  });
}

/** The status line: the exact total once every page is read, what is known so far before. */
function describe(v: View) {
  const q = `“${v.ctx.state.q.trim().slice(0, 60)}”`;
  const text = v.reader.complete
    ? `${q}：共 ${v.reader.rows.length} 处，见于 ${v.reader.pagesWithRows} 篇。`
    : `${q}：见于 ${v.reader.order.length} 篇；已读其中 ${v.reader.read} 篇，有 ${v.reader.rows.length} 处（其余在“显示更多”或下载时读取）。`;
  v.ctx.status.textContent = text + v.ctx.note;
  if (v.reader.complete) v.box.dataset.kwicTotal = String(v.reader.rows.length);
}

function rowElement(r: KwicRow): HTMLLIElement {
  const li = element('li', 'kwic-row');
  li.dataset.kwicRow = '';
  const left = element('span', 'kwic-left');
  left.append(element('span', undefined, r.left));
  const line = element('span', 'kwic-line');
  line.append(left, element('mark', 'kwic-hit', r.hit), element('span', 'kwic-right', r.right));
  const source = element('a', 'kwic-source', `${r.title} · ${r.section}`);
  source.href = r.url;
  li.append(line, ' ', source);
  if (r.year) li.append(element('span', 'kwic-year', ` ${r.year}`));
  return li;
}

/** Shows the next rows: in date order, reads just the pages they need. */
async function showMore(v: View): Promise<HTMLLIElement[]> {
  if (v.sort === 'date' && !(await readPages(v, () => v.reader.rows.length >= v.shown + KWIC_PAGE_ROWS))) return [];
  const added = v.reader.rows.slice(v.shown, v.shown + KWIC_PAGE_ROWS).map(rowElement);
  v.list.append(...added);
  v.shown += added.length;
  v.more.hidden = v.shown >= v.reader.rows.length && v.reader.complete;
  describe(v);
  return added;
}

/** The rows as files: absolute URLs, every row in the shown order. */
function prepareDownloads(v: View) {
  const rows = sortRows(v.reader.rows, v.sort).map((r) => ({ ...r, url: new URL(r.url, location.href).href }));
  for (const a of v.downloads) {
    const csv = a.dataset.kwicDownload === 'csv';
    const blob = new Blob([csv ? kwicCsv(rows) : kwicJson(v.ctx.state.q, v.sort, rows)], {
      type: csv ? 'text/csv;charset=utf-8' : 'application/json',
    });
    if (a.href.startsWith('blob:')) URL.revokeObjectURL(a.href);
    a.href = URL.createObjectURL(blob);
    a.dataset.ready = '';
  }
}

/** A download link: ready at once when every page is read, otherwise it reads the rest first. */
function downloadLink(v: View, kind: 'csv' | 'json'): HTMLAnchorElement {
  const a = element('a', 'kwic-download', `下载 ${kind.toUpperCase()}`);
  a.dataset.kwicDownload = kind;
  a.download = `kwic-${v.ctx.state.q.trim().slice(0, 40)}.${kind}`;
  a.href = '#';
  a.addEventListener('click', async (event) => {
    if (a.dataset.ready !== undefined) return;
    event.preventDefault();
    if (await readAll(v)) a.click();
  });
  return a;
}

/** The order switch: plain links carrying the whole search, followed without a reload. */
function sortLinks(v: View): HTMLElement {
  const nav = element('p', 'kwic-sort', '排序：');
  for (const sort of KWIC_SORTS) {
    const state: SearchState = { ...v.ctx.state, kwicSort: sort };
    const a = element('a', undefined, SORT_LABELS[sort]);
    a.href = stateSearch(state);
    a.dataset.kwicSort = sort;
    if (sort === v.sort) a.setAttribute('aria-current', 'true');
    a.addEventListener('click', (event) => {
      event.preventDefault();
      v.ctx.go(state);
    });
    nav.append(a, ' ');
  }
  return nav;
}

function buildView(ctx: KwicContext): View {
  const box = element('div', 'kwic');
  box.dataset.kwic = '';
  const list = element('ol', 'kwic-rows');
  const more = element('button', 'search-more', `显示后 ${KWIC_PAGE_ROWS} 处`);
  more.type = 'button';
  const v: View = {
    ctx,
    sort: ctx.state.kwicSort ?? 'date',
    // Rows are read when the view needs them, by then `v` is there.
    reader: new KwicReader([...ctx.ids].reverse(), (id, rank) => rowsOf(v, id, rank), ctx.isCurrent),
    shown: 0,
    years: undefined,
    box,
    list,
    more,
    downloads: [],
  };
  v.downloads = [downloadLink(v, 'csv'), downloadLink(v, 'json')];
  const files = element('p', 'kwic-downloads', '下载全部语境：');
  files.append(v.downloads[0], ' ', v.downloads[1]);
  box.append(sortLinks(v), files, list, more);
  more.addEventListener('click', async () => {
    more.disabled = true;
    const added = await showMore(v);
    more.disabled = false;
    added[0]?.querySelector('a')?.focus();
  });
  return v;
}

/** Reads every result page not read yet, saying so first. */
function readRest(v: View): Promise<boolean> {
  v.ctx.status.textContent = `正在读取结果页：${v.reader.read} / ${v.reader.order.length} 篇…`;
  return readPages(v, () => false);
}

/** Reads every result page, then shows the first rows in the chosen order. */
async function showSorted(v: View): Promise<void> {
  if (!(await readRest(v))) return;
  v.reader.rows = sortRows(v.reader.rows, v.sort);
  await showMore(v);
}

/**
 * Reads every result page not read yet and shows the rows the order needs,
 * then makes the downloads; false when a newer search took over.
 */
async function readAll(v: View): Promise<boolean> {
  if (v.sort !== 'date') {
    await showSorted(v);
    v.box.querySelector('.kwic-ask')?.remove();
  } else if (await readRest(v)) {
    describe(v);
    v.more.hidden = v.shown >= v.reader.rows.length;
  }
  if (!v.ctx.isCurrent()) return false;
  prepareDownloads(v);
  return true;
}

/** Orders other than date read every result page: beyond `ASK_ABOVE` pages only when the reader asks. */
function askToReadAll(v: View) {
  const ask = element('p', 'kwic-ask', `按${SORT_LABELS[v.sort]}排序要先读取全部 ${v.reader.order.length} 篇结果页（每篇约 5 KB）。`);
  const button = element('button', 'search-more', '读取并排序');
  button.type = 'button';
  button.addEventListener('click', () => {
    button.disabled = true;
    // The button goes with the question: the first row takes the focus.
    void readAll(v).then(() => v.list.querySelector('a')?.focus());
  });
  ask.append(' ', button);
  v.list.before(ask);
  v.more.hidden = true;
  v.ctx.status.textContent = `“${v.ctx.state.q.trim().slice(0, 60)}”：见于 ${v.reader.order.length} 篇。${v.ctx.note}`;
}

/** Renders the concordance of the result pages into the results element. */
export async function showKwic(ctx: KwicContext): Promise<void> {
  const v = buildView(ctx);
  v.years = await ctx.facets();
  if (!ctx.isCurrent()) return;
  ctx.results.prepend(v.box);
  if (ctx.ids.length === 0) {
    v.box.dataset.kwicTotal = '0';
    v.more.hidden = true;
    ctx.status.textContent = `没有找到“${ctx.state.q.trim().slice(0, 60)}”。${ctx.note}`;
    return ctx.done();
  }
  if (v.sort === 'date') await showMore(v);
  else if (v.reader.order.length <= ASK_ABOVE) await showSorted(v);
  else askToReadAll(v);
  if (!ctx.isCurrent()) return;
  if (v.reader.complete) prepareDownloads(v);
  ctx.done();
}
