/**
 * `npm run bench:scale` — build and search cost of the archive at 100, 1,000
 * and 10,000 reports, against plain Astro + Pagefind on the same pages (#9).
 *
 * For each size: generate a synthetic archive (tools/synthetic/generate.ts) into a
 * throw-away project `.tmp/scale/<n>/`, build it cold as the project builds
 * (`astro build`, search index included) and plain (`SEARCH_INDEX=off astro
 * build` + `pagefind --site`), measure dist and index sizes, generate a query
 * set with ground truth from the built pages, and run it through Chromium on
 * both builds' search pages. Prints one table per size and the goals; writes
 * `.tmp/scale/results/<n>.json`; `--plot FILE` draws the SVG from all results.
 *
 *   node tools/bench-scale/main.ts [--sizes 100,1000,10000] [--reuse] [--skip-search]
 *        [--only project|plain] [--eval] [--report] [--plot docs/performance.svg] [--markdown FILE]
 *        [--only-broad]   (with existing builds: measure only the broad query and add it to the results)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEED } from '../synthetic/generate.ts';
import { runBuild, type BuildResult, type Variant } from './build.ts';
import { copySrc, createProject, projectExists, ROOT, SCALE_DIR } from './project.ts';
import { expectedPages, generateQueries, type Names, type Query } from './queries.ts';
import { measureBroadQuery, measureSearch, writePlainSearchPage, type BroadResult, type SearchResult } from '../shared/search-driver.ts';
import { sizes, type Sizes } from '../shared/dist.ts';
import { truthPages } from '../shared/search-truth.ts';
import { renderSvg } from './plot.ts';

interface VariantResult {
  build?: BuildResult;
  sizes?: Sizes;
  search?: Omit<SearchResult, 'runs'>;
  /** The query that matches every report (`measureBroadQuery`). */
  broad?: BroadResult;
  /** Why search was not (fully) measured. */
  searchNote?: string;
  pages?: number;
}

export interface SizeResult {
  reports: number;
  seed: number;
  date: string;
  machine: string;
  counts: Record<string, number>;
  queries: number;
  searchIntegration: string;
  project: VariantResult;
  plain: VariantResult;
}

const RESULTS = join(SCALE_DIR, 'results');
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const resultName = (reports: number) => `${reports}.json`;
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const log = (s: string) => process.stderr.write(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${s}\n`);

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const mem = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  let chromium = '';
  try {
    chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  const astro = JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version;
  const pagefind = JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')).version;
  return `${cpus().length} × ${cpu}, ${mem} RAM; Node ${process.version}; Astro ${astro}; Pagefind ${pagefind}; ${chromium}`;
}

function searchIntegrationName(): string {
  const config = readFileSync(join(ROOT, 'astro.config.mjs'), 'utf8');
  const used = /integrations:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
  return /search|pagefind/i.test(used) ? used.trim() : 'none (the project has no search integration yet)';
}

async function measureBroad(reports: number, result: SizeResult, variants: Variant[]) {
  for (const variant of variants) {
    const dist = join(SCALE_DIR, String(reports), `dist-${variant}`);
    if (!existsSync(join(dist, 'search/index.html'))) continue;
    const broad = await measureBroadQuery(dist);
    result[variant].broad = broad;
    log(`${reports}: ${variant}: broad query ${broad.q}: first results ${broad.coldMs.toFixed(0)} ms cold, ${broad.warmMs.toFixed(0)} ms warm; page busy ${broad.warmLongTasksMs.toFixed(0)} ms`);
  }
}

async function runSize(reports: number): Promise<SizeResult> {
  const dir = join(SCALE_DIR, String(reports));
  if (flag('--only-broad')) {
    if (!existsSync(join(RESULTS, resultName(reports)))) throw new Error(`--only-broad: no results for ${reports} reports yet`);
    const result = JSON.parse(readFileSync(join(RESULTS, resultName(reports)), 'utf8')) as SizeResult;
    await measureBroad(reports, result, ['project', 'plain']);
    writeResult(result);
    return result;
  }
  const reuse = flag('--reuse') && projectExists(reports);
  let counts: Record<string, number>;
  let names: Names;
  if (reuse) {
    const saved = JSON.parse(readFileSync(join(dir, 'names.json'), 'utf8'));
    counts = saved.counts;
    names = saved.names;
    copySrc(dir);
    log(`${reports}: reusing ${dir} (content kept, src/ copied afresh)`);
  } else {
    const t = performance.now();
    const project = createProject(reports, DEFAULT_SEED, SCALE_DIR);
    counts = project.archive.counts;
    names = project.archive.names;
    log(`${reports}: generated ${JSON.stringify(counts)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const result: SizeResult = {
    reports,
    seed: DEFAULT_SEED,
    date: new Date().toISOString(),
    machine: machine(),
    counts,
    queries: 0,
    searchIntegration: searchIntegrationName(),
    project: {},
    plain: {},
  };
  const only = option('--only') as Variant | undefined;
  const variants: Variant[] = only ? [only] : ['project', 'plain'];
  const previous = existsSync(join(RESULTS, resultName(reports))) ? (JSON.parse(readFileSync(join(RESULTS, resultName(reports)), 'utf8')) as SizeResult) : undefined;

  for (const variant of variants) {
    const dist = join(dir, `dist-${variant}`);
    if (reuse && existsSync(join(dist, 'index.html')) && previous?.[variant].build) {
      result[variant].build = previous[variant].build;
    } else {
      log(`${reports}: building ${variant} …`);
      const build = await runBuild(dir, variant);
      result[variant].build = build;
      log(`${reports}: ${variant} ${build.ok ? 'built' : 'FAILED'} in ${(build.wallMs / 1000).toFixed(1)} s wall, ${build.cpuS.toFixed(1)} s CPU, peak ${(build.maxRssKB / 1024).toFixed(0)} MB; phases ${JSON.stringify(Object.fromEntries(Object.entries(build.phases).map(([k, v]) => [k, Math.round(v / 100) / 10])))}`);
      if (!build.ok) throw new Error(`${variant} build of ${reports} failed; see ${build.log}`);
    }
    if (variant === 'plain') writePlainSearchPage(dist);
    result[variant].sizes = sizes(dist);
  }
  writeResult(result);

  if (!flag('--skip-search')) {
    let queries: Query[] | undefined;
    for (const variant of variants) {
      const dist = join(dir, `dist-${variant}`);
      if (!existsSync(join(dist, 'search/index.html'))) {
        result[variant].searchNote = 'no search page in this build (dist/search/index.html missing)';
        log(`${reports}: ${variant}: ${result[variant].searchNote}; search not measured`);
        continue;
      }
      const t = performance.now();
      const pages = truthPages(dist);
      result[variant].pages = pages.length;
      log(`${reports}: ${variant}: ${pages.length} indexed pages read in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      // The query set is generated from the first variant's pages, and scored against each build's own pages.
      if (!queries) {
        queries = generateQueries(names, pages, { seed: DEFAULT_SEED });
        writeFileSync(join(dir, 'queries.json'), JSON.stringify(queries.map(({ expected, ...q }) => q), null, 1));
      }
      for (const q of queries) q.expected = expectedPages(q.match, pages);
      result.queries = queries.length;
      log(`${reports}: ${variant}: ${queries.length} queries through Chromium …`);
      const search = await measureSearch(dist, queries, { log: (s) => log(`${reports}: ${variant}: ${s}`) });
      const { runs, ...summary } = search;
      if (search.broken) result[variant].searchNote = search.broken;
      result[variant].search = summary;
      writeFileSync(join(dir, `search-${variant}.json`), JSON.stringify(runs, null, 1));
      log(`${reports}: ${variant}: recall ${summary.recall.toFixed(3)} precision ${summary.precision.toFixed(3)}, warm median ${summary.warm.msMedian.toFixed(0)} ms`);
    }
    await measureBroad(reports, result, variants);
    // The shared checker reads its ground truth page by page in Chromium: minutes at 10,000 reports, so only up to 1,000.
    if (flag('--eval') && variants.includes('project') && reports <= 1000) {
      log(`${reports}: cross-check with ../shared/search-eval/eval.mjs …`);
      try {
        const out = execFileSync(process.execPath, [join(ROOT, '../shared/search-eval/eval.mjs'), '--dist', join(dir, 'dist-project'), '--queries', join(dir, 'queries.json'), '--concurrency', '1'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
        log(`eval.mjs: ${out.trim().split('\n').at(-1)}`);
      } catch (e) {
        log(`eval.mjs failed: ${(e as Error).message.split('\n')[0]}`);
      }
    }
  }
  writeResult(result);
  return result;
}

function writeResult(r: SizeResult) {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, resultName(r.reports)), JSON.stringify(r, null, 1));
}

function readResults(): SizeResult[] {
  if (!existsSync(RESULTS)) return [];
  return readdirSync(RESULTS)
    .filter((f) => /^\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(RESULTS, f), 'utf8')) as SizeResult)
    .sort((a, b) => a.reports - b.reports);
}

// ---------------------------------------------------------------------------
// Report

const MB = 1024 * 1024;
const fmt = {
  s: (ms?: number) => (ms === undefined || !Number.isFinite(ms) ? '–' : (ms / 1000).toFixed(1)),
  n1: (x?: number) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1)),
  n0: (x?: number) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(0)),
  n3: (x?: number) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3)),
  ratio: (a?: number, b?: number) => (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? '–' : `${(a / b).toFixed(2)}×`),
};

export interface Row {
  label: string;
  project?: number;
  plain?: number;
  show: (x?: number) => string;
  /** Ratio column shown. */
  ratio?: boolean;
}

export function rows(r: SizeResult): Row[] {
  const p = r.project;
  const q = r.plain;
  return [
    { label: 'build time, wall (s)', project: p.build?.wallMs, plain: q.build?.wallMs, show: fmt.s, ratio: true },
    { label: 'build time, CPU user+sys (s)', project: p.build && p.build.cpuS * 1000, plain: q.build && q.build.cpuS * 1000, show: fmt.s, ratio: true },
    { label: 'peak memory (MB)', project: p.build && p.build.maxRssKB / 1024, plain: q.build && q.build.maxRssKB / 1024, show: fmt.n0, ratio: true },
    { label: 'dist size (MB)', project: p.sizes && p.sizes.dist / MB, plain: q.sizes && q.sizes.dist / MB, show: fmt.n1, ratio: true },
    { label: 'index size (MB)', project: p.sizes && p.sizes.index / MB, plain: q.sizes && q.sizes.index / MB, show: (x) => (x === undefined ? '–' : x.toFixed(2)), ratio: true },
    { label: 'index files', project: p.sizes?.indexFiles, plain: q.sizes?.indexFiles, show: fmt.n0, ratio: true },
    { label: 'first query, bytes downloaded (KB)', project: p.search && p.search.cold.bytes / 1024, plain: q.search && q.search.cold.bytes / 1024, show: fmt.n0, ratio: true },
    { label: '  of which search code (KB)', project: p.search && (p.search.cold.byKind.searchCode ?? 0) / 1024, plain: q.search && (q.search.cold.byKind.searchCode ?? 0) / 1024, show: fmt.n0, ratio: true },
    { label: '  of which index (KB)', project: p.search && (p.search.cold.byKind.index ?? 0) / 1024, plain: q.search && (q.search.cold.byKind.index ?? 0) / 1024, show: fmt.n0, ratio: true },
    { label: 'warm query, median (ms)', project: p.search?.warm.msMedian, plain: q.search?.warm.msMedian, show: fmt.n0, ratio: true },
    { label: 'warm query, p95 (ms)', project: p.search?.warm.msP95, plain: q.search?.warm.msP95, show: fmt.n0, ratio: true },
    { label: 'broad query 党建, first results, cold (ms)', project: p.broad?.coldMs, plain: q.broad?.coldMs, show: fmt.n0, ratio: true },
    { label: 'broad query 党建, first results, warm (ms)', project: p.broad?.warmMs, plain: q.broad?.warmMs, show: fmt.n0, ratio: true },
    { label: 'broad query 党建, page busy, warm (ms)', project: p.broad?.warmLongTasksMs, plain: q.broad?.warmLongTasksMs, show: fmt.n0, ratio: true },
    { label: 'recall', project: p.search?.recall, plain: q.search?.recall, show: fmt.n3, ratio: true },
    { label: 'precision', project: p.search?.precision, plain: q.search?.precision, show: fmt.n3, ratio: true },
    { label: 'exact result sets', project: p.search?.exact, plain: q.search?.exact, show: fmt.n0 },
    { label: 'queries checked on page text', project: p.search?.checkedQueries, show: fmt.n0 },
  ];
}

export function markdownTable(r: SizeResult): string {
  const head = `| ${r.reports.toLocaleString('en')} reports | project | plain Pagefind | project ÷ plain |\n|---|---:|---:|---:|`;
  return [head, ...rows(r).map((row) => `| ${row.label.trim().startsWith('of which') ? `&nbsp;&nbsp;${row.label.trim()}` : row.label} | ${row.show(row.project)} | ${row.show(row.plain)} | ${row.ratio ? fmt.ratio(row.project, row.plain) : ''} |`)].join('\n');
}

/** One row a size: the project's figure with its ratio to plain Pagefind, for the README. */
export function summaryTable(results: SizeResult[]): string {
  const cell = (row: Row | undefined) => (row ? `${row.show(row.project)} (${fmt.ratio(row.project, row.plain)})` : '–');
  const pick = (r: SizeResult, label: string) => rows(r).find((row) => row.label === label);
  const head = '| reports | pages | build, s | peak memory, MB | index, MB | first query, KB | warm query p95, ms | recall / precision | plain Pagefind recall / precision |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  return [
    head,
    ...results.map((r) => {
      const s = r.project.search;
      const q = r.plain.search;
      return `| ${r.reports.toLocaleString('en')} | ${r.project.build?.pages?.toLocaleString('en') ?? '–'} | ${cell(pick(r, 'build time, wall (s)'))} | ${cell(pick(r, 'peak memory (MB)'))} | ${cell(pick(r, 'index size (MB)'))} | ${cell(pick(r, 'first query, bytes downloaded (KB)'))} | ${cell(pick(r, 'warm query, p95 (ms)'))} | ${s ? `${fmt.n3(s.recall)} / ${fmt.n3(s.precision)}` : '–'} | ${q ? `${fmt.n3(q.recall)} / ${fmt.n3(q.precision)}` : '–'} |`;
    }),
  ].join('\n');
}

function printTable(r: SizeResult) {
  const w = 38;
  console.log(`\n== ${r.reports} reports (${Object.entries(r.counts).map(([k, v]) => `${v} ${k}`).join(', ')}; ${r.queries} queries) ==`);
  console.log(`${'metric'.padEnd(w)}${'project'.padStart(12)}${'plain'.padStart(12)}${'ratio'.padStart(10)}`);
  for (const row of rows(r)) console.log(`${row.label.padEnd(w)}${row.show(row.project).padStart(12)}${row.show(row.plain).padStart(12)}${(row.ratio ? fmt.ratio(row.project, row.plain) : '').padStart(10)}`);
}

export interface Goal {
  goal: string;
  holds: boolean | undefined;
  detail: string;
}

export function goals(results: SizeResult[]): Goal[] {
  const out: Goal[] = [];
  const each = (goal: string, test: (r: SizeResult) => [boolean | undefined, string]) => {
    const checks = results.map((r) => ({ r, c: test(r) }));
    const known = checks.filter((x) => x.c[0] !== undefined);
    out.push({
      goal,
      holds: known.length === 0 ? undefined : known.every((x) => x.c[0]),
      detail: checks.map((x) => `${x.r.reports}: ${x.c[1]}`).join('; '),
    });
  };
  const ratio = (a?: number, b?: number) => (a !== undefined && b ? a / b : undefined);
  each('build time ≤ 1.5× plain (wall)', (r) => {
    const x = ratio(r.project.build?.wallMs, r.plain.build?.wallMs);
    return [x === undefined ? undefined : x <= 1.5, x === undefined ? 'n/a' : `${x.toFixed(2)}×`];
  });
  each('index size ≤ 1.0× plain', (r) => {
    const x = ratio(r.project.sizes?.index, r.plain.sizes?.index);
    return [x === undefined ? undefined : x <= 1.0, x === undefined ? 'n/a' : `${x.toFixed(2)}×`];
  });
  each('recall and precision 1.000', (r) => {
    const s = r.project.search;
    return [s ? s.recall === 1 && s.precision === 1 : undefined, s ? `${s.recall.toFixed(3)} / ${s.precision.toFixed(3)}` : 'n/a'];
  });
  each('10,000-report build fits 2 cores / 24 GB', (r) => {
    if (r.reports !== 10000) return [undefined, 'n/a'];
    const b = r.project.build;
    return [b ? b.ok && b.maxRssKB < 24 * 1024 * 1024 : undefined, b ? `${b.ok ? 'built' : 'failed'}, peak ${(b.maxRssKB / 1024 / 1024).toFixed(1)} GB, ${fmt.s(b.wallMs)} s` : 'n/a'];
  });
  const first = results.find((r) => r.reports === 100)?.project.search?.cold.bytes;
  const last = results.find((r) => r.reports === 10000)?.project.search?.cold.bytes;
  out.push({
    goal: 'first-query bytes grow ≤ 3× from 100 to 10,000 reports',
    holds: first && last ? last / first <= 3 : undefined,
    detail: first && last ? `${(first / 1024).toFixed(0)} KB → ${(last / 1024).toFixed(0)} KB = ${(last / first).toFixed(2)}×` : 'n/a',
  });
  return out;
}

async function main() {
  if (!flag('--report')) {
    const sizesArg = (option('--sizes') ?? '100,1000,10000').split(',').map(Number).filter((x) => x > 0);
    for (const n of sizesArg) printTable(await runSize(n));
  }
  const results = readResults();
  if (flag('--report')) for (const r of results) printTable(r);
  console.log('\n== goals ==');
  for (const g of goals(results)) console.log(`${g.holds === undefined ? '?   ' : g.holds ? 'ok  ' : 'MISS'} ${g.goal}: ${g.detail}`);
  const plot = option('--plot');
  if (plot) {
    writeFileSync(plot, renderSvg(results));
    log(`wrote ${plot}`);
  }
  const md = option('--markdown');
  if (md) {
    writeFileSync(md, `${summaryTable(results)}\n\n${results.map(markdownTable).join('\n\n')}\n`);
    log(`wrote ${md}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
