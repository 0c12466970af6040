/**
 * Reproducible builds: builds the site twice from clean, compares every file
 * byte for byte, and lists the ones that differ (with the first differing
 * line). Exit status 1 when the builds differ.
 *
 *   npm run reproducible                                      # two fresh builds
 *   npm exec -- node tools/reproducible/main.ts DIR_A DIR_B   # compare two existing builds
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSiteOrThrow } from '../shared/build-site.ts';
import { parseCommandLine } from '../shared/cli.ts';
import { compareDirs, fileHashes } from '../shared/dist.ts';

/** The two builds to compare: the ones named, or two fresh ones in a temporary folder (returned to be removed). */
function buildsToCompare(positionals: string[]): { dirs: string[]; temp?: string } {
  if (positionals.length === 2) return { dirs: positionals };
  if (positionals.length !== 0) {
    console.error(`expected no argument or two build folders, got ${positionals.length}`);
    process.exit(2);
  }
  const temp = mkdtempSync(join(tmpdir(), 'reproducible-'));
  const dirs = [join(temp, 'a'), join(temp, 'b')];
  for (const dir of dirs) buildSiteOrThrow({ OUT_DIR: dir });
  return { dirs, temp };
}

if (import.meta.main) {
  const { positionals } = parseCommandLine(import.meta.url, { options: {}, allowPositionals: true });
  const { dirs, temp } = buildsToCompare(positionals);
  const problems = compareDirs(dirs[0], dirs[1]);
  const count = fileHashes(dirs[0]).size;
  if (temp) rmSync(temp, { recursive: true, force: true });
  for (const p of problems) console.log(p);
  console.log(
    problems.length === 0 ? `reproducible: ${count} files identical` : `not reproducible: ${problems.length} of ${count} files differ`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
}
