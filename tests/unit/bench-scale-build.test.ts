import { describe, expect, it } from 'vitest';
import { addStep, type BuildResult, type TimedRun } from '../../tools/bench-scale/build.ts';

const GB = 1024 * 1024;
const run = (wallS: number, cpuS: number, peakGB: number, exitCode = 0): TimedRun => ({
  wallMs: wallS * 1000,
  userS: cpuS - 1,
  sysS: 1,
  maxRssKB: peakGB * GB,
  exitCode,
});

/** The project's build after its first step, `astro build`. */
function afterAstro(astro: TimedRun): BuildResult {
  return {
    variant: 'project',
    dist: '/tmp/dist-project',
    ok: true,
    wallMs: astro.wallMs,
    cpuS: astro.userS + astro.sysS,
    maxRssKB: astro.maxRssKB,
    astro,
    phases: { render: 1000 },
    log: '/tmp/build-project.log',
  };
}

describe('a build of two steps, one after the other', () => {
  it('costs the sum of their times and the larger of their peaks, the second step timed as a phase of its own', () => {
    const result = afterAstro(run(2000, 1900, 12));
    const index = run(600, 580, 14);
    addStep(result, 'searchIndex', index);
    expect(result.searchIndex).toEqual(index);
    expect(result.wallMs).toBe(2_600_000);
    expect(result.cpuS).toBe(2480);
    expect(result.maxRssKB).toBe(14 * GB);
    expect(result.phases).toEqual({ render: 1000, searchIndex: 600_000 });
    expect(result.ok).toBe(true);
  });

  it('keeps the first step’s peak when it is the larger', () => {
    const result = afterAstro(run(100, 90, 6));
    addStep(result, 'pagefind', run(50, 40, 2));
    expect(result.maxRssKB).toBe(6 * GB);
    expect(result.pagefind?.wallMs).toBe(50_000);
  });

  it('fails the build when the second step fails', () => {
    const result = afterAstro(run(100, 90, 6));
    addStep(result, 'searchIndex', run(1, 1, 1, 1));
    expect(result.ok).toBe(false);
  });
});
