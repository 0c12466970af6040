/**
 * Concordance benchmark: what the concordance view of a common term costs on
 * a built site, screen by screen, as a reader meets it. In one fresh browser:
 * the results view of the query (the page a reader comes from), then
 * `view=kwic` in the same tab (first 100 rows, date order), then "more" three
 * times, then the 左语境 order (which must ask before reading every page of a
 * large archive). Prints bytes as sent (gzip), requests, time to rows, and the
 * longest main-thread task of the whole run. Not a test: it prints numbers.
 *
 *   npm run bench:kwic -- --dist .tmp/scale/10000/dist-project [--q 党建]
 *
 * --dist DIR: a site built with BASE_PATH=/ (default dist); --q TEXT: the
 * query (default 党建, which stands on every page of the synthetic archive).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../shared/chromium.ts';
import { parseCommandLine } from '../shared/cli.ts';
import { longTasks, watchLongTasks } from '../shared/search-driver/broad-query.ts';
import { SELECT_DONE } from '../shared/search-driver/page-search.ts';
import { serveStatic } from '../shared/static-server.ts';

const { values } = parseCommandLine(import.meta.url, {
  options: { dist: { type: 'string', default: 'dist' }, q: { type: 'string', default: '党建' } },
});

const sent = { bytes: 0, requests: 0 };
const server = await serveStatic(resolve(values.dist), '/', {
  gzip: true,
  cache: true,
  onBody: (_path, bytes) => {
    sent.bytes += bytes;
    sent.requests++;
  },
});
const browser = await launchChromium();

/** Runs one step and prints what it sent and how long it took until `ready`. */
async function step(label: string, page: Page, act: () => Promise<unknown>, ready: () => Promise<unknown>) {
  sent.bytes = 0;
  sent.requests = 0;
  const t0 = performance.now();
  await act();
  await ready();
  const ms = performance.now() - t0;
  await page.waitForLoadState('networkidle');
  const rows = await page.locator('[data-kwic-row]').count();
  const status = (await page.locator('[data-search-status]').textContent())?.trim();
  console.log(`${label}: ${(sent.bytes / 1024).toFixed(1)} KiB, ${sent.requests} requests, ${ms.toFixed(0)} ms; ${rows} rows; ${status}`);
}

try {
  const context = await browser.newContext();
  await watchLongTasks(context);
  const page = await context.newPage();
  const url = (extra: string) => server.url(`search/?q=${encodeURIComponent(values.q)}${extra}`);
  const done = () => page.waitForSelector(SELECT_DONE, { state: 'attached', timeout: 120_000 });
  let longest = 0;
  // Each navigation starts a new page: its longest task is read before the next one.
  const noteLongest = async () => {
    longest = Math.max(longest, (await longTasks(page)).longest);
  };
  await step('results view, fresh browser', page, () => page.goto(url(''), { waitUntil: 'commit' }), done);
  await noteLongest();
  await step('concordance, first rows', page, () => page.goto(url('&view=kwic'), { waitUntil: 'commit' }), done);
  for (let i = 1; i <= 3; i++) {
    const before = await page.locator('[data-kwic-row]').count();
    await step(
      `concordance, more (${i})`,
      page,
      () => page.locator('[data-kwic] button.search-more').first().click(),
      () => page.waitForFunction((n) => document.querySelectorAll('[data-kwic-row]').length > n, before, { timeout: 120_000 }),
    );
  }
  await noteLongest();
  await step('concordance, 左语境 order', page, () => page.goto(url('&view=kwic&kwic-sort=left'), { waitUntil: 'commit' }), done);
  await noteLongest();
  console.log(`asks before reading every page: ${(await page.getByText('读取并排序').count()) > 0 ? 'yes' : 'no'}`);
  console.log(`longest main-thread task: ${longest.toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.close();
}
