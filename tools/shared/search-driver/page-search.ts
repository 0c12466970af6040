/**
 * The one way tests and benchmarks search through a site's real search page
 * in Chromium, by the contract of ../shared/search-eval/README.md:
 * `{base}search/?q=…` runs the search on load,
 * `[data-search-results][data-state="done"]` says it finished,
 * `a[data-result]` are the results, `[data-search-more]` shows more.
 *
 * `searchOnPage` runs one query on an open tab (tests drive their own pages
 * with it); the benchmarks run query sets through it (`query-set.ts`), and
 * the broad query (`broad-query.ts`).
 */
import type { ConsoleMessage, Page, Request, Response } from 'playwright-core';

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
export async function openUntilDone(page: Page, url: string, timeoutMs: number): Promise<{ since: number; msFirst: number }> {
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
