/**
 * Search benchmark: builds the site once, then sets beside it the same pages
 * indexed by Pagefind with its defaults (its own HTML reading, word breaking
 * and query handling) and the minimal search page that drives Pagefind's
 * `search()` as documented (the plain page of tools/shared/search-driver/plain-page.ts).
 * Both run through the shared search checker (../shared/search-eval) and the
 * figures are printed side by side.
 *
 *   npm run bench:search                      # public queries, one browser context
 *   npm run bench:search -- --limit 50 --concurrency 2 --queries FILE --keep
 *
 * --limit N: only the first N queries; --concurrency N: queries at a time;
 * --queries FILE: another query set; --keep: leave the builds in dist-bench/.
 * Not a test: it prints numbers. Output goes to dist-bench/ (ignored by git).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildSiteOrThrow } from '../shared/build-site.ts';
import { intOption, parseCommandLine } from '../shared/cli.ts';
import { walk } from '../shared/dist.ts';
import { ROOT } from '../shared/project.ts';
import { writePlainSearchPage } from '../shared/search-driver/plain-page.ts';

const SHARED = resolve(ROOT, '../shared/search-eval');
const OUT = join(ROOT, 'dist-bench');

interface Options {
  queries: string;
  /** 0: every query. */
  limit: number;
  concurrency: number;
  keep: boolean;
}

interface EvalResult {
  overall: { recall: number; precision: number; exact: number; n: number };
  categories: Record<string, { recall: number; precision: number; exact: number; n: number }>;
  perf: { cold: { ms: number; bytes: number; requests: number }; warm: { msMedian: number; msP95: number; bytesMedian: number } };
}

interface IndexSize {
  data: number;
  runtime: number;
  files: number;
}

type Row = [string, string, string, string];

function readOptions(): Options {
  const { values } = parseCommandLine(import.meta.url, {
    options: {
      queries: { type: 'string' },
      limit: { type: 'string' },
      concurrency: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  return {
    queries: resolve(values.queries ?? join(SHARED, 'queries.public.json')),
    limit: intOption('limit', values.limit, 0, 0),
    concurrency: intOption('concurrency', values.concurrency, 1),
    keep: values.keep,
  };
}

/** Index data (what grows with the site) and runtime (JS + WebAssembly a search page may load). */
function indexSizes(pagefindDir: string): IndexSize {
  const all = walk(pagefindDir).map((f) => relative(pagefindDir, f));
  const data = all.filter((f) => /\.(pf_meta|pf_index|pf_fragment|pf_filter)$|pagefind-entry\.json$/.test(f));
  const runtime = all.filter((f) => /^(pagefind\.js|pagefind-worker\.js|wasm\.[a-z-]+\.pagefind)$/.test(f));
  const bytes = (list: string[]) => list.reduce((n, f) => n + statSync(join(pagefindDir, f)).size, 0);
  return { data: bytes(data), runtime: bytes(runtime), files: data.length };
}

/** The project's build in `project`, and the same pages with Pagefind's default index and the plain search page in `fallback`. */
async function buildBoth(project: string, fallback: string): Promise<void> {
  console.log('building the site (npm run build) …');
  buildSiteOrThrow({ OUT_DIR: project, BASE_PATH: '/' });
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
  writePlainSearchPage(fallback);
}

function runEval(dist: string, name: string, o: Options): EvalResult {
  const json = join(OUT, `${name}.json`);
  const args = [
    join(SHARED, 'eval.mjs'),
    '--dist',
    dist,
    '--queries',
    o.queries,
    '--json',
    json,
    '--concurrency',
    String(o.concurrency),
    '--show',
    '0',
  ];
  if (o.limit !== 0) args.push('--limit', String(o.limit));
  console.log(`\n== ${name}: node ${args.map((a) => relative(ROOT, a) || a).join(' ')}`);
  execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  return JSON.parse(readFileSync(json, 'utf8'));
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${Math.round(n)} ms`;
const f3 = (n: number) => n.toFixed(3);
const ratio = (a: number, b: number) => (b ? `${(a / b).toFixed(2)}×` : 'n/a');

function rows(sizes: { project: IndexSize; default: IndexSize }, p: EvalResult, d: EvalResult): Row[] {
  const row = (label: string, show: (n: number) => string, a: number, b: number): Row => [label, show(a), show(b), ratio(a, b)];
  const out: Row[] = [
    row('index data (meta, chunks, fragments, filters)', kib, sizes.project.data, sizes.default.data),
    row('search runtime files (JS, wasm)', kib, sizes.project.runtime, sizes.default.runtime),
    row('first query: bytes downloaded', kib, p.perf.cold.bytes, d.perf.cold.bytes),
    row('first query: requests', String, p.perf.cold.requests, d.perf.cold.requests),
    row('first query: time', ms, p.perf.cold.ms, d.perf.cold.ms),
    row('warm query: median', ms, p.perf.warm.msMedian, d.perf.warm.msMedian),
    row('warm query: p95', ms, p.perf.warm.msP95, d.perf.warm.msP95),
    row('warm query: bytes (median)', kib, p.perf.warm.bytesMedian, d.perf.warm.bytesMedian),
    row('recall (mean)', f3, p.overall.recall, d.overall.recall),
    row('precision (mean)', f3, p.overall.precision, d.overall.precision),
    ['exact result sets', `${p.overall.exact}/${p.overall.n}`, `${d.overall.exact}/${d.overall.n}`, ''],
  ];
  for (const [cat, pc] of Object.entries(p.categories)) {
    const dc = d.categories[cat];
    out.push([
      `  ${cat}: recall / precision`,
      `${f3(pc.recall)} / ${f3(pc.precision)}`,
      dc ? `${f3(dc.recall)} / ${f3(dc.precision)}` : 'n/a',
      '',
    ]);
  }
  return out;
}

function printTable(table: Row[], n: number, o: Options): void {
  const w = [Math.max(...table.map((r) => r[0].length)), 20, 20, 8];
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(`\nsearch benchmark (${n} queries from ${relative(ROOT, o.queries)}, concurrency ${o.concurrency})`);
  console.log(line(['', 'project', 'Pagefind default', 'ratio']));
  console.log('-'.repeat(w.reduce((a, b) => a + b + 2, 0)));
  for (const r of table) console.log(line(r));
}

async function main(): Promise<void> {
  const o = readOptions();
  if (!existsSync(join(SHARED, 'eval.mjs'))) {
    console.error(`bench:search needs the search checker at ${SHARED}`);
    process.exit(2);
  }
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const project = join(OUT, 'project');
  const fallback = join(OUT, 'default');
  await buildBoth(project, fallback);
  const sizes = { project: indexSizes(join(project, 'pagefind')), default: indexSizes(join(fallback, 'pagefind')) };
  const p = runEval(project, 'project', o);
  const d = runEval(fallback, 'default', o);
  printTable(rows(sizes, p, d), p.overall.n, o);
  if (!o.keep) rmSync(OUT, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
