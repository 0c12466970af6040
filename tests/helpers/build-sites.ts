/**
 * Vitest global setup for the end-to-end project: builds the site once at the
 * root and once under /archive/, with the same command a user runs.
 * `E2E_REUSE_BUILD=1` skips the build when both outputs exist (local loops).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildLog, ROOT, SITES } from './sites.ts';

export default function setup() {
  for (const [name, site] of Object.entries(SITES)) {
    if (process.env.E2E_REUSE_BUILD === '1' && existsSync(`${site.dist}/index.html`) && existsSync(buildLog(site))) continue;
    const started = Date.now();
    // The output is kept for the test that the build is free of warnings.
    const build = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, OUT_DIR: site.dist, BASE_PATH: site.base, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
    mkdirSync(dirname(buildLog(site)), { recursive: true });
    writeFileSync(buildLog(site), output);
    if (build.status !== 0) throw new Error(`building the ${name} site failed (exit ${build.status}):\n${output.slice(-4000)}`);
    console.log(`built ${name} site (base ${site.base}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
