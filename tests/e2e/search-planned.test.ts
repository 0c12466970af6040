/**
 * Search on a synthetic archive of 100 reports, large enough that common
 * characters fill index chunks of their own: the search page's planner
 * (src/search/query/planner.ts) then looks long terms up by their cheapest keys and
 * checks the candidates on their text. Whatever the plan, every generated
 * query (hospitals, people, measures, phrases, Traditional, several terms,
 * absent) must find exactly the pages whose text holds it — ground truth read
 * from the built HTML, not from the search code.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../../tools/bench-scale/project.ts';
import { expectedPages, generateQueries, type Query } from '../../tools/bench-scale/queries.ts';
import { measureSearch, type SearchResult } from '../../tools/shared/search-driver.ts';
import { truthPages } from '../../tools/shared/search-truth.ts';
import { FACET_SHOWN } from '../../src/search/query/engine.ts';
import { DEFAULT_SEED } from '../../tools/synthetic/generate.ts';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { buildSite } from '../../tools/shared/build-site.ts';
import { ROOT } from '../helpers/sites.ts';

const BASE = join(ROOT, 'dist-test/synthetic');
const REPORTS = 100;
const DIST = join(BASE, String(REPORTS), 'dist');

let queries: Query[];
let result: SearchResult;

beforeAll(async () => {
  rmSync(BASE, { recursive: true, force: true });
  const project = createProject(REPORTS, DEFAULT_SEED, BASE);
  const { status, output } = buildSite({ OUT_DIR: DIST, ASTRO_CACHE_DIR: join(project.dir, '.astro-cache') }, project.dir);
  if (status !== 0) throw new Error(`building the ${REPORTS}-report archive failed:\n${output.slice(-4000)}`);
  const pages = truthPages(DIST);
  queries = generateQueries(project.archive.names, pages, { seed: DEFAULT_SEED });
  for (const q of queries) q.expected = expectedPages(q.match, pages);
  result = await measureSearch(DIST, queries);
}, 600_000);

describe(`search on a ${REPORTS}-report archive`, () => {
  it('runs every query without errors or timeouts', () => {
    expect(result.broken).toBeUndefined();
    expect(result.runs.filter((r) => r.timeout || r.errors.length).map((r) => `${r.q}: ${r.errors.join('; ')}`)).toEqual([]);
  });

  it('finds exactly the pages that hold each query', () => {
    const wrong = result.runs.filter((r) => !r.exact).map((r) => ({ q: r.q, missing: r.missing, extra: r.extra }));
    expect(wrong).toEqual([]);
    // The count on the first screen is already exact: candidates are checked before anything is counted.
    expect(result.runs.filter((r) => r.count !== r.expected).map((r) => `${r.q}: ${r.count} of ${r.expected}`)).toEqual([]);
    expect(result.n).toBe(queries.length);
    expect(queries.length).toBeGreaterThan(100);
  });

  it('leaves common characters out of the lookup for some queries, and checks those on the page text', () => {
    const checked = result.runs.filter((r) => (r.checked ?? 0) > 0);
    // Both paths ran: checked on text, and decided by the index alone.
    expect(checked.length).toBeGreaterThan(10);
    expect(checked.length).toBeLessThan(result.runs.length);
    expect(result.runs.every((r) => r.checked !== null)).toBe(true);
  });
});

describe(`filters of a broad query on a ${REPORTS}-report archive`, () => {
  const site = useSiteInBrowser({ dist: DIST, base: '/' });

  it('show the hospitals with most results and fold the rest, which can be opened and chosen by keyboard', async () => {
    const page = await site.browser.newPage();
    await page.goto(site.server.url(`search/?q=${encodeURIComponent('党建')}`));
    await page.waitForSelector('[data-search-results][data-state="done"]');
    const hospitals = page.locator('[data-search-facets] fieldset', { hasText: '医院' }).first();
    await hospitals.locator('input').first().waitFor();
    const more = hospitals.locator('details.search-facet-more');
    const total = await hospitals.locator('input').count();
    expect(total).toBeGreaterThan(FACET_SHOWN + 5);
    expect(await hospitals.locator(':scope > .search-facet-value input').count()).toBe(FACET_SHOWN);
    expect(await more.locator('summary').textContent()).toBe(`其余 ${total - FACET_SHOWN} 项`);
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    // Open it from the keyboard and choose the first folded hospital.
    await more.locator('summary').focus();
    await page.keyboard.press('Enter');
    const folded = more.locator('input').first();
    const name = String(await folded.getAttribute('value'));
    await folded.focus();
    await page.keyboard.press('Space');
    await page.waitForFunction((n) => new URLSearchParams(location.search).getAll('hospital').includes(n), name);
    await page.waitForSelector('[data-search-results][data-state="done"]');
    await page.waitForFunction((n) => (document.querySelector(`[data-search-facets] input[value="${n}"]`) as HTMLInputElement | null)?.checked === true, name);
    // The chosen hospital now shows among the first values; its results are all about it.
    const chosen = hospitals.locator(':scope > .search-facet-value input:checked');
    expect(await chosen.getAttribute('value')).toBe(name);
    const status = await page.textContent('[data-search-status]');
    expect(status).toMatch(/找到 \d+ 篇（已筛选）/);
    await page.close();
  });
});
