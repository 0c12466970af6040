/**
 * Accessibility of the built site, as readers meet it:
 * - axe-core finds no violation on any page (every HTML file, the 404 page
 *   included), in light and in dark (system dark scheme);
 * - every page of both builds is valid HTML (html-validate);
 * - keyboard alone: the skip link comes first and lands in the content, every
 *   stop shows a visible focus ring, the search box submits, search results
 *   open, the theme toggle works;
 * - the theme: follows the system with JavaScript off (no dead toggle), a
 *   chosen theme persists and is on the page before the body renders.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import axe from 'axe-core';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { loadContent } from '../helpers/content.ts';
import { ROOT, SITES } from '../helpers/sites.ts';
import { keyPages } from '../../tools/shared/key-pages.ts';
import { walk } from '../../tools/shared/dist.ts';

const site = SITES.root;

/** Every HTML file of a built site (pages and the 404 page), sorted. */
function htmlFiles(dist: string): string[] {
  return walk(dist)
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** The search page with a query, so results and filters are on it. The site must have one. */
function searchPage(): string {
  const search = keyPages(site.dist).find((p) => p.name === 'search');
  expect(search, 'the built site has a search page').toBeDefined();
  return search!.path;
}

function describeViolations(path: string, violations: axe.Result[]): string[] {
  return violations.map(
    (v) =>
      `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

const live = useSiteInBrowser(site);

describe('axe-core on every page', () => {
  const pages = htmlFiles(site.dist).map((f) => relative(site.dist, f));
  // One page per template: `measures/x/index.html` and `measures/y/index.html` share `measures/*/`.
  const template = (path: string) => path.replace(/^([^/]+)\/[^/]+\/index\.html$/, '$1/*/');
  // The first page of each template (the Map keeps the first set of each key when built from the reversed list).
  const darkSample = new Set([...new Map(pages.map((p): [string, string] => [template(p), p]).reverse()).values()]);
  // Every article, and up to PER_TEMPLATE pages of every other template: the entity pages of one template differ only
  // in their text, which html-validate's a11y rules check on every page below.
  const PER_TEMPLATE = 8;
  const seen = new Map<string, number>();
  const lightSample = pages.filter((p) => {
    const t = template(p);
    seen.set(t, (seen.get(t) ?? 0) + 1);
    return t === 'articles/*/' || seen.get(t)! <= PER_TEMPLATE;
  });

  it('finds the pages to check: home, 404, search and every article', async () => {
    const { articles } = await loadContent();
    const published = articles.filter((a) => a.data.draft !== true);
    const expected = ['index.html', '404.html', 'search/index.html', ...published.map((a) => `articles/${a.id}/index.html`)];
    expect(expected.filter((p) => !pages.includes(p))).toEqual([]);
  });

  // Each worker loads axe once, then writes each page's HTML into its document
  // (page.setContent = document.open/write, which keeps the window, and axe
  // with it; stylesheets come from the site, so colours are real). Every rule
  // runs in light on every article and on up to PER_TEMPLATE pages of each
  // other template; then, on one page of each template, the system scheme is
  // switched to dark on the same document and the colour rules run again:
  // dark mode only changes the stylesheet's colour variables, which every page
  // of a template shares.
  it('reports no violations, in light and in dark', async () => {
    // bypassCSP: the pages' Content Security Policy rightly refuses injected scripts such as axe.
    const context = await live.browser.newContext({ bypassCSP: true });
    const found: string[] = [];
    expect([...darkSample].filter((p) => !lightSample.includes(p))).toEqual([]);
    const queue = [...lightSample];
    await Promise.all(
      [0, 1].map(async () => {
        const page = await context.newPage();
        await page.goto(live.server.url(''));
        await page.addScriptTag({ content: axe.source });
        const run = (options: object) =>
          page.evaluate(
            (opts) => (window as any).axe.run(document, { ...opts, resultTypes: ['violations'] }),
            options,
          ) as Promise<axe.AxeResults>;
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          await page.emulateMedia({ colorScheme: 'light' });
          await page.setContent(readFileSync(`${site.dist}/${path}`, 'utf8'), { waitUntil: 'load' });
          found.push(...describeViolations(path, (await run({})).violations));
          if (!darkSample.has(path)) continue;
          await page.emulateMedia({ colorScheme: 'dark' });
          found.push(
            ...describeViolations(`${path} (dark)`, (await run({ runOnly: ['color-contrast', 'link-in-text-block'] })).violations),
          );
        }
      }),
    );
    await context.close();
    expect(found).toEqual([]);
  });
});

describe('axe-core on the search page with results and filters', () => {
  it('reports no violations once results, or the concordance’s rows, are shown, in light and in dark', async () => {
    const found: string[] = [];
    for (const search of [searchPage(), `${searchPage()}&view=kwic`])
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await live.browser.newContext({ colorScheme, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(live.server.url(search));
        await page.locator('main a[href*="/articles/"]').first().waitFor();
        await page.addScriptTag({ content: axe.source });
        const result = (await page.evaluate(() => (window as any).axe.run(document, { resultTypes: ['violations'] }))) as axe.AxeResults;
        found.push(...describeViolations(`${search} (${colorScheme})`, result.violations));
        await context.close();
      }
    expect(found).toEqual([]);
  });
});

describe('HTML validity', () => {
  // One validator for every HTML file of both builds: parsing is cheap, a CLI run per file is not.
  it('every page of both sites is valid HTML (html-validate standard, document and a11y)', async () => {
    const validator = new HtmlValidate(
      new StaticConfigLoader({
        extends: ['html-validate:standard', 'html-validate:document', 'html-validate:a11y'],
        // Same-origin stylesheets and scripts: subresource integrity protects against nothing here.
        rules: { 'require-sri': 'off' },
      }),
    );
    const problems: string[] = [];
    for (const { dist } of Object.values(SITES)) {
      const files = htmlFiles(dist);
      expect(files, `HTML files in ${dist}`).toContain(`${dist}/index.html`);
      for (const file of files) {
        const report = await validator.validateString(readFileSync(file, 'utf8'), file);
        for (const m of report.results.flatMap((r) => r.messages))
          problems.push(`${relative(ROOT, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('by keyboard alone', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await live.browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.textContent ?? '').trim().slice(0, 20),
        href: el.getAttribute('href'),
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight,
        ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
      };
    });

  it('first reaches a visible skip link that moves focus into the content', async () => {
    await page.goto(live.server.url(keyPages(site.dist).find((p) => p.name === 'article')!.path));
    await page.keyboard.press('Tab');
    const first = await focused();
    expect(first).toMatchObject({ tag: 'a', text: '跳到正文', visible: true, ring: true });
    await page.keyboard.press('Enter');
    expect((await focused())?.id).toBe('main');
    // The next Tab goes on from the content, not back to the header.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => !!document.activeElement?.closest('main'));
    expect(next).toBe(true);
  });

  it('shows a visible focus ring on every stop of every key page', async () => {
    const missing: string[] = [];
    for (const p of keyPages(site.dist, true)) {
      await page.goto(live.server.url(p.path), { waitUntil: 'networkidle' });
      let stops = 0;
      for (; stops < 40; stops++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        if (!f) break;
        if (!f.ring || !f.visible) missing.push(`${p.name}: <${f.tag}> ${f.text || f.href}`);
      }
      if (stops === 0) missing.push(`${p.name}: no focus stop at all`);
    }
    expect(missing).toEqual([]);
  });

  it('searches from the header search box', async () => {
    await page.goto(live.server.url(''));
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      if ((await focused())?.id === 'site-search-q') break;
    }
    expect((await focused())?.id).toBe('site-search-q');
    await page.keyboard.type('党建');
    await Promise.all([page.waitForURL(/\/search\/\?q=/), page.keyboard.press('Enter')]);
    expect(decodeURIComponent(new URL(page.url()).search)).toBe('?q=党建');
  });

  it('opens a search result by keyboard', async () => {
    await page.goto(live.server.url(searchPage()));
    await page.locator('main a[href*="/articles/"]').first().waitFor();
    let onResult = false;
    for (let i = 0; i < 60 && !onResult; i++) {
      await page.keyboard.press('Tab');
      onResult = /\/articles\/[^/]+\//.test((await focused())?.href ?? '');
    }
    expect(onResult).toBe(true);
    await Promise.all([page.waitForURL(/\/articles\/[^/]+\//), page.keyboard.press('Enter')]);
    await expect(page.locator('.article-body').count()).resolves.toBe(1);
  });
});

describe('search filters by keyboard alone', () => {
  it('tabs to a filter, ticks it with Space, and the results and address follow', async () => {
    const search = searchPage();
    const context = await live.browser.newContext();
    const page = await context.newPage();
    await page.goto(live.server.url(search));
    await page.locator('main a[href*="/articles/"]').first().waitFor();
    const before = page.url();
    let onFilter = false;
    for (let i = 0; i < 200 && !onFilter; i++) {
      await page.keyboard.press('Tab');
      onFilter = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'checkbox');
    }
    expect(onFilter).toBe(true);
    const filter = await page.evaluate(() => document.activeElement!.id);
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.toString() !== before);
    expect(new URL(page.url()).searchParams.size).toBeGreaterThan(1);
    await expect(page.locator(`#${filter}`).isChecked()).resolves.toBe(true);
    // The reader keeps their place: focus stays on the filter just ticked, so Tab goes on from there.
    expect(await page.evaluate(() => document.activeElement?.id), 'focus after ticking a filter').toBe(filter);
    await page.locator('main a[href*="/articles/"]').first().waitFor();
    await context.close();
  });
});

describe('light and dark', () => {
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const isDark = (rgb: string) => {
    const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
  };

  it('follows the system with JavaScript off, and shows no toggle that cannot work', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await live.browser.newContext({ javaScriptEnabled: false, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(live.server.url(''));
      expect(isDark(await background(page)), scheme).toBe(scheme === 'dark');
      await expect(page.locator('.theme-toggle').isVisible()).resolves.toBe(false);
      await context.close();
    }
  });

  it('switches by keyboard, remembers the choice, and applies it before the page renders', async () => {
    const context = await live.browser.newContext({ colorScheme: 'light' });
    // Record the theme at the moment <body> is inserted: if it is not dark yet, the reader sees a flash.
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as any).themeAtBody = document.documentElement.dataset.theme ?? 'system';
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(live.server.url(''));
    const toggle = page.locator('.theme-toggle');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(isDark(await background(page))).toBe(true);

    const article = keyPages(site.dist).find((p) => p.name === 'article')!;
    await page.goto(live.server.url(article.path));
    expect(await page.evaluate(() => (window as any).themeAtBody)).toBe('dark');
    expect(isDark(await background(page))).toBe(true);
    await expect(page.locator('.theme-toggle').getAttribute('aria-pressed')).resolves.toBe('true');

    // Back to light, which is the system's own setting: the page follows the system again.
    await page.locator('.theme-toggle').press('Enter');
    expect(isDark(await background(page))).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull();
    await context.close();
  });
});
