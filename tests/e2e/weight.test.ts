/**
 * Weight budgets on the built site (issue #6; the numbers and what they count
 * are in tools/size/weight.ts; `npm run size` prints them):
 * CSS ≤ 8 kB gzip a page; an article's HTML ≤ 1.5 × its text + a fixed
 * overhead; an article reads in full with JavaScript off; the search page's
 * own JavaScript ≤ 10 kB gzip (checked when the search page exists).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { SITES } from '../helpers/sites.ts';
import { CSS_BUDGET, SEARCH_JS_BUDGET, articleWeights, pageCss, pageScripts, scriptUrls } from '../../tools/size/weight.ts';

const site = SITES.root;
const htmlFiles = readdirSync(site.dist, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => join(e.parentPath, e.name));

describe('weight budgets', () => {
  it('loads at most 8 kB (gzip) of CSS on any page, and no web fonts', () => {
    const over: string[] = [];
    for (const file of htmlFiles) {
      const html = readFileSync(file, 'utf8');
      const css = pageCss(site.dist, site.base, html);
      if (css.total > CSS_BUDGET) over.push(`${relative(site.dist, file)}: ${css.total} B`);
      expect(css.files.every((f) => f.gzip > 0), `${relative(site.dist, file)} links a stylesheet that is not in the build`).toBe(true);
    }
    expect(over).toEqual([]);
    const fonts = readdirSync(site.dist, { recursive: true }).map(String).filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f));
    expect(fonts).toEqual([]);
  });

  it('keeps each article’s HTML within 1.5 × the gzip size of its own text plus the fixed overhead', () => {
    const weights = articleWeights(site.dist);
    expect(weights.length).toBeGreaterThan(0);
    expect(weights.filter((w) => w.html > w.budget)).toEqual([]);
  });

  it('loads no script files on article pages', () => {
    for (const w of articleWeights(site.dist)) {
      expect(scriptUrls(readFileSync(join(site.dist, 'articles', w.id, 'index.html'), 'utf8')), w.id).toEqual([]);
    }
  });
});

describe('in a browser', () => {
  const live = useSiteInBrowser(site);

  it('shows an article’s whole text with JavaScript off, exactly as with it on', async () => {
    const read = async (javaScriptEnabled: boolean, id: string) => {
      const context = await live.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(live.server.url(`articles/${id}/`));
      const text = await page.locator('article').innerText();
      await context.close();
      return text;
    };
    for (const { id } of articleWeights(site.dist)) {
      const off = await read(false, id);
      expect(off.length).toBeGreaterThan(50);
      expect(off, id).toBe(await read(true, id));
    }
  });

  it.runIf(existsSync(join(site.dist, 'search/index.html')))('runs at most 10 kB (gzip) of its own JavaScript on the search page', async () => {
    const { own } = await pageScripts(live.browser, live.server.url('search/?q=党建'));
    const total = own.reduce((sum, s) => sum + s.gzip, 0);
    expect(total, own.map((s) => `${s.url} ${s.gzip}`).join(', ')).toBeLessThanOrEqual(SEARCH_JS_BUDGET);
  });
});
