/**
 * `npm run audit`: Lighthouse (performance, accessibility, best practices,
 * SEO) on the home page, an article, the search page and a hospital page,
 * served gzipped from a fresh build on loopback and run offline in Debian's
 * Chromium (never a downloaded browser): mobile emulation, Lighthouse's
 * default simulated slow 4G and 4x CPU slowdown, median of 3 runs a page
 * (`--runs N`). Pages that do not exist yet in this build are reported as
 * absent. Prints the scores and every audit that lost points; exits non-zero
 * when a scored page is below 100. `--no-build` reuses dist/; `--json <dir>`
 * also writes the full reports; page names (`-- search`) pick pages.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../shared/chromium.ts';
import { keyPages } from '../shared/key-pages.ts';
import { serveStatic } from '../shared/static-server.ts';

import { ROOT } from '../shared/project.ts';
const DIST = join(ROOT, 'dist');
const args = process.argv.slice(2);
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3);
const jsonDir = args.includes('--json') ? resolve(args[args.indexOf('--json') + 1] ?? 'lighthouse') : undefined;
if (!args.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const only = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--json' && args[i - 1] !== '--runs');
const wanted = ['home', 'article', 'search', 'search-results', 'hospital'].filter((n) => only.length === 0 || only.includes(n));
// The search page itself is scored; with a query ("search-results") it is reported for information only:
// its results are painted after Pagefind's index arrives, so its LCP is Pagefind's download, not this page's.
const pages = keyPages(DIST).flatMap((p) => (p.name === 'search' ? [{ name: 'search', path: 'search/' }, { ...p, name: 'search-results' }] : [p]));
const informational = new Set(['search-results']);

const server = await serveStatic(DIST, '/', { gzip: true });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
let failed = false;
try {
  console.log(`Lighthouse ${' '.repeat(8)}${CATEGORIES.map((c) => c.slice(0, 4)).join(' ')}`);
  for (const name of wanted) {
    const page = pages.find((p) => p.name === name);
    if (!page) {
      console.log(`  ${name.padEnd(15)} (no such page in this build yet)`);
      continue;
    }
    const url = server.url(page.path);
    // Timing varies with the machine's load: run `runs` times (--runs, default 3) and keep the median by performance.
    const results = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (result.lhr.runtimeError) throw new Error(`${name}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
      results.push(result);
    }
    results.sort((a, b) => (a.lhr.categories.performance.score ?? 0) - (b.lhr.categories.performance.score ?? 0));
    const result = results[Math.floor(results.length / 2)];
    const { lhr } = result;
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    if (scores.some((s) => s < 100) && !informational.has(name)) failed = true;
    console.log(`  ${name.padEnd(15)} ${scores.map((s) => String(s).padStart(3)).join('  ')}   /${decodeURI(page.path)}${informational.has(name) ? '  (for information)' : ''}`);
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
