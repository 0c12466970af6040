/**
 * A query set through the real search page (`page-search.ts`), as the
 * benchmarks measure its cost on either build:
 * - project: the project's own /search/ page and index;
 * - plain: a minimal page written into the plain build's dist/search/
 *   (`plain-page.ts`), calling Pagefind's JS API (`pagefind.search(q)`, then
 *   `result.data()` for the URLs, ten at a time like the default UI, "more"
 *   loading the rest).
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
import { launchChromium } from '../chromium.ts';
import { pagefindKind } from '../dist.ts';
import { searchOnPage, type PageSearch } from './page-search.ts';
import { serve, type Served } from './served-site.ts';

/** A query to measure: what the reader types, and the pages (paths under the site) it must find. */
export interface DriverQuery {
  id: string;
  category: string;
  q: string;
  expected?: string[];
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
