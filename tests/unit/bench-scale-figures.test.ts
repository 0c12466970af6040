import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURE_FIELDS, readScaleResults, sizeFigures, variantFigures, writeScaleResults } from '../../tools/bench-scale/figures.ts';
import { replaceBlock, writeTables } from '../../tools/bench-scale/markdown.ts';
import { goals, summaryTable } from '../../tools/bench-scale/report.ts';
import type { SizeResult, VariantResult } from '../../tools/bench-scale/results.ts';
import { LARGEST_PAGES, sizes } from '../../tools/shared/dist.ts';

/** A variant that was built and sized but not searched (`--skip-search`). */
const builtOnly: VariantResult = {
  build: { wallMs: 80_000, cpuS: 81, maxRssKB: 1_300 * 1024, pages: 7637 } as VariantResult['build'],
  sizes: {
    dist: 90 * 2 ** 20,
    distFiles: 8000,
    htmlFiles: 7637,
    pagefindDir: 10 * 2 ** 20,
    index: 9 * 2 ** 20,
    indexFiles: 1157,
    byKind: {},
    largestPages: [{ path: '/measures/', bytes: 60 * 1024 }],
  },
};

const result = (reports: number, project: VariantResult, plain: VariantResult = {}): SizeResult => ({
  reports,
  seed: 1,
  date: '2026-12-04T21:00:00.000Z',
  machine: 'test',
  counts: { articles: reports },
  queries: 0,
  searchIntegration: 'test',
  project,
  plain,
});

const tmp = () => mkdtempSync(join(tmpdir(), 'scale-figures-'));

describe('figures of a run', () => {
  it('carry every measured figure and leave the rest null with the reason', () => {
    const f = variantFigures(builtOnly);
    expect(f).toMatchObject({ pages: 7637, buildSeconds: 80, peakMB: 1300, indexMB: 9, largestPageKB: 60, largestPage: '/measures/' });
    for (const field of FIGURE_FIELDS) expect(f[field] !== null || typeof f.missing[field] === 'string', field).toBe(true);
    expect(f.warmP95Ms).toBeNull();
    expect(f.missing.warmP95Ms).toMatch(/search not measured/);
    expect(variantFigures({}).missing.buildSeconds).toMatch(/not built in this run/);
  });

  it('check the largest page against 150 KB at every size', () => {
    const big = { ...builtOnly, sizes: { ...builtOnly.sizes!, largestPages: [{ path: '/measures/', bytes: 151 * 1024 }] } };
    const goal = (v: VariantResult) =>
      goals([sizeFigures({ ...result(1000, v), commit: 'abc1234' })]).find((g) => g.goal.includes('150 KB'))!;
    expect(goal(builtOnly).holds).toBe(true);
    expect(goal(big)).toMatchObject({ holds: false, detail: '1000: /measures/ 151 KB' });
  });
});

describe('docs/scale-results.json', () => {
  it('replaces the sizes measured now and keeps the others, smallest first', () => {
    const file = join(tmp(), 'r.json');
    writeScaleResults(file, [
      sizeFigures({ ...result(10000, builtOnly), commit: 'a' }),
      sizeFigures({ ...result(100, builtOnly), commit: 'a' }),
    ]);
    const data = writeScaleResults(file, [sizeFigures({ ...result(100, {}), commit: 'b' })]);
    expect(data.sizes.map((s) => [s.reports, s.commit])).toEqual([
      [100, 'b'],
      [10000, 'a'],
    ]);
    expect(readScaleResults(file)).toEqual(data);
  });

  it('refuses a figure that is not a number or null, or a null without its reason, naming the file and the field', () => {
    const file = join(tmp(), 'r.json');
    const data = writeScaleResults(file, [sizeFigures({ ...result(100, builtOnly, builtOnly), commit: 'a' })]);
    const bad = structuredClone(data) as any;
    bad.sizes[0].plain.peakMB = '708';
    writeFileSync(file, JSON.stringify(bad));
    expect(() => readScaleResults(file)).toThrow(`${file}: sizes[0].plain.peakMB: expected a number or null, got "708"`);
    bad.sizes[0].plain.peakMB = null;
    bad.sizes[0].plain.missing = {};
    writeFileSync(file, JSON.stringify(bad));
    expect(() => readScaleResults(file)).toThrow(`${file}: sizes[0].plain.missing.peakMB: a null figure needs its reason`);
  });
});

describe('tables in the documents', () => {
  it('are rewritten between their markers only', () => {
    const root = tmp();
    const doc = (name: string) => `Before.\n<!-- scale-results:${name} -->\nold\n<!-- /scale-results:${name} -->\nAfter.\n`;
    writeFileSync(join(root, 'README.md'), doc('summary'));
    const figures = [sizeFigures({ ...result(1000, builtOnly, builtOnly), commit: 'abc1234' })];
    expect(() => writeTables(figures, root)).toThrow(/docs\/performance.md/);
    writeFileSync(join(root, 'README.md'), doc('summary'));
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs/performance.md'), doc('summary') + doc('per-size'));
    writeTables(figures, root);
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme).toBe(doc('summary').replace('old', summaryTable(figures)));
    expect(readme).toContain('| 1,000 | 7,637 | 80.0 (1.00×) | 1300 (1.00×) | 60 (1.00×) | 9.00 (1.00×) | – | – | – | – |');
    expect(readFileSync(join(root, 'docs/performance.md'), 'utf8')).toContain('Largest page: project `/measures/` (60 KB)');
  });

  it('name the file and the block when the markers are missing', () => {
    expect(() => replaceBlock('no markers', 'summary', 'x', 'README.md')).toThrow(
      'README.md: no <!-- scale-results:summary --> … <!-- /scale-results:summary --> block to write the summary table into',
    );
  });
});

describe('the dist walker', () => {
  it('keeps the largest HTML pages, largest first', () => {
    const dist = tmp();
    for (let i = 1; i <= LARGEST_PAGES + 2; i++) writeFileSync(join(dist, `p${i}.html`), 'x'.repeat(i * 10));
    writeFileSync(join(dist, 'big.json'), 'x'.repeat(10_000));
    const largest = sizes(dist).largestPages;
    expect(largest).toHaveLength(LARGEST_PAGES);
    expect(largest[0]).toEqual({ path: `/p${LARGEST_PAGES + 2}.html`, bytes: (LARGEST_PAGES + 2) * 10 });
    expect(largest.map((p) => p.bytes)).toEqual([...largest.map((p) => p.bytes)].sort((a, b) => b - a));
  });
});

describe('the published figures', () => {
  it('docs/scale-results.json reads and checks', () => {
    const data = readScaleResults(join(import.meta.dirname, '../../docs/scale-results.json'));
    expect(data.sizes.length).toBeGreaterThan(0);
  });
});
