/**
 * `npm run audit`: Lighthouse (performance, accessibility, best practices,
 * SEO) on the home page, an article, the search page (empty, and with the
 * query 党建, whose results are its largest paint) and a hospital page,
 * served gzipped from a fresh build on loopback and run offline in Debian's
 * Chromium (never a downloaded browser): mobile emulation, Lighthouse's
 * default simulated slow 4G and 4x CPU slowdown, median of 3 runs a page.
 * Pages the build has none of are reported as absent. Prints the scores and
 * every audit that lost points; exits non-zero when a page is below 100.
 *
 *   npm run audit                                   # build, then every page
 *   npm run audit -- --no-build --runs 5 search     # the dist/ there is; 5 runs; only the search page
 *   npm run audit -- --json lighthouse              # also write each page's full report to lighthouse/<page>.json
 *
 * Page names: home, article, search, search-results, hospital.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type RunnerResult } from 'lighthouse';
import { buildSiteOrThrow } from '../shared/build-site.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../shared/chromium.ts';
import { intOption, parseCommandLine } from '../shared/cli.ts';
import { keyPages } from '../shared/key-pages.ts';
import { ROOT } from '../shared/project.ts';
import { serveStatic } from '../shared/static-server.ts';

const DIST = join(ROOT, 'dist');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

/** Lighthouse `runs` times on `url`; the run with the median performance score. Timing varies with the machine's load. */
async function medianRun(url: string, port: number, runs: number): Promise<RunnerResult> {
  const results: RunnerResult[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    if (result.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
    results.push(result);
  }
  results.sort((a, b) => (a.lhr.categories.performance.score ?? 0) - (b.lhr.categories.performance.score ?? 0));
  return results[Math.floor(results.length / 2)];
}

/** Prints a page's scores, the audits that lost points and the paint metrics; returns the scores. */
function printResult(name: string, path: string, { lhr }: RunnerResult): number[] {
  const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
  console.log(`  ${name.padEnd(15)} ${scores.map((s) => String(s).padStart(3)).join('  ')}   /${decodeURI(path)}`);
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1)
        console.log(`      ${c}: ${ref.id} ${audit.score} ${audit.displayValue ?? ''} — ${audit.title}`);
    }
  }
  const m = (id: string) => lhr.audits[id]?.displayValue ?? '?';
  console.log(
    `      FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}`,
  );
  return scores;
}

const { values, positionals: only } = parseCommandLine(import.meta.url, {
  options: { 'no-build': { type: 'boolean', default: false }, runs: { type: 'string' }, json: { type: 'string' } },
  allowPositionals: true,
});
const runs = intOption('runs', values.runs, 3);
const jsonDir = values.json === undefined ? undefined : resolve(values.json);
if (!values['no-build']) buildSiteOrThrow();

const wanted = ['home', 'article', 'search', 'search-results', 'hospital'].filter((n) => only.length === 0 || only.includes(n));
const pages = keyPages(DIST).flatMap((p) =>
  p.name === 'search'
    ? [
        { name: 'search', path: 'search/' },
        { ...p, name: 'search-results' },
      ]
    : [p],
);
const server = await serveStatic(DIST, '/', { gzip: true });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
let failed = false;
try {
  console.log(`Lighthouse ${' '.repeat(8)}${CATEGORIES.map((c) => c.slice(0, 4)).join(' ')}`);
  for (const name of wanted) {
    const page = pages.find((p) => p.name === name);
    if (!page) {
      console.log(`  ${name.padEnd(15)} (no such page in this build)`);
      continue;
    }
    const result = await medianRun(server.url(page.path), chrome.port, runs);
    if (printResult(name, page.path, result).some((s) => s < 100)) failed = true;
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
