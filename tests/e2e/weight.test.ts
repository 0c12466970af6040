/**
 * Weight budgets on the built site (the numbers and what they count are in
 * tools/shared/page-weight.ts; `npm run size` prints them): CSS ≤ 8 kB gzip a page
 * and no web fonts; an article's HTML ≤ 1.5 × its text + a fixed overhead,
 * with no script file; the search page's own JavaScript ≤ 12 kB gzip. That
 * an article reads in full with JavaScript off is tested in site.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { loadArticles } from '../helpers/content.ts';
import { SITES } from '../helpers/sites.ts';
import { walk } from '../../tools/shared/dist.ts';
import { CSS_BUDGET, SEARCH_JS_BUDGET, articleWeights, pageCss, pageScripts, scriptUrls } from '../../tools/shared/page-weight.ts';

const site = SITES.root;
const files = walk(site.dist);

describe('weight budgets', () => {
  it('loads at most 8 kB (gzip) of CSS on any page, and no web fonts', () => {
    const over: string[] = [];
    const missing: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const css = pageCss(site.dist, site.base, readFileSync(file, 'utf8'));
      if (css.total > CSS_BUDGET) over.push(`${relative(site.dist, file)}: ${css.total} B`);
      // A stylesheet that is not in the build weighs nothing: it would pass the budget unseen.
      missing.push(...css.files.filter((f) => f.gzip === 0).map((f) => `${relative(site.dist, file)} links ${f.url}`));
    }
    expect(over).toEqual([]);
    expect(missing).toEqual([]);
    expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f)).map((f) => relative(site.dist, f))).toEqual([]);
  });

  it('keeps each article’s HTML within 1.5 × the gzip size of its own text plus the fixed overhead, and loads no script file on it', async () => {
    const weights = articleWeights(site.dist);
    const published = (await loadArticles()).filter((a) => !a.data.draft).map((a) => a.id);
    expect(weights.map((w) => w.id).sort()).toEqual(published.sort());
    expect(weights.filter((w) => w.html > w.budget)).toEqual([]);
    for (const w of weights) {
      expect(scriptUrls(readFileSync(join(site.dist, 'articles', w.id, 'index.html'), 'utf8')), w.id).toEqual([]);
    }
  });
});

describe('in a browser', () => {
  const live = useSiteInBrowser(site);

  it('runs at most 12 kB (gzip) of its own JavaScript on the search page', async () => {
    expect(existsSync(join(site.dist, 'search/index.html')), 'the build has no search page').toBe(true);
    const { own } = await pageScripts(live.browser, live.server.url('search/?q=党建'));
    const total = own.reduce((sum, s) => sum + s.gzip, 0);
    const listed = own.map((s) => `${s.url} ${s.gzip}`).join(', ');
    // The search page's own module is among what was measured, or the budget would hold over nothing.
    expect(own.map((s) => s.url)).toContainEqual(expect.stringMatching(/\/_astro\/[^/]+\.js$/));
    expect(total, listed).toBeLessThanOrEqual(SEARCH_JS_BUDGET);
  });
});
