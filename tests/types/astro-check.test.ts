/**
 * The type check (`astro check`: TypeScript strict over src/, tools/ and
 * tests/, and the .astro components) as part of the test run, so it runs
 * beside the browser tests instead of before them.
 */
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tools/shared/project.ts';

describe('astro check', () => {
  it('finds no error and no warning in the project', () => {
    const check = spawnSync('npm', ['run', '--silent', 'check', '--', '--minimumSeverity', 'warning'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const output = stripVTControlCharacters(`${check.stdout}${check.stderr}`);
    expect(check.status, output.slice(-6000)).toBe(0);
    expect(output).toMatch(/- 0 errors\s+- 0 warnings/);
  }, 300_000);
});
