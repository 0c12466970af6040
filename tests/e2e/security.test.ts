/**
 * Nothing on the site can be turned against a reader: every page carries a
 * Content Security Policy and works under it (search included) with no
 * violation, the host file repeats it, and hostile text in the search URL is
 * shown as text — it never runs and never becomes markup.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { SITES } from '../helpers/sites.ts';
import { fileToUrl, walk } from '../../tools/shared/dist.ts';
import { searchOnPage } from '../../tools/shared/search-driver/page-search.ts';
import { truthPages } from '../../tools/shared/search-truth.ts';

const site = SITES.archive;

/** Every page of the build (`…/index.html`), as a path under the base: '' for the home page, `articles/x/` … */
const pages = walk(site.dist)
  .filter((f) => f.endsWith('/index.html'))
  .map((f) => fileToUrl(site.dist, f).slice(1))
  .sort();

/** Records CSP violations, page errors, console errors and requests to other origins. */
async function watch(context: BrowserContext, origin: string) {
  const problems: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as any).__violations = [...((window as any).__violations ?? []), `${e.violatedDirective} ${e.blockedURI}`];
    });
  });
  context.on('page', (page) => observe(page));
  const observe = (page: Page) => {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`third-party request: ${r.url()}`);
    });
    page.on('dialog', async (d) => {
      problems.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
  };
  return problems;
}

/** Runs `visit` on every item, on a few tabs of `context` at a time: a page load mostly waits. */
async function onTabs<T>(context: BrowserContext, items: T[], visit: (page: Page, item: T) => Promise<void>, tabs = 3): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: tabs }, async () => {
      const page = await context.newPage();
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await visit(page, item);
    }),
  );
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as any).__violations ?? []);
}

const live = useSiteInBrowser(site);

describe('the Content Security Policy', () => {
  it('is in every page and in _headers of both builds, allowing only the site itself', () => {
    expect(pages).toContain('articles/');
    for (const page of pages) {
      const html = readFileSync(join(site.dist, page, 'index.html'), 'utf8');
      const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
      expect(meta, page).toBeDefined();
      expect(meta).toContain("default-src 'self'");
      expect(meta).not.toContain('unsafe-inline');
      expect(meta).not.toMatch(/https?:/);
    }
    for (const dist of [SITES.root.dist, SITES.archive.dist]) {
      const headers = readFileSync(join(dist, '_headers'), 'utf8');
      expect(headers, dist).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self';.*frame-ancestors 'none';$/m);
    }
  });

  it('lets every page load with no violation, error or foreign request', async () => {
    const context = await live.browser.newContext();
    const problems = await watch(context, live.server.origin);
    const violated: string[] = [];
    // The search page is loaded below, with a query.
    await onTabs(
      context,
      pages.filter((p) => !p.startsWith('search/')),
      async (page, path) => {
        await page.goto(live.server.url(path), { waitUntil: 'load' });
        violated.push(...(await violations(page)).map((v) => `${path}: ${v}`));
      },
    );
    await context.close();
    expect(violated).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('lets search and the theme toggle work', async () => {
    const context = await live.browser.newContext();
    const problems = await watch(context, live.server.origin);
    const page = await context.newPage();
    const out = await searchOnPage(page, live.server.url('search/?q=党建'));
    expect(out.errors).toEqual([]);
    expect(out.found).toEqual(
      truthPages(site.dist, site.base)
        .filter((p) => p.text.includes('党建'))
        .map((p) => p.url)
        .sort(),
    );
    const toggle = page.locator('.theme-toggle');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme ?? document.documentElement.className)).toMatch(/dark/);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Script tags, event handlers, javascript: URLs, entity and Unicode tricks, broken markup. */
const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '"><script>window.__xss=1</script>',
  "'><img src=x onerror=window.__xss=1>",
  '<img src=x onerror="window.__xss=1">',
  '<svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '<iframe src="javascript:window.parent.__xss=1"></iframe>',
  'javascript:window.__xss=1',
  '<a href="javascript:window.__xss=1">点我</a>',
  '<body onload=window.__xss=1>',
  '<details open ontoggle=window.__xss=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  '&lt;script&gt;window.__xss=1&lt;/script&gt;',
  '&#60;img src=x onerror=window.__xss=1&#62;',
  '\u003cimg src=x onerror=window.__xss=1\u003e',
  '＜script＞window.__xss=1＜/script＞',
  '<scr<script>ipt>window.__xss=1</script>',
  '党建<mark onmouseover=window.__xss=1>医院</mark>',
  '</title><script>window.__xss=1</script>',
  '<style>*{display:none}</style>安康',
  '"onfocus="window.__xss=1" autofocus="',
  '<input autofocus onfocus=window.__xss=1>',
  '{{constructor.constructor("window.__xss=1")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, typed as a reader would.
  '${window.__xss=1}',
  '\u202e<img src=x onerror=window.__xss=1>',
];

describe('hostile input in the search URL', () => {
  it(`never runs and never becomes markup (${PAYLOADS.length} payloads, as the query and as filters)`, async () => {
    const context = await live.browser.newContext();
    const problems = await watch(context, live.server.origin);
    const queries = PAYLOADS.flatMap((payload) => [
      `q=${encodeURIComponent(payload)}`,
      `q=党建&province=${encodeURIComponent(payload)}&hospital=${encodeURIComponent(payload)}&kind=${encodeURIComponent(payload)}`,
    ]);
    const hurt: string[] = [];
    await onTabs(context, queries, async (page, query) => {
      const out = await searchOnPage(page, live.server.url(`search/?${query}`));
      await page.mouse.move(10, 10);
      const injected = await page.evaluate(() => ({
        xss: (window as any).__xss,
        elements: document.querySelectorAll(
          'main img, main svg script, main iframe, main [onerror], main [onload], main [onfocus], main [ontoggle], main [onmouseover], main style:not([data-astro-cid])',
        ).length,
        scripts: [...document.scripts].filter((s) => s.textContent?.includes('__xss')).length,
      }));
      if (out.errors.length || injected.xss !== undefined || injected.elements || injected.scripts)
        hurt.push(`${query}: ${JSON.stringify({ ...injected, errors: out.errors })}`);
    });
    expect(hurt).toEqual([]);
    const page = await context.newPage();
    // The query box shows the text as typed.
    await page.goto(live.server.url(`search/?q=${encodeURIComponent(PAYLOADS[0])}`));
    await page.waitForSelector('[data-search-results][data-state="done"]');
    expect(await page.locator('main input[name="q"]').first().inputValue()).toBe(PAYLOADS[0]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
