/** The broad query and the main thread: how long the page is busy while a query that matches every report runs. */
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../chromium.ts';
import { openUntilDone } from './page-search.ts';
import { serve, type Served } from './served-site.ts';

export interface BroadResult {
  q: string;
  /** Fresh browser: navigation to the first results on screen, and to the network falling idle. */
  coldMs: number;
  coldSettledMs: number;
  coldBytes: number;
  /** The same query again in that browser (warm HTTP cache). */
  warmMs: number;
  warmSettledMs: number;
  /** Main-thread long tasks (≥ 50 ms) of the warm run, summed: how long the page was unresponsive. */
  warmLongTasksMs: number;
  /** The longest single main-thread task of either run: how long a keystroke may wait. */
  longestTaskMs: number;
}

/** Makes every page of `context` record its main-thread long tasks (≥ 50 ms), for `longTasks`. */
export async function watchLongTasks(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __longTasks: number; __longestTask: number };
    w.__longTasks = 0;
    w.__longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__longTasks += e.duration;
        w.__longestTask = Math.max(w.__longestTask, e.duration);
      }
    }).observe({ entryTypes: ['longtask'] });
  });
}

/** The page's long tasks so far (`watchLongTasks`): their summed and their longest duration, ms. */
export function longTasks(page: Page): Promise<{ total: number; longest: number }> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number; __longestTask: number };
    return { total: w.__longTasks, longest: w.__longestTask };
  });
}

/**
 * The query a reader of this archive types first, 党建, matches every report:
 * the query set leaves such queries out (it keeps selective ones), so their
 * cost is measured here on its own.
 */
export async function measureBroadQuery(dist: string, q = '党建', timeoutMs = 300_000): Promise<BroadResult> {
  const served: Served[] = [];
  const server = await serve(dist, served);
  const { origin } = server;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await watchLongTasks(context);
    const page = await context.newPage();
    const once = async () => {
      const { since, msFirst: ms } = await openUntilDone(page, `${origin}/search/?q=${encodeURIComponent(q)}`, timeoutMs);
      await page.waitForLoadState('networkidle', { timeout: timeoutMs });
      // Work still queued after the network is idle (filter counts) shows as long tasks: wait for a quiet half second.
      let last = -1;
      for (let i = 0; i < 600; i++) {
        const now = (await longTasks(page)).total;
        if (now === last) break;
        last = now;
        await page.waitForTimeout(500);
      }
      const { longest } = await longTasks(page);
      return { ms, settledMs: Date.now() - since - 500, longTasks: last, longest };
    };
    const from = served.length;
    const cold = await once();
    const coldBytes = served.slice(from).reduce((a, s) => a + s.bytes, 0);
    const warm = await once();
    return {
      q,
      coldMs: cold.ms,
      coldSettledMs: cold.settledMs,
      coldBytes,
      warmMs: warm.ms,
      warmSettledMs: warm.settledMs,
      warmLongTasksMs: warm.longTasks,
      longestTaskMs: Math.max(cold.longest, warm.longest),
    };
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}
