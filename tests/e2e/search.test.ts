/**
 * Full-text search in a browser, at the root and under /archive/. The
 * expected pages come from the built HTML (the text of `data-pagefind-body`,
 * read with JavaScript off, as the team's checker reads it), never from the
 * search code, so whatever articles the build holds, a query must find every
 * page that contains it and nothing else.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as OpenCC from 'opencc-js';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { ROOT, SITES, type SiteName } from '../helpers/sites.ts';
import type { RunningServer } from '../../tools/shared/static-server.ts';

const EVAL = join(ROOT, '../shared/search-eval');
const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

interface TruthPage {
  url: string;
  text: string;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

async function groundTruth(browser: Browser, dist: string, base: string): Promise<TruthPage[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.route('**/*', (r) => r.abort());
  const page = await context.newPage();
  const pages: TruthPage[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-body')) continue;
    await page.setContent(html, { waitUntil: 'domcontentloaded' });
    const text = await page.evaluate(() => {
      const bodies = [...document.querySelectorAll('[data-pagefind-body]')].filter((el) => !el.parentElement?.closest('[data-pagefind-body]'));
      if (!bodies.length) return null;
      return bodies
        .map((el) => {
          const c = el.cloneNode(true) as Element;
          c.querySelectorAll('[data-pagefind-ignore], script, style').forEach((x) => x.remove());
          return c.textContent;
        })
        .join('\n');
    });
    if (text === null) continue;
    const rel = relative(dist, file).split('\\').join('/');
    pages.push({ url: base + (rel === 'index.html' ? '' : rel.replace(/index\.html$/, '')), text: norm(text) });
  }
  await context.close();
  return pages;
}

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

interface Outcome {
  found: string[];
  status: string;
  errors: string[];
}

async function runQuery(page: Page, server: RunningServer, q: string, extra = ''): Promise<Outcome> {
  const errors: string[] = [];
  const onError = (e: Error) => errors.push(e.message);
  // Like the team's checker: console errors count, a failed load is judged by its response.
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error' && !/^Failed to load resource/.test(m.text())) errors.push(m.text());
  };
  const onResponse = (r: { status(): number; url(): string }) => {
    if (r.status() >= 400 && !/\/favicon\.ico$/.test(new URL(r.url()).pathname)) errors.push(`${r.status()} ${r.url()}`);
  };
  page.on('pageerror', onError);
  page.on('console', onConsole);
  page.on('response', onResponse);
  await page.goto(server.url(`search/?q=${encodeURIComponent(q)}${extra}`));
  await page.waitForSelector('[data-search-results][data-state="done"]', { state: 'attached', timeout: 15_000 });
  for (;;) {
    const more = page.locator('[data-search-more]');
    if (!(await more.isVisible())) break;
    const before = await page.locator('a[data-result]').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelector('[data-search-results]')?.getAttribute('data-state') === 'done' && document.querySelectorAll('a[data-result]').length > n, before);
  }
  const hrefs = await page.$$eval('[data-search-results] a[data-result]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
  const status = (await page.locator('[data-search-status]').textContent()) ?? '';
  page.off('pageerror', onError);
  page.off('console', onConsole);
  page.off('response', onResponse);
  const found = [...new Set(hrefs.map((h) => new URL(h).pathname))].sort();
  return { found, status, errors };
}

const expected = (pages: TruthPage[], terms: string[]) =>
  pages
    .filter((p) => terms.every((t) => p.text.includes(norm(t))))
    .map((p) => p.url)
    .sort();

for (const name of Object.keys(SITES) as SiteName[]) {
  const site = SITES[name];
  describe(`search on the site built with base ${site.base}`, () => {
    const live = useSiteInBrowser(site);
    let context: BrowserContext;
    let page: Page;
    let truth: TruthPage[];

    beforeAll(async () => {
      truth = await groundTruth(live.browser, site.dist, site.base);
      context = await live.browser.newContext();
      page = await context.newPage();
    });
    afterAll(async () => {
      await context?.close();
    });

    it('has pages to search and an index built by npm run build', () => {
      expect(truth.length).toBeGreaterThan(0);
      expect(existsSync(join(site.dist, 'pagefind', 'pagefind-entry.json'))).toBe(true);
      expect(existsSync(join(site.dist, 'pagefind', 'pagefind-ui.js'))).toBe(false);
    });

    it('finds every page that contains a substring, and only those', async () => {
      const rand = random(name === 'root' ? 7 : 11);
      const queries = new Set<string>();
      while (queries.size < 24) {
        const p = truth[Math.floor(rand() * truth.length)];
        const len = 1 + Math.floor(rand() * 8);
        const at = Math.floor(rand() * Math.max(1, p.text.length - len));
        const q = p.text.slice(at, at + len);
        if (/\p{Script=Han}/u.test(q)) queries.add(q);
      }
      for (const q of queries) {
        const out = await runQuery(page, live.server, q);
        expect(out.found, q).toEqual(expected(truth, [q]));
        expect(out.errors, q).toEqual([]);
      }
    });

    it('finds Simplified text from Traditional queries', async () => {
      const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
      const rand = random(23);
      let tried = 0;
      for (let i = 0; i < 400 && tried < 8; i++) {
        const p = truth[Math.floor(rand() * truth.length)];
        const at = Math.floor(rand() * Math.max(1, p.text.length - 4));
        const q = p.text.slice(at, at + 2 + Math.floor(rand() * 3));
        const trad = toTraditional(q);
        if (trad === q || !/^\p{Script=Han}+$/u.test(q)) continue;
        tried++;
        const out = await runQuery(page, live.server, trad);
        expect(out.found, `${trad} (${q})`).toEqual(expected(truth, [q]));
      }
      expect(tried).toBeGreaterThan(0);
    });

    it('needs every term: a term found nowhere gives no results, never a dropped term', async () => {
      const common = truth[0].text.slice(0, 2);
      const absent = '蒙娜丽莎微笑';
      expect(truth.some((p) => p.text.includes(absent))).toBe(false);
      const out = await runQuery(page, live.server, `${common} ${absent}`);
      expect(out.found).toEqual([]);
      expect(out.status).toContain('没有找到');
      const both = await runQuery(page, live.server, `${truth[0].text.slice(10, 12)} ${truth[truth.length - 1].text.slice(20, 22)}`);
      expect(both.found).toEqual(expected(truth, [truth[0].text.slice(10, 12), truth[truth.length - 1].text.slice(20, 22)]));
    });

    it('handles bad input clearly, as text, without errors', async () => {
      const long = truth[0].text.slice(0, 1000).padEnd(1000, '院');
      const cases = ['', '   ', '，。！？、', '😀🏥', '<script>alert(1)</script>', '<img src=x onerror="window.__x=1">', '" OR 1=1 --', long, long + '多出来的字'];
      for (const q of cases) {
        const out = await runQuery(page, live.server, q);
        expect(out.errors, q).toEqual([]);
        if (q.trim() && q.length <= 1000) expect(out.found, q.slice(0, 30)).toEqual(expected(truth, q.trim().split(/\s+/)));
        expect(await page.locator('[data-search-results] img, [data-search-status] *').count()).toBe(0);
        expect(await page.evaluate(() => (window as any).__x)).toBeUndefined();
        if (q.trim() && q.length <= 1000) expect(out.status).toContain(q.trim().slice(0, 20));
      }
      expect((await runQuery(page, live.server, long + '多出来的字')).status).toContain('1000');
    });

    it('shows excerpts with the match marked, and links to the section of the hit', async () => {
      // Words from late in the longest page, where it has headings or sections before them.
      const longest = [...truth].sort((a, b) => b.text.length - a.text.length)[0];
      const at = Math.floor(longest.text.length * 0.7);
      const q = longest.text.slice(at, at + 5);
      const out = await runQuery(page, live.server, q);
      expect(out.found).toContain(longest.url);
      const marks = await page.$$eval('.search-result mark', (ms) => ms.map((m) => m.textContent));
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.every((m) => norm(m ?? '') === q)).toBe(true);
      const hrefs = await page.$$eval('a[data-result]', (as) => as.map((a) => a.getAttribute('href')!));
      for (const href of hrefs) {
        expect(href.startsWith(site.base)).toBe(true);
        const [path, hash] = href.split('#');
        if (!hash) continue;
        const html = readFileSync(join(site.dist, path.slice(site.base.length), 'index.html'), 'utf8');
        expect(html, href).toContain(`id="${hash}"`);
      }
      const html = readFileSync(join(site.dist, longest.url.slice(site.base.length), 'index.html'), 'utf8');
      if (/<(section|h[2-6])[^>]* id="/.test(html)) expect(hrefs.find((h) => h.split('#')[0] === longest.url)).toMatch(/#./);
    });

    it('shows results a few at a time behind a working "more" button', async () => {
      const q = '的';
      const all = expected(truth, [q]);
      const out = await runQuery(page, live.server, q, '&per=1');
      expect(out.found).toEqual(all);
      expect(out.status).toContain(String(all.length));
    });

    it('filters by province, hospital, year and measure kind, with counts, in the URL', async () => {
      await runQuery(page, live.server, '医院');
      await page.waitForSelector('[data-search-facets] input[type="checkbox"]');
      const legends = await page.$$eval('[data-search-facets] legend', (ls) => ls.map((l) => l.textContent));
      expect(legends).toEqual(expect.arrayContaining(['省份', '医院', '年份']));
      const total = (await page.$$('a[data-result]')).length;
      const box = page.locator('[data-search-facets] fieldset').first().locator('input').first();
      const label = await page.locator('[data-search-facets] fieldset').first().locator('label').first().textContent();
      const count = Number(/（(\d+)）/.exec(label ?? '')?.[1]);
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
      const article = truth[0].url;
      await page.goto(live.server.origin + article);
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

    it('says that search needs JavaScript when it is off', async () => {
      const noJs = await live.browser.newContext({ javaScriptEnabled: false });
      const p = await noJs.newPage();
      await p.goto(live.server.url('search/?q=党建'));
      expect(await p.locator('main').innerText()).toContain('搜索需要启用 JavaScript');
      await noJs.close();
    });
  });
}

describe('the team’s search checker', () => {
  for (const name of Object.keys(SITES) as SiteName[]) {
    const site = SITES[name];
    it.runIf(existsSync(join(EVAL, 'eval.mjs')))(
      `scores recall and precision 1.000 in every category (base ${site.base})`,
      () => {
        const json = join(ROOT, `dist-test/search-eval-${name}.json`);
        const output = execFileSync(
          'node',
          [join(EVAL, 'eval.mjs'), '--dist', site.dist, '--base', site.base, '--queries', join(EVAL, 'queries.public.json'), '--json', json, '--concurrency', '2'],
          { cwd: ROOT, encoding: 'utf8' },
        );
        const report = JSON.parse(readFileSync(json, 'utf8'));
        for (const [category, score] of Object.entries<any>(report.categories)) {
          expect([category, score.recall, score.precision, score.timeouts, score.withErrors], output.slice(-2500)).toEqual([category, 1, 1, 0, 0]);
        }
      },
      900_000,
    );
  }
});
