/**
 * The one way tests and benchmarks search through a site's real search page
 * in Chromium, by the contract of ../shared/search-eval/README.md:
 * `{base}search/?q=…` runs the search on load,
 * `[data-search-results][data-state="done"]` says it finished,
 * `a[data-result]` are the results, `[data-search-more]` shows more.
 *
 * `searchOnPage` runs one query on an open tab (tests drive their own pages
 * with it). `measureSearch` runs a query set for the benchmarks and measures
 * its cost on either build:
 * - project: the project's own /search/ page and index;
 * - plain: a minimal page written into the plain build's dist/search/, calling
 *   Pagefind's JS API (`pagefind.search(q)`, then `result.data()` for the
 *   URLs, ten at a time like the default UI, "more" loading the rest).
 *
 * Served like eval.mjs serves (Cache-Control max-age=600 plus ETag, no
 * compression), one query at a time (the machine has 2 shared cores). The
 * first query runs in a fresh browser context: its bytes are "the bytes a
 * browser downloads for the first query", everything until the network is
 * idle after its last "more" (split into page, search code and index). The
 * rest run in that same context, with a warm HTTP cache; their latency is the
 * time from navigation to the first results on screen. Recall and precision
 * count the full result list (after every "more").
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, ConsoleMessage, Page, Request, Response } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { pagefindKind } from './dist.ts';
import { serveStatic, type RunningServer } from './static-server.ts';

/** A query to measure: what the reader types, and the pages (paths under the site) it must find. */
export interface DriverQuery {
  id: string;
  category: string;
  q: string;
  expected?: string[];
}

interface Served {
  path: string;
  bytes: number;
}

/** The site served as the team's checker serves it (cached with ETags, uncompressed), every body logged. */
function serve(dist: string, log: Served[]): Promise<RunningServer> {
  return serveStatic(dist, '/', { cache: true, onBody: (path, bytes) => log.push({ path, bytes }) });
}

/** The plain variant's search page: Pagefind's JS API with default settings, the eval contract's markup. */
export const PLAIN_SEARCH_PAGE = `<!doctype html>
<html lang="zh-Hans-CN">
<head><meta charset="utf-8"><title>plain Pagefind</title></head>
<body>
<form action="./"><input name="q"></form>
<ol data-search-results></ol>
<button data-search-more hidden>更多</button>
<script type="module">
const root = document.querySelector('[data-search-results]');
const more = document.querySelector('[data-search-more]');
const q = new URLSearchParams(location.search).get('q') ?? '';
const base = new URL('../', location.href).pathname;
const show = async (results) => {
  const data = await Promise.all(results.map((r) => r.data()));
  for (const d of data) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.setAttribute('data-result', '');
    a.href = d.url;
    a.textContent = d.meta?.title ?? d.url;
    li.append(a);
    root.append(li);
  }
};
if (q.trim()) {
  const pagefind = await import(base + 'pagefind/pagefind.js');
  const search = await pagefind.search(q);
  const results = search?.results ?? [];
  await show(results.slice(0, 10));
  if (results.length > 10) {
    more.hidden = false;
    more.addEventListener('click', async () => {
      root.removeAttribute('data-state');
      more.hidden = true;
      await show(results.slice(10));
      root.setAttribute('data-state', 'done');
    }, { once: true });
  }
}
root.setAttribute('data-state', 'done');
</script>
</body>
</html>
`;

export function writePlainSearchPage(dist: string): void {
  mkdirSync(join(dist, 'search'), { recursive: true });
  writeFileSync(join(dist, 'search/index.html'), PLAIN_SEARCH_PAGE);
}

export interface QueryRun {
  id: string;
  category: string;
  q: string;
  expected: number;
  found: number;
  recall: number;
  precision: number;
  exact: boolean;
  /** Navigation to the first results on screen. */
  msFirst: number;
  /** Navigation to the full list (after every "more"). */
  msAll: number;
  bytes: number;
  requests: number;
  timeout: boolean;
  /** The number of results the status line gave on the first screen (null on a page without one). */
  count: number | null;
  /** Candidate pages the search page checked on their text (its `data-checked`; null on a page without it). */
  checked: number | null;
  errors: string[];
  missing: string[];
  extra: string[];
}

export interface SearchResult {
  cold: { q: string; ms: number; bytes: number; requests: number; byKind: Record<string, number>; files: Served[] };
  warm: { n: number; msMedian: number; msP95: number; msAllMedian: number; bytesMedian: number };
  recall: number;
  precision: number;
  exact: number;
  n: number;
  /** Queries whose candidates were checked on their text (the planner left keys out). */
  checkedQueries: number;
  timeouts: number;
  withErrors: number;
  byCategory: Record<string, { n: number; recall: number; precision: number; exact: number }>;
  runs: QueryRun[];
  /** Set when the first query timed out: the page does not work, the rest were not run. */
  broken?: string;
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function kindOf(path: string): string {
  if (!path.includes('/pagefind/')) return 'page';
  // The project's own tables beside Pagefind's files are index data too.
  return pagefindKind(path) === 'code' ? 'searchCode' : 'index';
}

/** The page a result link names: its path, without query or fragment, `…/index.html` as `…/`. */
function foundPath(href: string): string {
  const u = new URL(href);
  let p = decodeURIComponent(u.pathname);
  if (p.endsWith('/index.html')) p = p.slice(0, -'index.html'.length);
  return p;
}

export const SELECT_DONE = '[data-search-results][data-state="done"]';
const SELECT_RESULT = '[data-search-results] a[data-result]';
const SELECT_MORE = '[data-search-more]';

/**
 * Pages that note, in their own clock, the moment the search first says it
 * is done. Waiting for the selector from outside is not a clock: Playwright
 * polls a selector at growing intervals (at last every 0.5 s and more), so a
 * page done at 450 ms was seen at about 950 ms, and search times came out in
 * steps of the polling rather than as they are.
 */
const clocked = new WeakSet<Page>();

async function clockDone(page: Page): Promise<void> {
  if (clocked.has(page)) return;
  clocked.add(page);
  await page.addInitScript((done) => {
    const w = window as unknown as { __searchDoneAt?: number };
    const note = () => {
      if (w.__searchDoneAt === undefined && document.querySelector(done)) w.__searchDoneAt = performance.timeOrigin + performance.now();
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  }, SELECT_DONE);
}

/** Milliseconds from `since` (epoch ms, this machine's clock) to the moment the page first said it was done. */
async function msToDone(page: Page, since: number): Promise<number> {
  const at = await page.evaluate(() => (window as unknown as { __searchDoneAt?: number }).__searchDoneAt);
  if (at === undefined) throw new Error(`the page shows ${SELECT_DONE} but its clock did not note it`);
  return at - since;
}

/**
 * Opens a search page and waits until the search says it is done; returns
 * when navigation began (epoch ms) and how long the first results took.
 */
async function openUntilDone(page: Page, url: string, timeoutMs: number): Promise<{ since: number; msFirst: number }> {
  await clockDone(page);
  const since = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  await page.waitForSelector(SELECT_DONE, { state: 'attached', timeout: timeoutMs });
  return { since, msFirst: await msToDone(page, since) };
}

export interface PageSearch {
  /** The result links' absolute hrefs, in page order, after every "more". */
  hrefs: string[];
  /** The distinct result pages (paths, `…/index.html` as `…/`), sorted. */
  found: string[];
  /** The status line's text ('' on a page without one). */
  status: string;
  /** The number of results the status line gave on the first screen (null on a page without one). */
  count: number | null;
  /** Candidate pages the search page checked on their text (its `data-checked`; null on a page without it). */
  checked: number | null;
  /** Clicks on "more" it took to show every result. */
  clicks: number;
  /** Navigation to the first results on screen. */
  msFirst: number;
  /** Navigation to the full list (and, with `settle`, to the network falling idle). */
  msAll: number;
  /** The search did not finish in time (the reason is in `errors`). */
  timeout: boolean;
  /** Uncaught page errors, console errors, HTTP responses ≥ 400 (but the favicon), failed requests, and a harness failure. */
  errors: string[];
}

/**
 * One search through the real search page, on an open tab, as the team's
 * checker drives it: navigate to `url` (a `…/search/?q=…` address), wait for
 * `data-state="done"`, click "more" while it is usable, read the result links.
 * Each step may take `timeoutMs`. Never throws: a failure is a `timeout` with
 * its reason in `errors`.
 */
export async function searchOnPage(page: Page, url: string, opts: { timeoutMs?: number; settle?: boolean } = {}): Promise<PageSearch> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const errors: string[] = [];
  const stopWatching = watchErrors(page, errors);
  const started = Date.now();
  const out: PageSearch = {
    hrefs: [],
    found: [],
    status: '',
    count: null,
    checked: null,
    clicks: 0,
    msFirst: NaN,
    msAll: NaN,
    timeout: false,
    errors,
  };
  try {
    out.msFirst = (await openUntilDone(page, url, timeoutMs)).msFirst;
    out.status = (await page.evaluate(() => document.querySelector('[data-search-status]')?.textContent)) ?? '';
    const counted = /找到 (\d+) 篇/.exec(out.status);
    out.count = /没有找到/.test(out.status) ? 0 : counted ? Number(counted[1]) : null;
    out.clicks = await showEveryResult(page, timeoutMs);
    out.hrefs = await page.$$eval(SELECT_RESULT, (as) => as.map((a) => (a as HTMLAnchorElement).href));
    const mark = await page.getAttribute('[data-search-results]', 'data-checked');
    out.checked = mark === null ? null : Number(mark);
    // What the page goes on to load after the results show (the filter counts) is part of the search's cost.
    if (opts.settle) await page.waitForLoadState('networkidle', { timeout: timeoutMs });
  } catch (e) {
    out.timeout = true;
    errors.push(`harness: ${String((e as Error).message).split('\n')[0]}`);
  }
  out.msAll = Date.now() - started;
  stopWatching();
  out.found = [...new Set(out.hrefs.map(foundPath))].sort();
  return out;
}

/** Collects what the team's checker counts as errors into `errors`, until the returned function is called. */
function watchErrors(page: Page, errors: string[]): () => void {
  const onError = (e: Error) => errors.push(String(e.message).slice(0, 300));
  // A failed load is judged by its response, not by the console line Chromium adds for it.
  const onConsole = (m: ConsoleMessage) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`.slice(0, 300));
  };
  const onResponse = (r: Response) => {
    if (r.status() >= 400 && !/\/favicon\.ico$/.test(new URL(r.url()).pathname))
      errors.push(`http ${r.status()}: ${r.url()}`.slice(0, 300));
  };
  const onFailed = (r: Request) => {
    if (!/\/favicon\.ico$/.test(r.url()) && !/ERR_ABORTED/.test(r.failure()?.errorText ?? ''))
      errors.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ''}`.slice(0, 300));
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  return () => {
    page.off('pageerror', onError);
    page.off('console', onConsole);
    page.off('response', onResponse);
    page.off('requestfailed', onFailed);
  };
}

/** Clicks "more" while it is usable, each time waiting for the list to grow or the button to go; returns the clicks. */
async function showEveryResult(page: Page, timeoutMs: number): Promise<number> {
  for (let clicks = 0; ; clicks++) {
    const usable = await page.evaluate((sel) => {
      const m = document.querySelector(sel) as HTMLButtonElement | null;
      if (!m || m.disabled || m.hidden || m.getAttribute('aria-disabled') === 'true') return false;
      const r = m.getBoundingClientRect();
      return getComputedStyle(m).display !== 'none' && getComputedStyle(m).visibility !== 'hidden' && (r.width > 0 || r.height > 0);
    }, SELECT_MORE);
    if (!usable) return clicks;
    if (clicks === 500) throw new Error(`more than 500 clicks on ${SELECT_MORE}`);
    const before = await page.$$eval(SELECT_RESULT, (a) => a.length);
    await page.click(SELECT_MORE, { timeout: timeoutMs });
    await page.waitForFunction(
      ([n, done, result, more]) => {
        if (!document.querySelector(done)) return false;
        if (document.querySelectorAll(result).length > n) return true;
        const m = document.querySelector(more) as HTMLButtonElement | null;
        return !m || m.disabled || m.hidden || m.getAttribute('aria-disabled') === 'true' || getComputedStyle(m).display === 'none';
      },
      [before, SELECT_DONE, SELECT_RESULT, SELECT_MORE] as const,
      { timeout: timeoutMs, polling: 30 },
    );
  }
}

export async function measureSearch(
  dist: string,
  queries: DriverQuery[],
  opts: { timeoutMs?: number; log?: (s: string) => void } = {},
): Promise<SearchResult> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const served: Served[] = [];
  const server = await serve(dist, served);
  const browser = await launchChromium();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const runs: QueryRun[] = [];
  let cold: SearchResult['cold'] | undefined;
  let broken: string | undefined;
  try {
    for (const [i, q] of queries.entries()) {
      const from = served.length;
      // The first query's bytes are everything a reader downloads for it, so it waits for the network to fall idle.
      const run = await searchOnPage(page, `${server.origin}/search/?q=${encodeURIComponent(q.q)}`, { timeoutMs, settle: i === 0 });
      const mine = served.slice(from);
      runs.push(queryRun(q, run, mine));
      if (i === 0 && run.timeout) {
        broken = `the first query timed out (${run.errors.join('; ')})`;
        break;
      }
      if (i === 0) cold = coldQuery(q, run, mine);
      if (opts.log && (i + 1) % 50 === 0) opts.log(`${i + 1}/${queries.length} queries`);
    }
  } finally {
    await context.close().catch(() => {});
    await browser.close().catch(() => {});
    await server.close();
  }
  return summarize(queries, runs, cold, broken);
}

/** One query's record: what it found against what it should, and what it cost. */
function queryRun(q: DriverQuery, run: PageSearch, mine: Served[]): QueryRun {
  const expected = new Set(q.expected ?? []);
  const hit = run.found.filter((u) => expected.has(u)).length;
  return {
    id: q.id,
    category: q.category,
    q: q.q,
    expected: expected.size,
    found: run.found.length,
    recall: expected.size ? hit / expected.size : 1,
    precision: run.found.length ? hit / run.found.length : 1,
    exact: hit === expected.size && run.found.length === expected.size,
    msFirst: run.msFirst,
    msAll: run.msAll,
    bytes: mine.reduce((a, s) => a + s.bytes, 0),
    requests: mine.length,
    timeout: run.timeout,
    count: run.count,
    checked: run.checked,
    errors: run.errors.map((e) => e.slice(0, 200)),
    missing: [...expected].filter((u) => !run.found.includes(u)).slice(0, 5),
    extra: run.found.filter((u) => !expected.has(u)).slice(0, 5),
  };
}

/** The first query in a fresh browser: its time and every byte it downloaded, by kind and by file. */
function coldQuery(q: DriverQuery, run: PageSearch, mine: Served[]): SearchResult['cold'] {
  const byKind: Record<string, number> = {};
  for (const s of mine) byKind[kindOf(s.path)] = (byKind[kindOf(s.path)] ?? 0) + s.bytes;
  return {
    q: q.q,
    ms: run.msFirst,
    bytes: mine.reduce((a, s) => a + s.bytes, 0),
    requests: mine.length,
    byKind,
    files: [...mine].sort((a, b) => b.bytes - a.bytes),
  };
}

/** Medians and percentiles of the warm queries, recall and precision per category. */
function summarize(
  queries: DriverQuery[],
  runs: QueryRun[],
  cold: SearchResult['cold'] | undefined,
  broken: string | undefined,
): SearchResult {
  const warm = runs.slice(1).filter((r) => !r.timeout);
  const categories = [...new Set(runs.map((r) => r.category))];
  const firstMs = warm.map((r) => r.msFirst);
  return {
    broken,
    cold: cold ?? { q: queries[0]?.q ?? '', ms: NaN, bytes: NaN, requests: 0, byKind: {}, files: [] },
    warm: {
      n: warm.length,
      msMedian: pct(firstMs, 50),
      msP95: pct(firstMs, 95),
      msAllMedian: pct(
        warm.map((r) => r.msAll),
        50,
      ),
      bytesMedian: pct(
        warm.map((r) => r.bytes),
        50,
      ),
    },
    recall: mean(runs.map((r) => r.recall)),
    precision: mean(runs.map((r) => r.precision)),
    exact: runs.filter((r) => r.exact).length,
    n: runs.length,
    checkedQueries: runs.filter((r) => (r.checked ?? 0) > 0).length,
    timeouts: runs.filter((r) => r.timeout).length,
    withErrors: runs.filter((r) => r.errors.length > 0).length,
    byCategory: Object.fromEntries(
      categories.map((c) => {
        const rs = runs.filter((r) => r.category === c);
        return [
          c,
          {
            n: rs.length,
            recall: mean(rs.map((r) => r.recall)),
            precision: mean(rs.map((r) => r.precision)),
            exact: rs.filter((r) => r.exact).length,
          },
        ];
      }),
    ),
    runs,
  };
}

export interface BroadResult {
  q: string;
  /** Fresh browser: navigation to the first results on screen, and to the network falling idle. */
  coldMs: number;
  coldSettledMs: number;
  coldBytes: number;
  /** The same query again in that browser (warm HTTP cache). */
  warmMs: number;
  warmSettledMs: number;
  /** Main-thread long tasks (≥ 50 ms) of the warm run, summed: how long the page was unresponsive. */
  warmLongTasksMs: number;
  /** The longest single main-thread task of either run: how long a keystroke may wait. */
  longestTaskMs: number;
}

/**
 * The query a reader of this archive types first, 党建, matches every report:
 * the query set leaves such queries out (it keeps selective ones), so their
 * cost is measured here on its own.
 */
/** Makes every page of `context` record its main-thread long tasks (≥ 50 ms), for `longTasks`. */
export async function watchLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: number; __longestTask: number };
    w.__longTasks = 0;
    w.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__longTasks += e.duration;
        w.__longestTask = Math.max(w.__longestTask, e.duration);
      }
    }).observe({ entryTypes: ['longtask'] });
  });
}

/** The page's long tasks so far (`watchLongTasks`): their summed and their longest duration, ms. */
export function longTasks(page: Page): Promise<{ total: number; longest: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number; __longestTask: number };
    return { total: w.__longTasks, longest: w.__longestTask };
  });
}

export async function measureBroadQuery(dist: string, q = '党建', timeoutMs = 300_000): Promise<BroadResult> {
  const served: Served[] = [];
  const server = await serve(dist, served);
  const { origin } = server;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await watchLongTasks(context);
    const page = await context.newPage();
    const once = async () => {
      const { since, msFirst: ms } = await openUntilDone(page, `${origin}/search/?q=${encodeURIComponent(q)}`, timeoutMs);
      await page.waitForLoadState('networkidle', { timeout: timeoutMs });
      // Work still queued after the network is idle (filter counts) shows as long tasks: wait for a quiet half second.
      let last = -1;
      for (let i = 0; i < 600; i++) {
        const now = (await longTasks(page)).total;
        if (now === last) break;
        last = now;
        await page.waitForTimeout(500);
      }
      const { longest } = await longTasks(page);
      return { ms, settledMs: Date.now() - since - 500, longTasks: last, longest };
    };
    const from = served.length;
    const cold = await once();
    const coldBytes = served.slice(from).reduce((a, s) => a + s.bytes, 0);
    const warm = await once();
    return {
      q,
      coldMs: cold.ms,
      coldSettledMs: cold.settledMs,
      coldBytes,
      warmMs: warm.ms,
      warmSettledMs: warm.settledMs,
      warmLongTasksMs: warm.longTasks,
      longestTaskMs: Math.max(cold.longest, warm.longest),
    };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}
