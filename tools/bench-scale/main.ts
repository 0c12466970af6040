/**
 * `npm run bench:scale` — build and search cost of the archive at 100, 1,000
 * and 10,000 reports, against plain Astro + Pagefind on the same pages.
 *
 * For each size: generate a synthetic archive (tools/synthetic/generate.ts) into a
 * throw-away project `.tmp/scale/<n>/`, build it cold as the project builds
 * (`astro build`, then its search index step) and plain (`astro build`, then
 * `pagefind --site`), measure dist and index sizes, generate a query
 * set with ground truth from the built pages, and run it through Chromium on
 * both builds' search pages. Prints one table per size and the goals; writes
 * the run's raw record to `.tmp/scale/results/<n>.json` and its figures to
 * `docs/scale-results.json` (figures.ts), replacing the sizes measured.
 *
 *   npm run bench:scale -- [--sizes 100,1000,10000] [--reuse] [--skip-search]
 *        [--only project|plain] [--eval] [--report] [--plot docs/performance.svg] [--markdown]
 *        [--json FILE] [--only-broad]
 *
 * --reuse: keep a size's generated content and builds when they exist (src/ is copied afresh);
 * --skip-search: builds and sizes only; --only: one variant; --eval: cross-check the project's
 * results with ../shared/search-eval/eval.mjs (up to 1,000 reports); --report: print the figures
 * of the JSON file without measuring; --plot FILE: draw the SVG from them; --markdown: rewrite the
 * tables of README.md and docs/performance.md from them; --json FILE: the figures file (default
 * docs/scale-results.json); --only-broad: with existing builds, measure only the broad query and add it
 * to the results; --plain-up-to N: build plain Pagefind only up to N reports (its one process needed
17 GB at 10,000, so a larger size would not fit this machine); --search-up-to N: measure search
only up to N reports (larger sizes: builds and sizes). `BENCH_SCALE_DIR=.tmp/scale-x` keeps a run's projects and raw results apart from `.tmp/scale/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_SEED } from '../synthetic/generate.ts';
import { CHROMIUM_PATH } from '../shared/chromium.ts';
import { parseCommandLine } from '../shared/cli.ts';
import { sizes } from '../shared/dist.ts';
import { measureBroadQuery } from '../shared/search-driver/broad-query.ts';
import { writePlainSearchPage } from '../shared/search-driver/plain-page.ts';
import { measureSearch } from '../shared/search-driver/query-set.ts';
import { truthPages } from '../shared/search-truth.ts';
import { runBuild, type Variant } from './build.ts';
import { renderSvg } from './plot.ts';
import { copySrc, createProject, projectExists, SCALE_DIR } from './project.ts';
import { ROOT } from '../shared/project.ts';
import { expectedPages, generateQueries, truthTexts, type Names, type Query } from '../synthetic/queries.ts';
import { siteTruthRules } from './truth-rules.ts';
import { goals, printTable } from './report.ts';
import { readResult, writeResult, type SizeResult } from './results.ts';
import { readScaleResults, sizeFigures, writeScaleResults, type SizeFigures } from './figures.ts';
import { writeTables } from './markdown.ts';

interface Options {
  sizes: number[];
  reuse: boolean;
  skipSearch: boolean;
  variants: Variant[];
  eval: boolean;
  report: boolean;
  plot?: string;
  markdown: boolean;
  json: string;
  onlyBroad: boolean;
  plainUpTo: number;
  searchUpTo: number;
}

const log = (s: string) => process.stderr.write(`[bench:scale ${new Date().toISOString().slice(11, 19)}] ${s}\n`);

function readOptions(): Options {
  const { values } = parseCommandLine(import.meta.url, {
    options: {
      sizes: { type: 'string', default: '100,1000,10000' },
      reuse: { type: 'boolean', default: false },
      'skip-search': { type: 'boolean', default: false },
      only: { type: 'string' },
      eval: { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      plot: { type: 'string' },
      markdown: { type: 'boolean', default: false },
      json: { type: 'string', default: 'docs/scale-results.json' },
      'only-broad': { type: 'boolean', default: false },
      'plain-up-to': { type: 'string', default: '10000' },
      'search-up-to': { type: 'string', default: '10000' },
    },
  });
  if (values.only !== undefined && values.only !== 'project' && values.only !== 'plain') {
    console.error(`--only: expected project or plain, got ${JSON.stringify(values.only)}`);
    process.exit(2);
  }
  return {
    sizes: values.sizes
      .split(',')
      .map(Number)
      .filter((x) => x > 0),
    reuse: values.reuse,
    skipSearch: values['skip-search'],
    variants: values.only ? [values.only] : ['project', 'plain'],
    eval: values.eval,
    report: values.report,
    plot: values.plot,
    markdown: values.markdown,
    json: resolve(ROOT, values.json),
    onlyBroad: values['only-broad'],
    plainUpTo: sizeOption('--plain-up-to', values['plain-up-to']),
    searchUpTo: sizeOption('--search-up-to', values['search-up-to']),
  };
}

/** A number of reports given on the command line; exits 2 naming the option when it is not one. */
function sizeOption(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`${name}: expected a number of reports, got ${JSON.stringify(value)}`);
    process.exit(2);
  }
  return n;
}

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const mem = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  let chromium = '';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {}
  const astro = JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')).version;
  const pagefind = JSON.parse(readFileSync(join(ROOT, 'node_modules/pagefind/package.json'), 'utf8')).version;
  return `${cpus().length} × ${cpu}, ${mem} RAM; Node ${process.version}; Astro ${astro}; Pagefind ${pagefind}; ${chromium}`;
}

/** How the project builds its search index: its build script (`astro build && node src/search/index/main.ts`). */
function searchIndexStep(): string {
  const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  return `npm run build: ${scripts.build ?? '(no build script)'}`;
}

const distOf = (reports: number, variant: Variant) => join(SCALE_DIR, String(reports), `dist-${variant}`);

async function measureBroad(reports: number, result: SizeResult, variants: Variant[]): Promise<void> {
  for (const variant of variants) {
    const dist = distOf(reports, variant);
    if (!existsSync(join(dist, 'search/index.html'))) continue;
    const broad = await measureBroadQuery(dist);
    result[variant].broad = broad;
    log(
      `${reports}: ${variant}: broad query ${broad.q}: first results ${broad.coldMs.toFixed(0)} ms cold, ${broad.warmMs.toFixed(0)} ms warm; page busy ${broad.warmLongTasksMs.toFixed(0)} ms`,
    );
  }
}

/** The size's archive: generated afresh, or with --reuse the one generated before. */
function prepareProject(reports: number, reuse: boolean): { counts: Record<string, number>; names: Names } {
  const dir = join(SCALE_DIR, String(reports));
  if (reuse) {
    const saved = JSON.parse(readFileSync(join(dir, 'names.json'), 'utf8'));
    copySrc(dir);
    log(`${reports}: reusing ${dir} (content kept, src/ copied afresh)`);
    return { counts: saved.counts, names: saved.names };
  }
  const t = performance.now();
  const { archive } = createProject(reports, DEFAULT_SEED, SCALE_DIR);
  log(`${reports}: generated ${JSON.stringify(archive.counts)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return { counts: archive.counts, names: archive.names };
}

/** Builds each variant (or with --reuse keeps a build measured before) and measures its dist. */
async function buildVariants(reports: number, variants: Variant[], reuse: boolean, result: SizeResult): Promise<void> {
  const previous = readResult(reports);
  for (const variant of variants) {
    const dist = distOf(reports, variant);
    if (reuse && existsSync(join(dist, 'index.html')) && previous?.[variant].build) {
      result[variant].build = previous[variant].build;
    } else {
      log(`${reports}: building ${variant} …`);
      const build = await runBuild(join(SCALE_DIR, String(reports)), variant);
      result[variant].build = build;
      const phases = Object.fromEntries(Object.entries(build.phases).map(([k, v]) => [k, Math.round(v / 100) / 10]));
      log(
        `${reports}: ${variant} ${build.ok ? 'built' : 'FAILED'} in ${(build.wallMs / 1000).toFixed(1)} s wall, ${build.cpuS.toFixed(1)} s CPU, peak ${(build.maxRssKB / 1024).toFixed(0)} MB; phases ${JSON.stringify(phases)}`,
      );
      if (!build.ok) throw new Error(`${variant} build of ${reports} failed; see ${build.log}`);
    }
    if (variant === 'plain') writePlainSearchPage(dist);
    result[variant].sizes = sizes(dist);
  }
}

/**
 * The query set through Chromium on each variant's search page. The set is generated from the first variant's
 * pages and scored against each build's own pages.
 */
async function searchVariants(reports: number, variants: Variant[], names: Names, result: SizeResult): Promise<void> {
  const dir = join(SCALE_DIR, String(reports));
  const rules = siteTruthRules(distOf(reports, 'project'));
  let queries: Query[] | undefined;
  for (const variant of variants) {
    const dist = distOf(reports, variant);
    if (!existsSync(join(dist, 'search/index.html'))) {
      result[variant].searchNote = 'no search page in this build (dist/search/index.html missing)';
      log(`${reports}: ${variant}: ${result[variant].searchNote}; search not measured`);
      continue;
    }
    const t = performance.now();
    const pages = truthPages(dist);
    result[variant].pages = pages.length;
    log(`${reports}: ${variant}: ${pages.length} indexed pages read in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (!queries) {
      queries = generateQueries(names, pages, { seed: DEFAULT_SEED, rules });
      writeFileSync(
        join(dir, 'queries.json'),
        JSON.stringify(
          queries.map(({ expected, ...q }) => q),
          null,
          1,
        ),
      );
    }
    const compared = truthTexts(pages, rules);
    for (const q of queries) q.expected = expectedPages(q.match, compared, rules);
    result.queries = queries.length;
    log(`${reports}: ${variant}: ${queries.length} queries through Chromium …`);
    const { runs, ...summary } = await measureSearch(dist, queries, { log: (s) => log(`${reports}: ${variant}: ${s}`) });
    if (summary.broken) result[variant].searchNote = summary.broken;
    result[variant].search = summary;
    writeFileSync(join(dir, `search-${variant}.json`), JSON.stringify(runs, null, 1));
    log(
      `${reports}: ${variant}: recall ${summary.recall.toFixed(3)} precision ${summary.precision.toFixed(3)}, warm median ${summary.warm.msMedian.toFixed(0)} ms`,
    );
  }
}

/** The shared checker's verdict on the project build; it reads its ground truth page by page in Chromium, so only up to 1,000 reports. */
function crossCheck(reports: number): void {
  const dir = join(SCALE_DIR, String(reports));
  log(`${reports}: cross-check with ../shared/search-eval/eval.mjs …`);
  const args = [
    join(ROOT, '../shared/search-eval/eval.mjs'),
    '--dist',
    join(dir, 'dist-project'),
    '--queries',
    join(dir, 'queries.json'),
    '--concurrency',
    '1',
  ];
  try {
    const out = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    log(`eval.mjs: ${out.trim().split('\n').at(-1)}`);
  } catch (e) {
    log(`eval.mjs failed: ${(e as Error).message.split('\n')[0]}`);
  }
}

async function runSize(reports: number, o: Options): Promise<SizeResult> {
  if (o.onlyBroad) {
    const saved = readResult(reports);
    if (!saved) throw new Error(`--only-broad: no results for ${reports} reports yet`);
    await measureBroad(reports, saved, ['project', 'plain']);
    writeResult(saved);
    return saved;
  }
  const reuse = o.reuse && projectExists(reports);
  const { counts, names } = prepareProject(reports, reuse);
  const result: SizeResult = {
    reports,
    seed: DEFAULT_SEED,
    date: new Date().toISOString(),
    commit: commit(),
    machine: machine(),
    counts,
    queries: 0,
    searchIntegration: searchIndexStep(),
    project: {},
    plain: {},
  };
  // Plain Pagefind's one process outgrows the machine above --plain-up-to; the figures say so rather than go missing.
  const variants = o.variants.filter((v) => v === 'project' || reports <= o.plainUpTo);
  if (variants.length < o.variants.length) {
    result.plain.buildNote = `not built above ${o.plainUpTo.toLocaleString('en')} reports (--plain-up-to): its one process needed 17 GB at 10,000`;
  }
  await buildVariants(reports, variants, reuse, result);
  writeResult(result);
  if (!o.skipSearch && reports > o.searchUpTo) {
    for (const v of variants)
      result[v].searchNote = `search not measured above ${o.searchUpTo.toLocaleString('en')} reports (--search-up-to)`;
  } else if (!o.skipSearch) {
    await searchVariants(reports, variants, names, result);
    await measureBroad(reports, result, variants);
    if (o.eval && o.variants.includes('project') && reports <= 1000) crossCheck(reports);
  }
  writeResult(result);
  return result;
}

/** The commit measured, as `git rev-parse --short HEAD` names it ("unknown" outside a git checkout). */
function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const o = readOptions();
  let figures: SizeFigures[];
  if (o.report) {
    figures = readScaleResults(o.json).sizes;
    for (const f of figures) printTable(f);
  } else {
    const measured: SizeFigures[] = [];
    for (const n of o.sizes) {
      const f = sizeFigures(await runSize(n, o));
      printTable(f);
      measured.push(f);
      writeScaleResults(o.json, measured);
      log(`wrote ${o.json}`);
    }
    figures = readScaleResults(o.json).sizes;
  }
  console.log('\n== goals ==');
  for (const g of goals(figures)) console.log(`${g.holds === undefined ? '?   ' : g.holds ? 'ok  ' : 'MISS'} ${g.goal}: ${g.detail}`);
  if (o.plot) {
    writeFileSync(o.plot, renderSvg(figures));
    log(`wrote ${o.plot}`);
  }
  if (o.markdown) log(`wrote the tables of ${writeTables(figures).join(' and ')}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
