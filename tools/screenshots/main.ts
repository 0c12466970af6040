/**
 * `npm run screenshots`: builds the site (skip with --no-build), serves it and
 * writes full-page PNGs of the key pages at phone (360 px) and desktop
 * (1440 px) widths, light and dark, plus the article as printed, to
 * screenshots/ (ignored by git). Filter pages by name: `-- article home`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from '../shared/chromium.ts';
import { serveStatic } from '../shared/static-server.ts';
import { keyPages } from '../shared/key-pages.ts';

import { ROOT } from '../shared/project.ts';
const DIST = join(ROOT, 'dist');
const OUT = join(ROOT, 'screenshots');
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));

if (!args.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
mkdirSync(OUT, { recursive: true });

const server = await serveStatic(DIST, '/');
const browser = await launchChromium();
const written: string[] = [];
try {
  const pages = keyPages(DIST, true).filter((p) => only.length === 0 || only.includes(p.name));
  for (const width of [360, 1440]) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: width < 800 ? 780 : 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
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
  const article = pages.find((p) => p.name === 'article');
  if (article) {
    // The printed article: A4 width at 96 dpi, print media.
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(server.url(article.path));
    const file = join(OUT, 'article-print.png');
    await page.screenshot({ path: file, fullPage: true });
    await page.pdf({ path: join(OUT, 'article.pdf'), format: 'A4', preferCSSPageSize: true });
    written.push(file, join(OUT, 'article.pdf'));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`wrote ${written.length} files to ${OUT}`);
