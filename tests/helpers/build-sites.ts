/**
 * Vitest global setup for the end-to-end project: builds the site once at the
 * root and once under /archive/, with the same command a user runs.
 * `E2E_REUSE_BUILD=1` skips the build when both outputs exist (local loops).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildLog, ROOT, SITES } from './sites.ts';

/** `npm run build` in `cwd` with `env` added, the command a user runs: exit status, and output without terminal colours. */
export function buildSite(cwd: string, env: Record<string, string>): { status: number | null; output: string } {
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: build.status, output: `${build.stdout ?? ''}${build.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '') };
}

export default function setup() {
  for (const [name, site] of Object.entries(SITES)) {
    if (process.env.E2E_REUSE_BUILD === '1' && existsSync(`${site.dist}/index.html`) && existsSync(buildLog(site))) continue;
    const started = Date.now();
    const { status, output } = buildSite(ROOT, { OUT_DIR: site.dist, BASE_PATH: site.base });
    // The output is kept for the test that the build is free of warnings.
    mkdirSync(dirname(buildLog(site)), { recursive: true });
    writeFileSync(buildLog(site), output);
    if (status !== 0) throw new Error(`building the ${name} site failed (exit ${status}):\n${output.slice(-4000)}`);
    console.log(`built ${name} site (base ${site.base}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
