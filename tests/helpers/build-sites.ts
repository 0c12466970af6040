/**
 * Vitest global setup for the end-to-end project: builds the site once at the
 * root and once under /archive/, with the same command a user runs.
 * `E2E_REUSE_BUILD=1` skips the build when both outputs exist (local loops).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ROOT, SITES } from './sites.ts';

export default function setup() {
  for (const [name, site] of Object.entries(SITES)) {
    if (process.env.E2E_REUSE_BUILD === '1' && existsSync(`${site.dist}/index.html`)) continue;
    const started = Date.now();
    execFileSync('npm', ['run', '--silent', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, OUT_DIR: site.dist, BASE_PATH: site.base },
    });
    console.log(`built ${name} site (base ${site.base}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
