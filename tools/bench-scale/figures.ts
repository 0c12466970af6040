/**
 * The benchmark's figures as a stable, documented JSON file,
 * `docs/scale-results.json` (shape in docs/performance.md, "Figures as
 * JSON"): per size, for the project and for plain Pagefind, the numbers the
 * README table, the per-size tables and the plot are made from. A figure a
 * run did not measure is `null`, and `missing` says why; nothing is estimated.
 * The raw record of a run stays in `.tmp/scale/results/<n>.json` (results.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { SizeResult, VariantResult } from './results.ts';

export const FORMAT = 'scale-results/1';

/** Every figure of one variant at one size; `null` where it was not measured. */
export const FIGURE_FIELDS = [
  'pages',
  'buildSeconds',
  'cpuSeconds',
  'peakMB',
  'distMB',
  'indexMB',
  'indexFiles',
  'firstQueryKB',
  'firstQueryCodeKB',
  'firstQueryIndexKB',
  'warmMedianMs',
  'warmP95Ms',
  'recall',
  'precision',
  'exactResultSets',
  'textChecked',
  'broadColdMs',
  'broadWarmMs',
  'broadBusyMs',
  'largestPageKB',
  'longestTaskMs',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];

export type VariantFigures = Record<FigureField, number | null> & {
  /** URL path of the largest HTML page, or null. */
  largestPage: string | null;
  /** Why each null figure is null. */
  missing: Partial<Record<FigureField, string>>;
};

export interface SizeFigures {
  reports: number;
  /** When the run measured this size (ISO 8601), and at which commit. */
  date: string;
  commit: string;
  machine: string;
  seed: number;
  counts: Record<string, number>;
  /** Queries in the set, or null where not recorded. */
  queries: number | null;
  /** Where the figures come from, when not from a run that wrote this file. */
  source?: string;
  project: VariantFigures;
  plain: VariantFigures;
}

export interface ScaleResults {
  format: typeof FORMAT;
  sizes: SizeFigures[];
}

const KB = 1024;
const MB = 1024 * 1024;
type Measured = [number | undefined, string];

/** Each figure of a variant with the reason it would be missing. */
function measured(v: VariantResult): Record<FigureField, Measured> {
  const b = v.build;
  const z = v.sizes;
  const s = v.search;
  const notBuilt = v.buildNote ?? 'not built in this run (--only)';
  const noSearch = v.searchNote ?? v.buildNote ?? 'search not measured in this run (--skip-search or --only)';
  const noBroad = 'broad query not measured in this run';
  const longest = (v.broad as { longestTaskMs?: number } | undefined)?.longestTaskMs;
  return {
    pages: [b?.pages ?? z?.htmlFiles, notBuilt],
    buildSeconds: [b && b.wallMs / 1000, notBuilt],
    cpuSeconds: [b?.cpuS, notBuilt],
    peakMB: [b && b.maxRssKB / 1024, notBuilt],
    distMB: [z && z.dist / MB, notBuilt],
    indexMB: [z && z.index / MB, notBuilt],
    indexFiles: [z?.indexFiles, notBuilt],
    firstQueryKB: [s && s.cold.bytes / KB, noSearch],
    firstQueryCodeKB: [s && (s.cold.byKind.searchCode ?? 0) / KB, noSearch],
    firstQueryIndexKB: [s && (s.cold.byKind.index ?? 0) / KB, noSearch],
    warmMedianMs: [s?.warm.msMedian, noSearch],
    warmP95Ms: [s?.warm.msP95, noSearch],
    recall: [s?.recall, noSearch],
    precision: [s?.precision, noSearch],
    exactResultSets: [s?.exact, noSearch],
    textChecked: [s?.checkedQueries, noSearch],
    broadColdMs: [v.broad?.coldMs, noBroad],
    broadWarmMs: [v.broad?.warmMs, noBroad],
    broadBusyMs: [v.broad?.warmLongTasksMs, noBroad],
    largestPageKB: [
      z?.largestPages?.[0] && z.largestPages[0].bytes / KB,
      z ? 'the build was measured before largest pages were recorded' : notBuilt,
    ],
    longestTaskMs: [longest, v.broad ? 'the search driver does not report the longest single main-thread task yet' : noBroad],
  };
}

/** A variant's figures from its raw record: a number where measured, else null and the reason. */
export function variantFigures(v: VariantResult): VariantFigures {
  const out = { largestPage: v.sizes?.largestPages?.[0]?.path ?? null, missing: {} } as VariantFigures;
  for (const [field, [value, why]] of Object.entries(measured(v)) as [FigureField, Measured][]) {
    const ok = value !== undefined && Number.isFinite(value);
    out[field] = ok ? Number(value.toFixed(3)) : null;
    if (!ok) out.missing[field] = why;
  }
  return out;
}

export function sizeFigures(r: SizeResult): SizeFigures {
  return {
    reports: r.reports,
    date: r.date,
    commit: r.commit ?? 'unknown (a record from before runs noted their commit)',
    machine: r.machine,
    seed: r.seed,
    counts: r.counts,
    queries: r.queries,
    project: variantFigures(r.project),
    plain: variantFigures(r.plain),
  };
}

/** Throws an error naming the file, the field and what is wrong. */
function check(file: string, where: string, ok: boolean, what: string): void {
  if (!ok) throw new Error(`${file}: ${where}: ${what}`);
}

function checkVariant(file: string, where: string, v: unknown): void {
  check(file, where, typeof v === 'object' && v !== null, 'expected an object with the figures of one variant');
  const rec = v as Record<string, unknown>;
  for (const f of FIGURE_FIELDS) {
    const x = rec[f];
    check(
      file,
      `${where}.${f}`,
      x === null || (typeof x === 'number' && Number.isFinite(x)),
      `expected a number or null, got ${JSON.stringify(x)}`,
    );
    if (x === null)
      check(
        file,
        `${where}.missing.${f}`,
        typeof (rec.missing as Record<string, unknown>)?.[f] === 'string',
        'a null figure needs its reason',
      );
  }
}

/** Reads and checks a results file; a missing file is an empty one. */
export function readScaleResults(file: string): ScaleResults {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { format: FORMAT, sizes: [] };
  }
  const data = JSON.parse(text) as ScaleResults;
  check(file, 'format', data.format === FORMAT, `expected "${FORMAT}", got ${JSON.stringify(data.format)}`);
  check(file, 'sizes', Array.isArray(data.sizes), 'expected an array');
  data.sizes.forEach((s, i) => {
    check(
      file,
      `sizes[${i}].reports`,
      Number.isInteger(s.reports) && s.reports > 0,
      `expected a positive integer, got ${JSON.stringify(s.reports)}`,
    );
    checkVariant(file, `sizes[${i}].project`, s.project);
    checkVariant(file, `sizes[${i}].plain`, s.plain);
  });
  return data;
}

/** Replaces the sizes measured now in the file, keeps the others, smallest first. */
export function writeScaleResults(file: string, measuredNow: SizeFigures[]): ScaleResults {
  const now = new Set(measuredNow.map((s) => s.reports));
  const sizes = [...readScaleResults(file).sizes.filter((s) => !now.has(s.reports)), ...measuredNow].sort((a, b) => a.reports - b.reports);
  const data: ScaleResults = { format: FORMAT, sizes };
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return data;
}
