/**
 * The benchmark's report: one table a size (project, plain Pagefind, ratio),
 * the README's one-row-a-size summary, and the goals the archive must meet at
 * scale, checked against every size measured.
 */
import type { SizeResult } from './results.ts';

const MB = 1024 * 1024;
const fmt = {
  s: (ms?: number) => (ms === undefined || !Number.isFinite(ms) ? '–' : (ms / 1000).toFixed(1)),
  n1: (x?: number) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(1)),
  n0: (x?: number) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(0)),
  n3: (x?: number) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(3)),
  ratio: (a?: number, b?: number) =>
    a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? '–' : `${(a / b).toFixed(2)}×`,
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
    {
      label: 'build time, CPU user+sys (s)',
      project: p.build && p.build.cpuS * 1000,
      plain: q.build && q.build.cpuS * 1000,
      show: fmt.s,
      ratio: true,
    },
    {
      label: 'peak memory (MB)',
      project: p.build && p.build.maxRssKB / 1024,
      plain: q.build && q.build.maxRssKB / 1024,
      show: fmt.n0,
      ratio: true,
    },
    { label: 'dist size (MB)', project: p.sizes && p.sizes.dist / MB, plain: q.sizes && q.sizes.dist / MB, show: fmt.n1, ratio: true },
    {
      label: 'index size (MB)',
      project: p.sizes && p.sizes.index / MB,
      plain: q.sizes && q.sizes.index / MB,
      show: (x) => (x === undefined ? '–' : x.toFixed(2)),
      ratio: true,
    },
    { label: 'index files', project: p.sizes?.indexFiles, plain: q.sizes?.indexFiles, show: fmt.n0, ratio: true },
    {
      label: 'first query, bytes downloaded (KB)',
      project: p.search && p.search.cold.bytes / 1024,
      plain: q.search && q.search.cold.bytes / 1024,
      show: fmt.n0,
      ratio: true,
    },
    {
      label: '  of which search code (KB)',
      project: p.search && (p.search.cold.byKind.searchCode ?? 0) / 1024,
      plain: q.search && (q.search.cold.byKind.searchCode ?? 0) / 1024,
      show: fmt.n0,
      ratio: true,
    },
    {
      label: '  of which index (KB)',
      project: p.search && (p.search.cold.byKind.index ?? 0) / 1024,
      plain: q.search && (q.search.cold.byKind.index ?? 0) / 1024,
      show: fmt.n0,
      ratio: true,
    },
    { label: 'warm query, median (ms)', project: p.search?.warm.msMedian, plain: q.search?.warm.msMedian, show: fmt.n0, ratio: true },
    { label: 'warm query, p95 (ms)', project: p.search?.warm.msP95, plain: q.search?.warm.msP95, show: fmt.n0, ratio: true },
    { label: 'broad query 党建, first results, cold (ms)', project: p.broad?.coldMs, plain: q.broad?.coldMs, show: fmt.n0, ratio: true },
    { label: 'broad query 党建, first results, warm (ms)', project: p.broad?.warmMs, plain: q.broad?.warmMs, show: fmt.n0, ratio: true },
    {
      label: 'broad query 党建, page busy, warm (ms)',
      project: p.broad?.warmLongTasksMs,
      plain: q.broad?.warmLongTasksMs,
      show: fmt.n0,
      ratio: true,
    },
    { label: 'recall', project: p.search?.recall, plain: q.search?.recall, show: fmt.n3, ratio: true },
    { label: 'precision', project: p.search?.precision, plain: q.search?.precision, show: fmt.n3, ratio: true },
    { label: 'exact result sets', project: p.search?.exact, plain: q.search?.exact, show: fmt.n0 },
    { label: 'queries checked on page text', project: p.search?.checkedQueries, show: fmt.n0 },
  ];
}

export function markdownTable(r: SizeResult): string {
  const head = `| ${r.reports.toLocaleString('en')} reports | project | plain Pagefind | project ÷ plain |\n|---|---:|---:|---:|`;
  return [
    head,
    ...rows(r).map(
      (row) =>
        `| ${row.label.trim().startsWith('of which') ? `&nbsp;&nbsp;${row.label.trim()}` : row.label} | ${row.show(row.project)} | ${row.show(row.plain)} | ${row.ratio ? fmt.ratio(row.project, row.plain) : ''} |`,
    ),
  ].join('\n');
}

/** One row a size: the project's figure with its ratio to plain Pagefind, for the README. */
export function summaryTable(results: SizeResult[]): string {
  const cell = (row: Row | undefined) => (row ? `${row.show(row.project)} (${fmt.ratio(row.project, row.plain)})` : '–');
  const pick = (r: SizeResult, label: string) => rows(r).find((row) => row.label === label);
  const head =
    '| reports | pages | build, s | peak memory, MB | index, MB | first query, KB | warm query p95, ms | recall / precision | plain Pagefind recall / precision |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  return [
    head,
    ...results.map((r) => {
      const s = r.project.search;
      const q = r.plain.search;
      return `| ${r.reports.toLocaleString('en')} | ${r.project.build?.pages?.toLocaleString('en') ?? '–'} | ${cell(pick(r, 'build time, wall (s)'))} | ${cell(pick(r, 'peak memory (MB)'))} | ${cell(pick(r, 'index size (MB)'))} | ${cell(pick(r, 'first query, bytes downloaded (KB)'))} | ${cell(pick(r, 'warm query, p95 (ms)'))} | ${s ? `${fmt.n3(s.recall)} / ${fmt.n3(s.precision)}` : '–'} | ${q ? `${fmt.n3(q.recall)} / ${fmt.n3(q.precision)}` : '–'} |`;
    }),
  ].join('\n');
}

export function printTable(r: SizeResult): void {
  const w = 38;
  console.log(
    `\n== ${r.reports} reports (${Object.entries(r.counts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}; ${r.queries} queries) ==`,
  );
  console.log(`${'metric'.padEnd(w)}${'project'.padStart(12)}${'plain'.padStart(12)}${'ratio'.padStart(10)}`);
  for (const row of rows(r))
    console.log(
      `${row.label.padEnd(w)}${row.show(row.project).padStart(12)}${row.show(row.plain).padStart(12)}${(row.ratio ? fmt.ratio(row.project, row.plain) : '').padStart(10)}`,
    );
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
    return [
      b ? b.ok && b.maxRssKB < 24 * 1024 * 1024 : undefined,
      b ? `${b.ok ? 'built' : 'failed'}, peak ${(b.maxRssKB / 1024 / 1024).toFixed(1)} GB, ${fmt.s(b.wallMs)} s` : 'n/a',
    ];
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
