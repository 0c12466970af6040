/**
 * One Chromium, and one static server per built site, for the duration of a
 * test suite.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tools/shared/chromium.ts';
import { serveStatic, type RunningServer } from '../../tools/shared/static-server.ts';

interface Site {
  dist: string;
  base: string;
}

/**
 * Started before the calling suite's tests and closed after them. Read
 * `.browser` and `.server(site)` inside tests (they exist only once
 * `beforeAll` has run).
 */
export function useSitesInBrowser(sites: readonly Site[]): { readonly browser: Browser; server(site: Site): RunningServer } {
  let browser: Browser | undefined;
  const servers = new Map<Site, RunningServer>();
  beforeAll(async () => {
    browser = await launchChromium();
    for (const site of sites) servers.set(site, await serveStatic(site.dist, site.base));
  });
  afterAll(async () => {
    await browser?.close();
    for (const server of servers.values()) await server.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium is not running: use the browser inside a test');
      return browser;
    },
    server(site: Site) {
      const server = servers.get(site);
      if (!server)
        throw new Error(`the site under ${site.base} is not served: pass it to useSitesInBrowser and use the server inside a test`);
      return server;
    },
  };
}

/** `useSitesInBrowser` for one site: read `.browser` and `.server` inside tests. */
export function useSiteInBrowser(site: Site): { readonly browser: Browser; readonly server: RunningServer } {
  const live = useSitesInBrowser([site]);
  return {
    get browser() {
      return live.browser;
    },
    get server() {
      return live.server(site);
    },
  };
}
