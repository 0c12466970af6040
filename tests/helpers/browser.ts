/**
 * Debian's Chromium driven by playwright-core; never a downloaded browser.
 * The flags keep Chromium from reaching for the network on start.
 */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic, type RunningServer } from './static-server.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One Chromium and one static server for a built site, started before the
 * calling suite's tests and closed after them. Read `.browser` and `.server`
 * inside tests (they exist only once `beforeAll` has run).
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
