/** Two builds from the same commit are byte-identical, so a deploy can be verified against a rebuild. */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { compareDirs } from '../../tools/shared/dist.ts';
import { ROOT, SITES } from '../helpers/sites.ts';

const again = join(ROOT, 'dist-test/root-again');
afterAll(() => rmSync(again, { recursive: true, force: true }));

it('a second build of the site is byte-identical to the first', () => {
  execFileSync('npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, OUT_DIR: again, BASE_PATH: SITES.root.base },
  });
  expect(compareDirs(SITES.root.dist, again)).toEqual([]);
});
