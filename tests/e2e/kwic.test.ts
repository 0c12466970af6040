/**
 * The concordance view of the search page (`?view=kwic`) on the built site.
 * The expected number of occurrences comes from the built HTML (the text of
 * `data-pagefind-body`, as the team's checker reads it), never from the
 * search code: for each query, the rows the view lists, its total and its
 * downloads must count exactly the places the query stands on the pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSitesInBrowser } from '../helpers/browser.ts';
import { SITES } from '../helpers/sites.ts';
import { searchOnPage } from '../../tools/shared/search-driver/page-search.ts';
import { evalNormalize, truthPages, type TruthPage } from '../../tools/shared/search-truth.ts';

/** Joining punctuation, which search skips on both sides (docs/search.md). */
const JOINING = /[、“”‘’《》〈〉「」『』·・‧"']/gu;

/** Occurrences of a term in a text, overlapping ones included (哈哈 stands twice in 哈哈哈). */
function occurrences(text: string, term: string): number {
  let n = 0;
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) n++;
  return n;
}

/** The pages that hold every term, and how many times the terms stand on them in all. */
function expectedCount(pages: TruthPage[], terms: string[]): { pages: number; total: number } {
  const texts = pages.map((p) => p.text.replace(JOINING, ''));
  const keys = terms.map((t) => evalNormalize(t).replace(JOINING, ''));
  const hits = texts.filter((text) => keys.every((k) => text.includes(k)));
  return { pages: hits.length, total: hits.reduce((sum, text) => sum + keys.reduce((s, k) => s + occurrences(text, k), 0), 0) };
}

const live = useSitesInBrowser([SITES.root, SITES.archive]);

async function openKwic(page: Page, site: { dist: string; base: string }, q: string, extra = '') {
  const out = await searchOnPage(page, live.server(site).url(`search/?q=${encodeURIComponent(q)}&view=kwic${extra}`));
  expect(out.errors, q).toEqual([]);
  return out;
}

/** Clicks the concordance's "more" until every row shows. */
async function showAllRows(page: Page): Promise<number> {
  const more = page.locator('[data-kwic] .search-more');
  while (await more.isVisible()) {
    const before = await page.locator('[data-kwic-row]').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-kwic-row]').length > n, before);
  }
  return page.locator('[data-kwic-row]').count();
}

describe.each([
  // A common term (over 100 places: more than one screen of rows), the commonest character, and two terms.
  { site: SITES.root, queries: ['党建', '的', '党建 医院'] },
  // The tests below read 党建 under /archive/ in full.
  { site: SITES.archive, queries: ['党建 医院'] },
])('the concordance on the site built with base $site.base', ({ site, queries }) => {
  const truth = truthPages(site.dist, site.base);

  it.each(queries)('lists every occurrence of “%s” on the result pages, one row each, with the exact total', async (q) => {
    const want = expectedCount(truth, q.split(' '));
    expect(want.total).toBeGreaterThan(0);
    const context = await live.browser.newContext();
    const page = await context.newPage();
    const out = await openKwic(page, site, q);
    expect(out.status).toContain(`共 ${want.total} 处，见于 ${want.pages} 篇`);
    expect(await page.locator('[data-kwic]').getAttribute('data-kwic-total')).toBe(String(want.total));
    expect(await page.locator('[data-kwic-row]').count()).toBe(Math.min(100, want.total));
    expect(await showAllRows(page)).toBe(want.total);
    await context.close();
  });
});

describe('the concordance under /archive/', () => {
  const site = SITES.archive;
  const truth = truthPages(site.dist, site.base);

  it('shows each row as a piece of its page’s visible text, linked under the base to an element of that page', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await openKwic(page, site, '党建');
    await showAllRows(page);
    const rows = await page.$$eval('[data-kwic-row]', (items) =>
      items.map((li) => ({
        text: ['.kwic-left', '.kwic-hit', '.kwic-right'].map((s) => li.querySelector(s)?.textContent ?? '').join(''),
        hit: li.querySelector('.kwic-hit')?.textContent ?? '',
        href: li.querySelector('a')?.getAttribute('href') ?? '',
      })),
    );
    expect(rows.length).toBe(expectedCount(truth, ['党建']).total);
    expect(rows.filter((r) => r.hit.replace(JOINING, '') !== '党建')).toEqual([]);
    expect(rows.filter((r) => !r.href.startsWith(site.base))).toEqual([]);
    // Rows link to their paragraph (else heading or section; a hit in the title to the page).
    expect(rows.filter((r) => r.href.includes('#p-')).length).toBeGreaterThan(rows.length / 2);
    const dangling = rows.filter(({ href }) => {
      const [path, hash] = href.split('#');
      const html = readFileSync(join(site.dist, path.slice(site.base.length), 'index.html'), 'utf8');
      return hash !== undefined && !html.includes(`id="${hash}"`);
    });
    expect(dangling).toEqual([]);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const missing: string[] = [];
    const other = await context.newPage();
    for (const path of new Set(rows.map((r) => r.href.split('#')[0]))) {
      await other.goto(live.server(site).origin + path);
      const visible = squash(await other.locator('body').innerText());
      for (const r of rows) if (r.href.startsWith(`${path}#`) && !visible.includes(squash(r.text))) missing.push(`${path}: ${r.text}`);
    }
    expect(missing).toEqual([]);
    await context.close();
  });

  it('sorts by the URL’s order, switches views by plain links that keep the query', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await openKwic(page, site, '党建', '&kwic-sort=right');
    expect(await page.locator('[data-kwic-sort="right"]').getAttribute('aria-current')).toBe('true');
    const rights = await page.$$eval('[data-kwic-row] .kwic-right', (es) => es.map((e) => e.textContent ?? ''));
    const collator = new Intl.Collator('zh-Hans-CN', { ignorePunctuation: true });
    expect(rights).toEqual([...rights].sort(collator.compare));
    const results = page.locator('[data-search-view="results"]');
    expect(await results.getAttribute('href')).toBe(`?q=${encodeURIComponent('党建')}`);
    await results.click();
    await page.waitForFunction(() => !location.search.includes('view=kwic'));
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    expect(await page.locator('a[data-result]').count()).toBe(expectedCount(truth, ['党建']).pages);
    expect(await page.locator('[data-kwic-row]').count()).toBe(0);
    const kwic = await page.locator('[data-search-view="kwic"]').getAttribute('href');
    expect(kwic).toBe(`?q=${encodeURIComponent('党建')}&view=kwic`);
    await context.close();
  });

  it('downloads every row as CSV (UTF-8 BOM) and JSON', async () => {
    const want = expectedCount(truth, ['党建']).total;
    const context = await live.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await openKwic(page, site, '党建');
    const file = async (kind: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-kwic-download="${kind}"]`).click()]);
      return readFileSync((await download.path())!, 'utf8');
    };
    const csv = await file('csv');
    expect(csv.startsWith('\uFEFFleft,hit,right,title,section,year,url\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(want + 1);
    const json = JSON.parse(await file('json'));
    expect([json.query, json.total, json.rows.length]).toEqual(['党建', want, want]);
    expect(json.rows.filter((r: { url: string }) => !new RegExp(`^http://[^/]+${site.base}articles/`).test(r.url))).toEqual([]);
    await context.close();
  });
});
