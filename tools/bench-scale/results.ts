/**
 * What `npm run bench:scale` measures for one archive size, in full, saved as
 * `.tmp/scale/results/<n>.json` (`--reuse` and `--only-broad` read it back);
 * the published figures are drawn from it (figures.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BroadResult } from '../shared/search-driver/broad-query.ts';
import type { SearchResult } from '../shared/search-driver/query-set.ts';
import type { Sizes } from '../shared/dist.ts';
import type { BuildResult } from './build.ts';
import { SCALE_DIR } from './project.ts';

export interface VariantResult {
  build?: BuildResult;
  sizes?: Sizes;
  search?: Omit<SearchResult, 'runs'>;
  /** The query that matches every report (`measureBroadQuery`). */
  broad?: BroadResult;
  /** Why search was not (fully) measured. */
  searchNote?: string;
  /** Why this variant was not built at this size, when it was left out on purpose. */
  buildNote?: string;
  pages?: number;
}

export interface SizeResult {
  reports: number;
  seed: number;
  date: string;
  /** The commit measured (`git rev-parse --short HEAD` when the run started). */
  commit?: string;
  machine: string;
  counts: Record<string, number>;
  queries: number;
  /** How the project builds its search index (the field's name is from when an Astro integration did). */
  searchIntegration: string;
  project: VariantResult;
  plain: VariantResult;
}

export const RESULTS = join(SCALE_DIR, 'results');
const resultFile = (reports: number) => join(RESULTS, `${reports}.json`);

export function readResult(reports: number): SizeResult | undefined {
  return existsSync(resultFile(reports)) ? (JSON.parse(readFileSync(resultFile(reports), 'utf8')) as SizeResult) : undefined;
}

export function writeResult(r: SizeResult): void {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(resultFile(r.reports), JSON.stringify(r, null, 1));
}
