/**
 * `npm run screenshots`: builds the site, serves it and writes full-page PNGs
 * of the key pages at phone (360 px) and desktop (1440 px) widths, light and
 * dark, plus the article as printed (PNG and PDF), to screenshots/ (ignored
 * by git).
 *
 *   npm run screenshots                          # build, then every key page
 *   npm run screenshots -- --no-build article home   # the dist/ there is; only these pages
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSiteOrThrow } from '../shared/build-site.ts';
import { launchChromium } from '../shared/chromium.ts';
import { parseCommandLine } from '../shared/cli.ts';
import { keyPages, type KeyPage } from '../shared/key-pages.ts';
import { ROOT } from '../shared/project.ts';
import { serveStatic, type RunningServer } from '../shared/static-server.ts';

const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'screenshots');

/** Every page at both widths in both colour schemes; returns the files written. */
async function screens(browser: Browser, server: RunningServer, pages: KeyPage[]): Promise<string[]> {
  const written: string[] = [];
  for (const width of [360, 1440]) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width, height: width < 800 ? 780 : 900 },
        colorScheme: scheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      for (const p of pages) {
        // networkidle: the search page fetches its index and renders results after load.
        await page.goto(server.url(p.path), { waitUntil: 'networkidle' });
        const file = join(OUT, `${p.name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        written.push(file);
      }
      await context.close();
    }
  }
  return written;
}

/** The printed article: A4 width at 96 dpi, print media, as a PNG and a PDF. */
async function printed(browser: Browser, server: RunningServer, article: KeyPage): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
  const page = await context.newPage();
  await page.emulateMedia({ media: 'print' });
  await page.goto(server.url(article.path));
  const file = join(OUT, 'article-print.png');
  await page.screenshot({ path: file, fullPage: true });
  await page.pdf({ path: join(OUT, 'article.pdf'), format: 'A4', preferCSSPageSize: true });
  await context.close();
  return [file, join(OUT, 'article.pdf')];
}

const { values, positionals: only } = parseCommandLine(import.meta.url, {
  options: { 'no-build': { type: 'boolean', default: false } },
  allowPositionals: true,
});
if (!values['no-build']) buildSiteOrThrow();
mkdirSync(OUT, { recursive: true });

const server = await serveStatic(DIST, '/');
const browser = await launchChromium();
const written: string[] = [];
try {
  const pages = keyPages(DIST, true).filter((p) => only.length === 0 || only.includes(p.name));
  written.push(...(await screens(browser, server, pages)));
  const article = pages.find((p) => p.name === 'article');
  if (article) written.push(...(await printed(browser, server, article)));
} finally {
  await browser.close();
  await server.close();
}
console.log(`wrote ${written.length} files to ${OUT}`);
