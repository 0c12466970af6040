/**
 * Vitest global setup for the end-to-end project: builds the site once at the
 * root and once under /archive/, with the same command a user runs.
 * `E2E_REUSE_BUILD=1` skips the build when both outputs exist (local loops).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildSite } from '../../tools/shared/build-site.ts';
import { buildLog, SITES, TEST_SITE_URL } from './sites.ts';

export default function setup() {
  for (const [name, site] of Object.entries(SITES)) {
    if (process.env.E2E_REUSE_BUILD === '1' && existsSync(`${site.dist}/index.html`) && existsSync(buildLog(site))) continue;
    const started = Date.now();
    const { status, output } = buildSite({ OUT_DIR: site.dist, BASE_PATH: site.base, SITE_URL: TEST_SITE_URL });
    // The output is kept for the test that the build is free of warnings.
    mkdirSync(dirname(buildLog(site)), { recursive: true });
    writeFileSync(buildLog(site), output);
    if (status !== 0) throw new Error(`building the ${name} site failed (exit ${status}):\n${output.slice(-4000)}`);
    console.log(`built ${name} site (base ${site.base}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
