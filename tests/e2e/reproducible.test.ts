/** Two builds from the same commit are byte-identical, so a deploy can be verified against a rebuild. */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { buildSiteOrThrow } from '../../tools/shared/build-site.ts';
import { compareDirs } from '../../tools/shared/dist.ts';
import { E2E_DIR, SITES, TEST_SITE_URL } from '../helpers/sites.ts';

const again = join(E2E_DIR, 'root-again');
afterAll(() => rmSync(again, { recursive: true, force: true }));

it('a second build of the site is byte-identical to the first', () => {
  buildSiteOrThrow({ OUT_DIR: again, BASE_PATH: SITES.root.base, SITE_URL: TEST_SITE_URL });
  expect(compareDirs(SITES.root.dist, again)).toEqual([]);
});
