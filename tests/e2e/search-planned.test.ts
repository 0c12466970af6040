/**
 * Search on a synthetic archive of 100 reports, large enough that common
 * characters fill index chunks of their own: the search page's planner
 * (src/lib/search-plan.ts) then looks long terms up by their cheapest keys and
 * checks the candidates on their text. Whatever the plan, every generated
 * query (hospitals, people, measures, phrases, Traditional, several terms,
 * absent) must find exactly the pages whose text holds it — ground truth read
 * from the built HTML, not from the search code.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../../scripts/scale/project.ts';
import { expectedPages, generateQueries, type Query } from '../../scripts/scale/queries.ts';
import { measureSearch, type SearchResult } from '../../scripts/scale/search.ts';
import { truthPages } from '../../scripts/scale/site.ts';
import { DEFAULT_SEED } from '../../src/lib/synthetic.ts';
import { ROOT } from '../helpers/sites.ts';

const BASE = join(ROOT, 'dist-test/synthetic');
const REPORTS = 100;

let queries: Query[];
let result: SearchResult;

beforeAll(async () => {
  rmSync(BASE, { recursive: true, force: true });
  const project = createProject(REPORTS, DEFAULT_SEED, BASE);
  const dist = join(project.dir, 'dist');
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project.dir,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, OUT_DIR: dist, ASTRO_CACHE_DIR: join(project.dir, '.astro-cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  if (build.status !== 0) throw new Error(`building the ${REPORTS}-report archive failed:\n${`${build.stdout}${build.stderr}`.slice(-4000)}`);
  const pages = truthPages(dist);
  queries = generateQueries(project.archive.names, pages, { seed: DEFAULT_SEED });
  for (const q of queries) q.expected = expectedPages(q.match, pages);
  result = await measureSearch(dist, queries);
}, 600_000);

describe(`search on a ${REPORTS}-report archive`, () => {
  it('runs every query without errors or timeouts', () => {
    expect(result.broken).toBeUndefined();
    expect(result.runs.filter((r) => r.timeout || r.errors.length).map((r) => `${r.q}: ${r.errors.join('; ')}`)).toEqual([]);
  });

  it('finds exactly the pages that hold each query', () => {
    const wrong = result.runs.filter((r) => !r.exact).map((r) => ({ q: r.q, missing: r.missing, extra: r.extra }));
    expect(wrong).toEqual([]);
    // The count on the first screen is already exact: candidates are checked before anything is counted.
    expect(result.runs.filter((r) => r.count !== r.expected).map((r) => `${r.q}: ${r.count} of ${r.expected}`)).toEqual([]);
    expect(result.n).toBe(queries.length);
    expect(queries.length).toBeGreaterThan(100);
  });

  it('leaves common characters out of the lookup for some queries, and checks those on the page text', () => {
    const checked = result.runs.filter((r) => (r.checked ?? 0) > 0);
    // Both paths ran: checked on text, and decided by the index alone.
    expect(checked.length).toBeGreaterThan(10);
    expect(checked.length).toBeLessThan(result.runs.length);
    expect(result.runs.every((r) => r.checked !== null)).toBe(true);
  });
});
