/**
 * Full-text search in a browser. The expected pages come from the built HTML
 * (the text of `data-pagefind-body`, as the team's checker reads it), never
 * from the search code, so whatever articles the build holds, a query must
 * find every page that contains it and nothing else.
 *
 * Recall and precision over the public query set (Simplified, Traditional,
 * several terms, absent terms, Latin, single characters, …) are the team's
 * checker's job, run once under /archive/: a sub-path is the harder case for
 * URLs. The tests here check what the checker does not: the index's pages,
 * result links and excerpts at both bases, and under /archive/ the status
 * line, bad input, "more", filters, the header box and the page without
 * JavaScript.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useSitesInBrowser } from '../helpers/browser.ts';
import { loadArticles } from '../helpers/content.ts';
import { E2E_DIR, ROOT, SITES } from '../helpers/sites.ts';
import { searchOnPage, type PageSearch } from '../../tools/shared/search-driver/page-search.ts';
import { evalNormalize, truthPages, type TruthPage } from '../../tools/shared/search-truth.ts';

const EVAL = join(ROOT, '../shared/search-eval');

/** The pages a query must find: those whose text holds every term. */
const expected = (pages: TruthPage[], terms: string[]) =>
  pages
    .filter((p) => terms.every((t) => p.text.includes(evalNormalize(t))))
    .map((p) => p.url)
    .sort();

const live = useSitesInBrowser([SITES.root, SITES.archive]);

/** One search through the search page of `site`; `extra` is appended to the query string. */
function search(page: Page, site: { dist: string; base: string }, q: string, extra = ''): Promise<PageSearch> {
  return searchOnPage(page, live.server(site).url(`search/?q=${encodeURIComponent(q)}${extra}`));
}

describe.each([SITES.root, SITES.archive])('search on the site built with base $base', (site) => {
  const truth = truthPages(site.dist, site.base);

  it('indexes every article page, with the index built by npm run build and no default Pagefind UI', async () => {
    const articles = (await loadArticles()).filter((a) => !a.data.draft);
    const urls = new Set(truth.map((p) => p.url));
    expect(articles.map((a) => `${site.base}articles/${a.id}/`).filter((url) => !urls.has(url))).toEqual([]);
    expect(existsSync(join(site.dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(existsSync(join(site.dist, 'pagefind', 'pagefind-ui.js'))).toBe(false);
  });

  it('shows excerpts with the match marked, and links each result under the base to the section of the hit', async () => {
    // Words from late in the longest page, where it has sections before them.
    const longest = [...truth].sort((a, b) => b.text.length - a.text.length)[0];
    const longestHtml = readFileSync(join(site.dist, longest.url.slice(site.base.length), 'index.html'), 'utf8');
    expect(longestHtml).toMatch(/<(section|h[2-6])[^>]* id="/);
    const at = Math.floor(longest.text.length * 0.7);
    const q = longest.text.slice(at, at + 5);
    const context = await live.browser.newContext();
    const page = await context.newPage();
    const out = await search(page, site, q);
    expect(out.errors).toEqual([]);
    expect(out.found).toEqual(expected(truth, [q]));
    const marks = await page.$$eval('.search-result mark', (ms) => ms.map((m) => m.textContent ?? ''));
    expect(marks.length).toBeGreaterThanOrEqual(out.found.length);
    // Joining punctuation (、“” …) is skipped on both sides: a mark holds the term's characters from first to last.
    const joinless = (s: string) => s.replace(/[、“”‘’《》〈〉「」『』·・‧"']/gu, '');
    expect(marks.filter((m) => joinless(evalNormalize(m)) !== joinless(q))).toEqual([]);
    const hrefs = await page.$$eval('a[data-result]', (as) => as.map((a) => a.getAttribute('href')!));
    await context.close();
    expect(hrefs.filter((href) => !href.startsWith(site.base))).toEqual([]);
    // Every fragment names an element of its page.
    const dangling = hrefs.filter((href) => {
      const [path, hash] = href.split('#');
      return (
        hash !== undefined && !readFileSync(join(site.dist, path.slice(site.base.length), 'index.html'), 'utf8').includes(`id="${hash}"`)
      );
    });
    expect(dangling).toEqual([]);
    expect(hrefs.find((h) => h.split('#')[0] === longest.url)).toMatch(/#./);
  });
});

describe('search under /archive/ in a browser', () => {
  const site = SITES.archive;
  const truth = truthPages(site.dist, site.base);
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await live.browser.newContext();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('needs every term: a term found nowhere gives no results, never a dropped term', async () => {
    const common = truth[0].text.slice(0, 2);
    const absent = '蒙娜丽莎微笑';
    expect(truth.some((p) => p.text.includes(absent))).toBe(false);
    const out = await search(page, site, `${common} ${absent}`);
    expect(out.found).toEqual([]);
    expect(out.status).toContain('没有找到');
    const terms = [truth[0].text.slice(10, 12), truth[truth.length - 1].text.slice(20, 22)];
    const both = await search(page, site, terms.join(' '));
    expect(both.found).toEqual(expected(truth, terms));
    expect(both.status).toContain(`找到 ${both.found.length} 篇`);
  });

  it('handles bad input clearly, as text, without errors', async () => {
    const long = truth[0].text.slice(0, 1000).padEnd(1000, '院');
    const outcomes: { q: string; out: PageSearch; markup: number; ran: unknown }[] = [];
    for (const q of [
      '',
      '   ',
      '，。！？、',
      '😀🏥',
      '<script>alert(1)</script>',
      '<img src=x onerror="window.__x=1">',
      '" OR 1=1 --',
      long,
      `${long}多出来的字`,
    ]) {
      const out = await search(page, site, q);
      const markup = await page.locator('[data-search-results] img, [data-search-status] *').count();
      outcomes.push({ q, out, markup, ran: await page.evaluate(() => (window as any).__x) });
    }
    for (const { q, out, markup, ran } of outcomes) {
      expect([out.errors, markup, ran], q.slice(0, 30)).toEqual([[], 0, undefined]);
    }
    const [empty, blank, ...texts] = outcomes;
    const tooLong = texts.pop()!;
    expect([empty.out.found, blank.out.found]).toEqual([[], []]);
    for (const { q, out } of texts) {
      expect(out.found, q.slice(0, 30)).toEqual(expected(truth, q.trim().split(/\s+/)));
      expect(out.status, q.slice(0, 30)).toContain(q.slice(0, 20));
    }
    // Only the first 1000 characters count, and the reader is told so.
    expect(tooLong.out.found).toEqual(expected(truth, [long]));
    expect(tooLong.out.status).toContain('1000');
  });

  it('shows results a few at a time behind a working "more" button', async () => {
    const q = '的';
    const all = expected(truth, [q]);
    expect(all.length).toBeGreaterThan(2);
    const out = await search(page, site, q, '&per=1');
    expect(out.errors).toEqual([]);
    // One result a screen (results are sections, several may be on one page), so one click for each after the first.
    expect(out.clicks).toBe(out.hrefs.length - 1);
    expect(out.found).toEqual(all);
    expect(out.status).toContain(`找到 ${all.length} 篇`);
  });

  it('filters by province, hospital, year and measure kind, with counts, in the URL', async () => {
    const out = await search(page, site, '医院');
    expect(out.errors).toEqual([]);
    await page.waitForSelector('[data-search-facets] input[type="checkbox"]');
    const legends = await page.$$eval('[data-search-facets] legend', (ls) => ls.map((l) => l.textContent));
    expect(legends).toEqual(expect.arrayContaining(['省份', '医院', '年份']));
    // Each group in the order fixed at build time: years newest first, names in pinyin order.
    const groups = await page.$$eval('[data-search-facets] fieldset', (fs) =>
      fs.map((f) => [...f.querySelectorAll('input')].map((i) => i.value)),
    );
    const pinyin = new Intl.Collator('zh-Hans-CN');
    for (const values of groups) {
      const years = values.every((v) => /^\d+$/.test(v));
      expect(values).toEqual([...values].sort((a, b) => (years ? Number(b) - Number(a) : pinyin.compare(a, b))));
    }
    expect(groups.some((values) => values.length > 1)).toBe(true);
    const total = out.hrefs.length;
    const box = page.locator('[data-search-facets] fieldset').first().locator('input').first();
    const label = await page.locator('[data-search-facets] fieldset').first().locator('label').first().textContent();
    const count = Number(/（(\d+)）/.exec(label ?? '')?.[1]);
    expect(count).toBeLessThan(total);
    await box.check();
    await page.waitForFunction(() => location.search.includes('province='));
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    expect(await page.locator('a[data-result]').count()).toBe(count);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes('province='));
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    expect(await page.locator('a[data-result]').count()).toBe(total);
    await page.goForward();
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    expect(await page.locator('a[data-result]').count()).toBe(count);
    expect(await page.locator('[data-search-facets] input:checked').count()).toBe(1);
  });

  it('searches from the header box of any page, with the keyboard', async () => {
    await page.goto(live.server(site).origin + truth[0].url);
    await page.locator('#site-search-q').fill('党建');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=/);
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    expect(new URL(page.url()).pathname).toBe(`${site.base}search/`);
    expect(await page.locator('a[data-result]').count()).toBe(expected(truth, ['党建']).length);
    await page.locator('#search-q').fill('医院');
    await page.locator('#search-q').press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === '医院');
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    expect(await page.locator('a[data-result]').count()).toBe(expected(truth, ['医院']).length);
  });

  it('shows excerpts as printed: each is a piece of its page’s visible text, full-width punctuation kept', async () => {
    const out = await search(page, site, '党建');
    expect(out.found.length).toBeGreaterThan(1);
    const excerpts = await page.$$eval('[data-search-results] .search-result', (items) =>
      items.map((li) => ({
        href: li.querySelector('a[data-result]')!.getAttribute('href')!.split('#')[0],
        texts: [...li.querySelectorAll('[data-result-excerpt]')].map((e) => e.textContent ?? ''),
      })),
    );
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const other = await context.newPage();
    const missing: string[] = [];
    for (const { href, texts } of excerpts) {
      await other.goto(live.server(site).origin + href);
      const visible = squash(await other.locator('body').innerText());
      for (const t of texts) if (!visible.includes(squash(t))) missing.push(`${href}: ${t}`);
    }
    await other.close();
    expect(missing).toEqual([]);
    expect(excerpts.flatMap((e) => e.texts).some((t) => /[，。：；]/.test(t))).toBe(true);
    expect(excerpts.flatMap((e) => e.texts).some((t) => /[,:;]\p{Script=Han}/u.test(t))).toBe(false);
  });

  it('finds a hospital by any of its names, starts with its card, and finds no hospital that is not there', async () => {
    // 高安市中医医院 (江西省宜春市): the reports call it that and 高安市中医院; readers may type 江西高安中医院.
    const official = expected(truth, ['高安市中医医院']);
    expect(official.length).toBeGreaterThan(0);
    const derived = await search(page, site, '江西高安中医院');
    expect(derived.errors).toEqual([]);
    expect(derived.found).toEqual(expect.arrayContaining(official));
    const card = page.locator('[data-search-entity]');
    expect(await card.count()).toBe(1);
    expect(await card.locator('a').getAttribute('href')).toBe(`${site.base}hospitals/gaoan-tcm/`);
    expect(await card.locator('[data-result]').count()).toBe(0);
    expect(await page.locator('[data-search-entity][data-result], [data-search-entity] [data-result]').count()).toBe(0);
    // A person by name with a title: every page that mentions the name, and the person's card.
    const titled = await search(page, site, '党委书记陈琳');
    expect(titled.found).toEqual(expected(truth, ['陈琳']));
    expect(await page.locator('[data-search-entity="person"]').count()).toBe(1);
    // A doubtful printed name is found by its likely reading (the person's `readings`), as printed in the text.
    const reading = await search(page, site, '钱远坤');
    expect(reading.found).toEqual(expected(truth, ['钱运坤']));
    expect(reading.found.length).toBeGreaterThan(0);
    expect(await page.locator('[data-search-entity="person"] a').getAttribute('href')).toBe(`${site.base}people/qian-yunkun/`);
    // A province by its short name and a measure by its name without its quotation marks: their cards.
    await search(page, site, '辽宁');
    expect(await page.locator('[data-search-entity="province"] a').getAttribute('href')).toBe(`${site.base}provinces/liaoning/`);
    const measure = await search(page, site, '红色密钥');
    expect(measure.found.length).toBeGreaterThan(0);
    expect(await page.locator('[data-search-entity="measure"] a').getAttribute('href')).toBe(`${site.base}measures/benxi-central-red-key/`);
    expect(await page.locator('[data-search-entity="measure"]').innerText()).toContain('本溪市中心医院');
    const absent = await search(page, site, '高安市人民医院');
    expect(absent.found).toEqual([]);
    expect(await page.locator('[data-search-entity]').count()).toBe(0);
  });

  it('offers names, the Simplified form and each term alone when nothing is found, never as results', async () => {
    const out = await search(page, site, '高安中醫醫館 党建');
    expect(out.found).toEqual([]);
    const offers = await page.$$eval('[data-search-suggestion]', (as) => as.map((a) => a.textContent ?? ''));
    expect(offers).toContain('简体：高安中医医馆 党建');
    expect(offers).toContain('高安市中医医院');
    expect(offers).toContain(`党建（${expected(truth, ['党建']).length} 篇）`);
    // A term that finds nothing alone is no way out: it is not offered.
    expect(offers.filter((o) => o.startsWith('高安中醫醫館'))).toEqual([]);
    expect(await page.locator('[data-search-suggestion][data-result], a[data-result]').count()).toBe(0);
  });

  it('suggests hospital names while typing, as a keyboard-operable combobox', async () => {
    await page.goto(live.server(site).url('search/'));
    const box = page.locator('#search-q');
    await box.focus();
    await box.pressSequentially('高安');
    await page.waitForSelector('[data-search-names] [role="option"]');
    expect(await box.getAttribute('role')).toBe('combobox');
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const options = await page.$$eval('[data-search-names] [role="option"]', (os) => os.map((o) => o.textContent ?? ''));
    expect(options).toContain('高安市中医医院');
    await box.press('ArrowDown');
    const first = await box.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${first}`).getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q')?.startsWith('高安'));
    await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached' });
    expect(await box.inputValue()).toBe(options[0]);
    expect(await page.locator('a[data-result]').count()).toBeGreaterThan(0);
  });

  it('finds the same pages with Pagefind in its worker, which a large archive uses, as on the main thread', async () => {
    // The real archive is small, so its page keeps Pagefind on the main thread and never fetches the worker.
    expect(readFileSync(join(site.dist, 'search/index.html'), 'utf8')).not.toContain('data-search-worker');
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    // Terms of one character: only Pagefind answers them (names and longer terms go to the names and pair tables).
    for (const q of ['院', '党 高安中医院', '醫 支部']) {
      fetched.length = 0;
      const main = await search(page, site, q);
      expect(
        fetched.some((p) => p.endsWith('/pagefind-worker.js')),
        q,
      ).toBe(false);
      const inWorker = await search(page, site, q, '&worker=on');
      expect(inWorker.errors, q).toEqual([]);
      expect(inWorker.found, q).toEqual(main.found);
      expect(
        fetched.some((p) => p.endsWith('/pagefind-worker.js')),
        q,
      ).toBe(true);
    }
    page.removeAllListeners('request');
  });

  it('answers names and two-character words from its own tables, without fetching Pagefind', async () => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    for (const q of ['党建', '高安中医院', '醫院 支部', '党建 高安中医院']) {
      fetched.length = 0;
      const { found, errors } = await search(page, site, q);
      expect(errors, q).toEqual([]);
      expect(found.length, q).toBeGreaterThan(0);
      expect(
        fetched.filter((p) => /\/pagefind\/(pagefind|wasm)|\.pf_(meta|index)$/.test(p)),
        q,
      ).toEqual([]);
    }
    page.removeAllListeners('request');
  });

  it('decides longer words on many pages by the position table, without Pagefind or the pages’ text', async () => {
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    for (const q of ['医院党委', '党支部', '高质量发展', '医疗服务 党员干部']) {
      fetched.length = 0;
      const out = await search(page, site, q);
      expect(out.errors, q).toEqual([]);
      expect(out.found, q).toEqual(expected(truth, q.split(' ')));
      expect(out.found.length, q).toBeGreaterThan(3);
      expect(out.checked, q).toBe(0);
      expect(
        fetched.some((p) => /\/pagefind\/positions\//.test(p)),
        q,
      ).toBe(true);
      expect(
        fetched.filter((p) => /\/pagefind\/(pagefind|wasm)|\.pf_(meta|index)$/.test(p)),
        q,
      ).toEqual([]);
    }
    page.removeAllListeners('request');
  });

  it('orders by relevance unless the URL asks for newest or oldest', async () => {
    const newest = await search(page, site, '党建', '&sort=newest');
    const oldest = await search(page, site, '党建', '&sort=oldest');
    expect(oldest.hrefs.map((h) => h.split('#')[0])).toEqual(newest.hrefs.map((h) => h.split('#')[0]).reverse());
    expect(await page.locator('[data-search-sort]').inputValue()).toBe('oldest');
    const relevant = await search(page, site, '党建');
    expect([...relevant.found].sort()).toEqual([...newest.found].sort());
  });

  it('says when the index cannot be loaded, within 10 s, with a retry that works', async () => {
    const broken = await live.browser.newContext();
    let mode: 'missing' | 'stalled' | 'fine' = 'missing';
    await broken.route('**/pagefind/**', (route) => {
      if (mode === 'missing') return route.fulfill({ status: 404, body: 'missing' });
      if (mode === 'fine') return route.continue();
      // Stalled: never answered.
    });
    const p = await broken.newPage();
    for (const m of ['missing', 'stalled'] as const) {
      mode = m;
      const started = Date.now();
      await p.goto(live.server(site).url(`search/?q=${encodeURIComponent('党建')}`), { waitUntil: 'domcontentloaded' });
      await p.waitForSelector('[data-search-results][data-state="error"]', { state: 'attached', timeout: 10_000 });
      expect(Date.now() - started, m).toBeLessThan(10_000);
      expect(await p.locator('[data-search-status]').innerText(), m).toContain('未能载入搜索索引');
      expect(await p.locator('[data-search-retry]').isVisible(), m).toBe(true);
      expect(await p.locator('a[data-result]').count(), m).toBe(0);
    }
    mode = 'fine';
    await p.locator('[data-search-retry]').click();
    await p.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached', timeout: 15_000 });
    expect(await p.locator('a[data-result]').count()).toBe(expected(truth, ['党建']).length);
    expect(await p.locator('[data-search-retry]').isVisible()).toBe(false);
    await broken.close();
  });

  it('says that search needs JavaScript when it is off', async () => {
    const noJs = await live.browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(live.server(site).url('search/?q=党建'));
    expect(await p.locator('main').innerText()).toContain('搜索需要启用 JavaScript');
    await noJs.close();
  });
});

describe('the team’s search checker', () => {
  it('scores recall and precision 1.000 in every category, with no timeout or error, under /archive/', () => {
    const site = SITES.archive;
    if (!existsSync(join(EVAL, 'eval.mjs')))
      throw new Error(`the team's search checker is missing: expected ${join(EVAL, 'eval.mjs')} (../shared beside the project)`);
    const json = join(E2E_DIR, 'search-eval-archive.json');
    const output = execFileSync(
      'node',
      [
        join(EVAL, 'eval.mjs'),
        '--dist',
        site.dist,
        '--base',
        site.base,
        '--queries',
        join(EVAL, 'queries.public.json'),
        '--json',
        json,
        '--concurrency',
        '2',
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const report = JSON.parse(readFileSync(json, 'utf8'));
    const queries: { category: string }[] = JSON.parse(readFileSync(join(EVAL, 'queries.public.json'), 'utf8'));
    const categories = [...new Set(queries.map((q) => q.category))].sort();
    const scores = Object.entries<any>(report.categories).map(([category, s]) => [
      category,
      s.recall,
      s.precision,
      s.timeouts,
      s.withErrors,
    ]);
    expect(scores.sort(), output.slice(-2500)).toEqual(categories.map((category) => [category, 1, 1, 0, 0]));
    expect(report.overall.n).toBe(queries.length);
  }, 900_000);
});
