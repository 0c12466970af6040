/**
 * The benchmark's report, made from the figures of `docs/scale-results.json`
 * (figures.ts): one table a size (project, plain Pagefind, ratio), the
 * README's one-row-a-size summary, and the goals the archive must meet at
 * scale, checked against every size measured.
 */
import type { FigureField, SizeFigures } from './figures.ts';

type Num = number | null | undefined;
const known = (x: Num): x is number => x !== null && x !== undefined && Number.isFinite(x);
const fmt = {
  n0: (x: Num) => (known(x) ? x.toFixed(0) : '–'),
  n1: (x: Num) => (known(x) ? x.toFixed(1) : '–'),
  n2: (x: Num) => (known(x) ? x.toFixed(2) : '–'),
  n3: (x: Num) => (known(x) ? x.toFixed(3) : '–'),
  ratio: (a: Num, b: Num) => (known(a) && known(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '–'),
};

interface RowSpec {
  label: string;
  field: FigureField;
  show: (x: Num) => string;
  /** Ratio column shown. */
  ratio?: boolean;
  /** The project's figure only (plain Pagefind has no such step). */
  projectOnly?: boolean;
}

const ROWS: RowSpec[] = [
  { label: 'pages (HTML)', field: 'pages', show: fmt.n0 },
  { label: 'build time, wall (s)', field: 'buildSeconds', show: fmt.n1, ratio: true },
  { label: 'build time, CPU user+sys (s)', field: 'cpuSeconds', show: fmt.n1, ratio: true },
  { label: 'peak memory (MB)', field: 'peakMB', show: fmt.n0, ratio: true },
  { label: 'dist size (MB)', field: 'distMB', show: fmt.n1, ratio: true },
  { label: 'largest page (KB)', field: 'largestPageKB', show: fmt.n0, ratio: true },
  { label: 'index size (MB)', field: 'indexMB', show: fmt.n2, ratio: true },
  { label: 'index files', field: 'indexFiles', show: fmt.n0, ratio: true },
  { label: 'first query, bytes downloaded (KB)', field: 'firstQueryKB', show: fmt.n0, ratio: true },
  { label: '  of which search code (KB)', field: 'firstQueryCodeKB', show: fmt.n0, ratio: true },
  { label: '  of which index (KB)', field: 'firstQueryIndexKB', show: fmt.n0, ratio: true },
  { label: 'warm query, median (ms)', field: 'warmMedianMs', show: fmt.n0, ratio: true },
  { label: 'warm query, p95 (ms)', field: 'warmP95Ms', show: fmt.n0, ratio: true },
  { label: 'broad query 党建, first results, cold (ms)', field: 'broadColdMs', show: fmt.n0, ratio: true },
  { label: 'broad query 党建, first results, warm (ms)', field: 'broadWarmMs', show: fmt.n0, ratio: true },
  { label: 'broad query 党建, page busy, warm (ms)', field: 'broadBusyMs', show: fmt.n0, ratio: true },
  { label: 'longest main-thread task (ms)', field: 'longestTaskMs', show: fmt.n0, ratio: true },
  { label: 'recall', field: 'recall', show: fmt.n3, ratio: true },
  { label: 'precision', field: 'precision', show: fmt.n3, ratio: true },
  { label: 'exact result sets', field: 'exactResultSets', show: fmt.n0 },
  { label: 'queries checked on page text', field: 'textChecked', show: fmt.n0, projectOnly: true },
];

/** The cells of one row of a size's table: project, plain, ratio. */
function cells(f: SizeFigures, row: RowSpec): [string, string, string] {
  const p = f.project[row.field];
  const q = row.projectOnly ? null : f.plain[row.field];
  return [row.show(p), row.projectOnly ? '–' : row.show(q), row.ratio ? fmt.ratio(p, q) : ''];
}

const largest = (f: SizeFigures) =>
  (['project', 'plain'] as const)
    .map(
      (v) =>
        `${v === 'plain' ? 'plain Pagefind' : v} ${f[v].largestPage ? `\`${f[v].largestPage}\` (${fmt.n0(f[v].largestPageKB)} KB)` : '–'}`,
    )
    .join(', ');

export function markdownTable(f: SizeFigures): string {
  const head = `| ${f.reports.toLocaleString('en')} reports | project | plain Pagefind | project ÷ plain |\n|---|---:|---:|---:|`;
  const body = ROWS.map((row) => {
    const label = row.label.startsWith('  ') ? `&nbsp;&nbsp;${row.label.trim()}` : row.label;
    return `| ${label} | ${cells(f, row).join(' | ')} |`;
  });
  return [head, ...body, '', `Largest page: ${largest(f)}. Measured ${f.date.slice(0, 10)} at commit ${f.commit}.`].join('\n');
}

/** One row a size: the project's figure with its ratio to plain Pagefind, for the README. */
export function summaryTable(sizes: SizeFigures[]): string {
  const cell = (f: SizeFigures, field: FigureField, show: (x: Num) => string) =>
    known(f.project[field]) ? `${show(f.project[field])} (${fmt.ratio(f.project[field], f.plain[field])})` : '–';
  const pair = (v: SizeFigures['project']) => (known(v.recall) ? `${fmt.n3(v.recall)} / ${fmt.n3(v.precision)}` : '–');
  const head =
    '| reports | pages | build, s | peak memory, MB | largest page, KB | index, MB | first query, KB | warm query p95, ms | recall / precision | plain Pagefind recall / precision |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  return [
    head,
    ...sizes.map(
      (f) =>
        `| ${f.reports.toLocaleString('en')} | ${known(f.project.pages) ? f.project.pages.toLocaleString('en') : '–'} | ${cell(f, 'buildSeconds', fmt.n1)} | ${cell(f, 'peakMB', fmt.n0)} | ${cell(f, 'largestPageKB', fmt.n0)} | ${cell(f, 'indexMB', fmt.n2)} | ${cell(f, 'firstQueryKB', fmt.n0)} | ${cell(f, 'warmP95Ms', fmt.n0)} | ${pair(f.project)} | ${pair(f.plain)} |`,
    ),
  ].join('\n');
}

export function printTable(f: SizeFigures): void {
  const w = 42;
  const counts = Object.entries(f.counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  console.log(`\n== ${f.reports} reports (${counts}; ${f.queries ?? '?'} queries) ==`);
  console.log(`${'metric'.padEnd(w)}${'project'.padStart(12)}${'plain'.padStart(12)}${'ratio'.padStart(10)}`);
  for (const row of ROWS) {
    const [p, q, r] = cells(f, row);
    console.log(`${row.label.padEnd(w)}${p.padStart(12)}${q.padStart(12)}${r.padStart(10)}`);
  }
  console.log(`largest page: ${largest(f).replace(/`/g, '')}`);
}

export interface Goal {
  goal: string;
  holds: boolean | undefined;
  detail: string;
}

/** Largest HTML page, uncompressed, at every size (issue 18). */
export const LARGEST_PAGE_KB = 150;

export function goals(sizes: SizeFigures[]): Goal[] {
  const out: Goal[] = [];
  const each = (goal: string, test: (f: SizeFigures) => [boolean | undefined, string]) => {
    const checks = sizes.map((f) => ({ f, c: test(f) }));
    const decided = checks.filter((x) => x.c[0] !== undefined);
    out.push({
      goal,
      holds: decided.length === 0 ? undefined : decided.every((x) => x.c[0]),
      detail: checks.map((x) => `${x.f.reports}: ${x.c[1]}`).join('; '),
    });
  };
  const ratioGoal =
    (field: FigureField, limit: number) =>
    (f: SizeFigures): [boolean | undefined, string] => {
      const [p, q] = [f.project[field], f.plain[field]];
      return known(p) && known(q) && q !== 0 ? [p / q <= limit, `${(p / q).toFixed(2)}×`] : [undefined, 'n/a'];
    };
  each('build time ≤ 1.5× plain (wall)', ratioGoal('buildSeconds', 1.5));
  each('index size ≤ 1.0× plain', ratioGoal('indexMB', 1.0));
  each('recall and precision 1.000', ({ project: p }) =>
    known(p.recall) ? [p.recall === 1 && p.precision === 1, `${fmt.n3(p.recall)} / ${fmt.n3(p.precision)}`] : [undefined, 'n/a'],
  );
  each(`no HTML page larger than ${LARGEST_PAGE_KB} KB`, ({ project: p }) =>
    known(p.largestPageKB) ? [p.largestPageKB <= LARGEST_PAGE_KB, `${p.largestPage} ${fmt.n0(p.largestPageKB)} KB`] : [undefined, 'n/a'],
  );
  each('10,000-report build fits 2 cores / 24 GB', ({ reports, project: p }) =>
    reports === 10000 && known(p.peakMB)
      ? [p.peakMB < 24 * 1024, `peak ${(p.peakMB / 1024).toFixed(1)} GB, ${fmt.n1(p.buildSeconds)} s`]
      : [undefined, 'n/a'],
  );
  const first = sizes.find((f) => f.reports === 100)?.project.firstQueryKB;
  const last = sizes.find((f) => f.reports === 10000)?.project.firstQueryKB;
  out.push({
    goal: 'first-query bytes grow ≤ 3× from 100 to 10,000 reports',
    holds: known(first) && known(last) ? last / first <= 3 : undefined,
    detail: known(first) && known(last) ? `${fmt.n0(first)} KB → ${fmt.n0(last)} KB = ${(last / first).toFixed(2)}×` : 'n/a',
  });
  return out;
}
