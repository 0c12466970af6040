/**
 * `npm run audit`: Lighthouse (performance, accessibility, best practices, SEO)
 * on the home page, an article, the search page and a hospital page, served
 * from a fresh build on loopback and run offline in Debian's Chromium (never a
 * downloaded browser), mobile emulation with Lighthouse's default simulated
 * slow 4G and 4× CPU slowdown. Pages that do not exist yet in this build are
 * reported as absent. Prints the scores and every audit that lost points;
 * exits non-zero when a score is below 100. `--no-build` reuses dist/;
 * `--json <dir>` also writes the full reports.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_PATH } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';
import { keyPages } from './pages.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const args = process.argv.slice(2);
const jsonDir = args.includes('--json') ? resolve(args[args.indexOf('--json') + 1] ?? 'lighthouse') : undefined;
if (!args.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const wanted = ['home', 'article', 'search', 'hospital'];
const pages = keyPages(DIST);

const server = await serveStatic(DIST, '/');
// The flags of tests/helpers/browser.ts, headless.
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  console.log(`Lighthouse ${CATEGORIES.join(' / ')}`);
  for (const name of wanted) {
    const page = pages.find((p) => p.name === name);
    if (!page) {
      console.log(`  ${name.padEnd(9)} (no such page in this build yet)`);
      continue;
    }
    const url = server.url(page.path);
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${name}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    if (scores.some((s) => s < 100)) failed = true;
    console.log(`  ${name.padEnd(9)} ${scores.map((s) => String(s).padStart(3)).join('  ')}   /${page.path}`);
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c].auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) console.log(`      ${c}: ${ref.id} ${audit.score} ${audit.displayValue ?? ''} — ${audit.title}`);
      }
    }
    const m = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    console.log(`      FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}`);
    if (jsonDir) {
      mkdirSync(jsonDir, { recursive: true });
      writeFileSync(join(jsonDir, `${name}.json`), result.report as string);
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
if (failed) process.exitCode = 1;
