/**
 * Reproducible builds: builds the site twice from clean, compares every file
 * byte for byte, and lists the ones that differ (with the first differing
 * line). Exit status 1 when the builds differ.
 *
 *   npm run reproducible            # two fresh builds
 *   node scripts/compare-builds.ts DIR_A DIR_B   # compare two existing builds
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export function fileHashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  }
  return out;
}

export function compareDirs(a: string, b: string): string[] {
  const ha = fileHashes(a);
  const hb = fileHashes(b);
  const problems: string[] = [];
  for (const [file, hash] of ha) {
    if (!hb.has(file)) problems.push(`only in first build: ${file}`);
    else if (hb.get(file) !== hash) {
      const la = readFileSync(join(a, file), 'utf8').split('\n');
      const lb = readFileSync(join(b, file), 'utf8').split('\n');
      const i = la.findIndex((line, n) => line !== lb[n]);
      problems.push(`differs: ${file} (line ${i + 1}: ${JSON.stringify(la[i]?.slice(0, 120))} vs ${JSON.stringify(lb[i]?.slice(0, 120))})`);
    }
  }
  for (const file of hb.keys()) if (!ha.has(file)) problems.push(`only in second build: ${file}`);
  return problems;
}

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
