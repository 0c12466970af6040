/** The scale plot (`npm run bench:scale -- --plot`): value labels stay clear of the panels' titles. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ScaleResults, SizeFigures } from '../../tools/bench-scale/figures.ts';
import { renderSvg } from '../../tools/bench-scale/plot.ts';

const saved = JSON.parse(readFileSync(new URL('../../docs/scale-results.json', import.meta.url), 'utf8')) as ScaleResults;

/** The saved sizes up to 10,000 reports, with plain's first query ending just under a power of ten (the top of its panel). */
function figures(): SizeFigures[] {
  const plainFirstQuery = [327, 428, 985];
  return saved.sizes.filter((s) => s.reports <= 10_000).map((s, i) => ({ ...s, plain: { ...s.plain, firstQueryKB: plainFirstQuery[i] } }));
}

describe('the scale plot', () => {
  it('puts no value label over a panel title', () => {
    const svg = renderSvg(figures());
    const titles = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" class="title">/g)].map((m) => Number(m[1]));
    const labels = [...svg.matchAll(/<text x="[\d.]+" y="([\d.]+)" class="val"[^>]*>([^<]+)</g)].map((m) => ({
      y: Number(m[1]),
      text: m[2],
    }));
    expect(titles).toHaveLength(4);
    expect(labels.map((l) => l.text)).toContain('985');
    // A title's baseline and the 4 px below it, against a 10 px label's top.
    const clashes = labels.filter((l) => titles.some((t) => l.y - 10 < t + 4 && l.y > t - 13));
    expect(clashes).toEqual([]);
  });
});
