/** The two builds the end-to-end tests read: at the root, and under a sub-path. */
import { resolve } from 'node:path';
import { ROOT } from '../../tools/shared/project.ts';

export { ROOT };

export const SITES = {
  root: { dist: resolve(ROOT, 'dist-test/root'), base: '/' },
  archive: { dist: resolve(ROOT, 'dist-test/archive'), base: '/archive/' },
} as const;
export type SiteName = keyof typeof SITES;

/** Where the global setup keeps a build's output (without terminal colours). */
export function buildLog(site: { dist: string }): string {
  return `${site.dist}.log`;
}
