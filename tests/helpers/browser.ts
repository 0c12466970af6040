/**
 * One Chromium and one static server for a built site, for the duration of a
 * test suite.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tools/shared/chromium.ts';
import { serveStatic, type RunningServer } from '../../tools/shared/static-server.ts';

/**
 * Started before the calling suite's tests and closed after them. Read
 * `.browser` and `.server` inside tests (they exist only once `beforeAll` has run).
 */
export function useSiteInBrowser(site: { dist: string; base: string }): { readonly browser: Browser; readonly server: RunningServer } {
  let browser: Browser | undefined;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveStatic(site.dist, site.base);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not running: use the browser inside a test');
      return browser;
    },
    get server() {
      if (!server) throw new Error('the site is not served: use the server inside a test');
      return server;
    },
  };
}
