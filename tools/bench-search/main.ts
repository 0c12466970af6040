/**
 * Search benchmark: builds the site once, then sets beside it the same pages
 * indexed by Pagefind with its defaults (its own HTML reading, word breaking
 * and query handling) and a minimal search page that drives Pagefind's
 * `search()` as documented. Both run through the shared search checker
 * (../shared/search-eval) and the figures are printed side by side.
 *
 *   npm run bench:search                      # public queries, one browser context
 *   npm run bench:search -- --limit 50 --concurrency 2 --queries FILE --keep
 *
 * Not a test: it prints numbers. Output goes to dist-bench/ (ignored by git).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { ROOT } from '../shared/project.ts';
const SHARED = resolve(ROOT, '../shared/search-eval');
const OUT = join(ROOT, 'dist-bench');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const queries = resolve(arg('queries', join(SHARED, 'queries.public.json')));
const limit = arg('limit', '0');
const concurrency = arg('concurrency', '1');

if (!existsSync(join(SHARED, 'eval.mjs'))) {
  console.error(`bench:search needs the search checker at ${SHARED}`);
  process.exit(2);
}

/** The default contender's search page: Pagefind's documented API, results per the checker's page contract. */
const DEFAULT_PAGE = `<!doctype html>
<html lang="zh-Hans-CN"><head><meta charset="utf-8"><title>搜索（Pagefind 默认）</title></head>
<body><main>
<p data-status></p>
<section data-search-results data-state="loading"><ol data-list></ol>
<button type="button" data-search-more hidden>显示更多</button></section>
<script type="module">
const base = new URL('../', location.href).pathname;
const pagefind = await import(base + 'pagefind/pagefind.js');
const q = new URLSearchParams(location.search).get('q') ?? '';
const root = document.querySelector('[data-search-results]');
const list = document.querySelector('[data-list]');
const more = document.querySelector('[data-search-more]');
const found = q.trim() ? (await pagefind.search(q))?.results ?? [] : [];
let next = 0;
async function show() {
  const batch = found.slice(next, next + 10);
  next += batch.length;
  for (const data of await Promise.all(batch.map((r) => r.data()))) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = data.url;
    a.dataset.result = '';
    a.textContent = data.meta.title ?? data.url;
    const p = document.createElement('p');
    p.innerHTML = data.excerpt;
    li.append(a, p);
    list.append(li);
  }
  more.hidden = next >= found.length;
  document.querySelector('[data-status]').textContent = found.length + ' results';
}
await show();
root.dataset.state = 'done';
more.addEventListener('click', async () => { root.dataset.state = 'loading'; await show(); root.dataset.state = 'done'; });
</script></main></body></html>
`;

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function bytes(list: string[]): number {
  return list.reduce((n, f) => n + statSync(f).size, 0);
}

/** Index data (what grows with the site) and runtime (JS + WebAssembly a search page may load). */
function indexSizes(pagefindDir: string) {
  const all = files(pagefindDir).map((f) => relative(pagefindDir, f));
  const data = all.filter((f) => /\.(pf_meta|pf_index|pf_fragment|pf_filter)$|pagefind-entry\.json$/.test(f));
  const runtime = all.filter((f) => /^(pagefind\.js|pagefind-worker\.js|wasm\.[a-z-]+\.pagefind)$/.test(f));
  const abs = (l: string[]) => l.map((f) => join(pagefindDir, f));
  return { data: bytes(abs(data)), runtime: bytes(abs(runtime)), files: data.length };
}

interface EvalResult {
  overall: { recall: number; precision: number; exact: number; n: number };
  categories: Record<string, { recall: number; precision: number; exact: number; n: number }>;
  perf: { cold: { ms: number; bytes: number; requests: number }; warm: { msMedian: number; msP95: number; bytesMedian: number } };
}

function runEval(dist: string, name: string): EvalResult {
  const json = join(OUT, `${name}.json`);
  const args = [join(SHARED, 'eval.mjs'), '--dist', dist, '--queries', queries, '--json', json, '--concurrency', concurrency, '--show', '0'];
  if (limit !== '0') args.push('--limit', limit);
  console.log(`\n== ${name}: node ${args.map((a) => relative(ROOT, a) || a).join(' ')}`);
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  return JSON.parse(readFileSync(json, 'utf8'));
}

async function main() {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const project = join(OUT, 'project');
  const fallback = join(OUT, 'default');

  console.log('building the site (npm run build) …');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, OUT_DIR: project, BASE_PATH: '/' } });

  console.log("indexing the same pages with Pagefind's defaults …");
  cpSync(project, fallback, { recursive: true });
  rmSync(join(fallback, 'pagefind'), { recursive: true, force: true });
  const started = Date.now();
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  const added = await index.addDirectory({ path: fallback });
  await index.writeFiles({ outputPath: join(fallback, 'pagefind') });
  await pagefind.close();
  console.log(`default index: ${added.page_count} pages in ${Date.now() - started} ms`);
  writeFileSync(join(fallback, 'search', 'index.html'), DEFAULT_PAGE);

  const sizes = { project: indexSizes(join(project, 'pagefind')), default: indexSizes(join(fallback, 'pagefind')) };
  const results = { project: runEval(project, 'project'), default: runEval(fallback, 'default') };

  const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const ms = (n: number) => `${Math.round(n)} ms`;
  const f3 = (n: number) => n.toFixed(3);
  const ratio = (a: number, b: number) => (b ? `${(a / b).toFixed(2)}×` : 'n/a');
  const rows: [string, string, string, string][] = [
    ['index data (meta, chunks, fragments, filters)', kib(sizes.project.data), kib(sizes.default.data), ratio(sizes.project.data, sizes.default.data)],
    ['search runtime files (JS, wasm)', kib(sizes.project.runtime), kib(sizes.default.runtime), ratio(sizes.project.runtime, sizes.default.runtime)],
    ['first query: bytes downloaded', kib(results.project.perf.cold.bytes), kib(results.default.perf.cold.bytes), ratio(results.project.perf.cold.bytes, results.default.perf.cold.bytes)],
    ['first query: requests', String(results.project.perf.cold.requests), String(results.default.perf.cold.requests), ratio(results.project.perf.cold.requests, results.default.perf.cold.requests)],
    ['first query: time', ms(results.project.perf.cold.ms), ms(results.default.perf.cold.ms), ratio(results.project.perf.cold.ms, results.default.perf.cold.ms)],
    ['warm query: median', ms(results.project.perf.warm.msMedian), ms(results.default.perf.warm.msMedian), ratio(results.project.perf.warm.msMedian, results.default.perf.warm.msMedian)],
    ['warm query: p95', ms(results.project.perf.warm.msP95), ms(results.default.perf.warm.msP95), ratio(results.project.perf.warm.msP95, results.default.perf.warm.msP95)],
    ['warm query: bytes (median)', kib(results.project.perf.warm.bytesMedian), kib(results.default.perf.warm.bytesMedian), ratio(results.project.perf.warm.bytesMedian, results.default.perf.warm.bytesMedian)],
    ['recall (mean)', f3(results.project.overall.recall), f3(results.default.overall.recall), ratio(results.project.overall.recall, results.default.overall.recall)],
    ['precision (mean)', f3(results.project.overall.precision), f3(results.default.overall.precision), ratio(results.project.overall.precision, results.default.overall.precision)],
    ['exact result sets', `${results.project.overall.exact}/${results.project.overall.n}`, `${results.default.overall.exact}/${results.default.overall.n}`, ''],
  ];
  for (const [cat, p] of Object.entries(results.project.categories)) {
    const d = results.default.categories[cat];
    rows.push([`  ${cat}: recall / precision`, `${f3(p.recall)} / ${f3(p.precision)}`, d ? `${f3(d.recall)} / ${f3(d.precision)}` : 'n/a', '']);
  }
  const w = [Math.max(...rows.map((r) => r[0].length)), 20, 20, 8];
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(`\nsearch benchmark (${results.project.overall.n} queries from ${relative(ROOT, queries)}, concurrency ${concurrency})`);
  console.log(line(['', 'project', 'Pagefind default', 'ratio']));
  console.log('-'.repeat(w.reduce((a, b) => a + b + 2, 0)));
  for (const r of rows) console.log(line(r));
  if (!process.argv.includes('--keep')) rmSync(OUT, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
