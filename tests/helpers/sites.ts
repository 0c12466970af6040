/** The two builds the end-to-end tests read: at the root, and under a sub-path. */
import { resolve } from 'node:path';
import { ROOT } from '../../tools/shared/project.ts';

export { ROOT };

/**
 * Where the end-to-end builds and reports go: dist-test/, or `E2E_DIR` for a
 * run that must not share its builds with another run in the same checkout.
 */
export const E2E_DIR = resolve(ROOT, process.env.E2E_DIR ?? 'dist-test');

/** The public origin the test builds are made for (a build without one warns, which the build-log test forbids). */
export const TEST_SITE_URL = 'https://archive.example.org';

export const SITES = {
  root: { dist: resolve(E2E_DIR, 'root'), base: '/' },
  archive: { dist: resolve(E2E_DIR, 'archive'), base: '/archive/' },
} as const;
export type SiteName = keyof typeof SITES;

/** Where the global setup keeps a build's output (without terminal colours). */
export function buildLog(site: { dist: string }): string {
  return `${site.dist}.log`;
}
