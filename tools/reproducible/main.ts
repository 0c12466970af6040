/**
 * Reproducible builds: builds the site twice from clean, compares every file
 * byte for byte, and lists the ones that differ (with the first differing
 * line). Exit status 1 when the builds differ.
 *
 *   npm run reproducible            # two fresh builds
 *   node tools/reproducible/main.ts DIR_A DIR_B   # compare two existing builds
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { compareDirs, fileHashes } from '../shared/dist.ts';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

function build(outDir: string) {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, OUT_DIR: outDir } });
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  let dirs = args;
  let temp: string | undefined;
  if (dirs.length === 0) {
    temp = mkdtempSync(join(tmpdir(), 'reproducible-'));
    dirs = [join(temp, 'a'), join(temp, 'b')];
    for (const dir of dirs) build(dir);
  }
  const problems = compareDirs(dirs[0], dirs[1]);
  const count = fileHashes(dirs[0]).size;
  if (temp) rmSync(temp, { recursive: true, force: true });
  for (const p of problems) console.log(p);
  console.log(problems.length === 0 ? `reproducible: ${count} files identical` : `not reproducible: ${problems.length} of ${count} files differ`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
