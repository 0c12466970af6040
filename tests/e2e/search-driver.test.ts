/**
 * The benchmarks' clock: `searchOnPage` times a search by the moment the
 * page itself says it is done, not by when Playwright's polling of a
 * selector (every 0.5 s and more after the first few hundred ms) happens to
 * see it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSitesInBrowser } from '../helpers/browser.ts';
import { searchOnPage } from '../../tools/shared/search-driver/page-search.ts';

const DONE_AFTER_MS = 350;

/** A search page by the checker's contract that finishes a known time after it starts. */
function slowSearchSite(): { dist: string; base: string } {
  const dist = mkdtempSync(join(tmpdir(), 'search-driver-'));
  mkdirSync(join(dist, 'search'));
  writeFileSync(
    join(dist, 'search', 'index.html'),
    `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>t</title></head><body>
<div data-search-results><a data-result href="/found/">found</a></div>
<script>setTimeout(() => {
  window.doneAt = Date.now();
  document.querySelector('[data-search-results]').dataset.state = 'done';
}, ${DONE_AFTER_MS});</script>
</body></html>`,
  );
  return { dist, base: '/' };
}

const site = slowSearchSite();
const live = useSitesInBrowser([site]);

describe('the search driver', () => {
  it('times a search from navigation to the moment the page says it is done', async () => {
    const page = await live.browser.newPage();
    try {
      for (let i = 0; i < 3; i++) {
        const before = Date.now();
        const run = await searchOnPage(page, live.server(site).url('search/?q=x'));
        // When the page itself says it finished, by this machine's clock.
        const doneAt = await page.evaluate(() => (window as unknown as { doneAt: number }).doneAt);
        expect(run.errors).toEqual([]);
        expect(run.found).toEqual(['/found/']);
        expect(run.msFirst).toBeGreaterThanOrEqual(DONE_AFTER_MS);
        // No later than the page's own moment (within the clocks' rounding); polling from outside saw it up to 0.5 s late.
        expect(run.msFirst).toBeLessThanOrEqual(doneAt - before + 5);
      }
    } finally {
      await page.close();
    }
  });
});
