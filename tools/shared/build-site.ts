/**
 * The one way tools and tests build a site: `npm run build`, the command a
 * user runs, in a project folder, with the environment (OUT_DIR, BASE_PATH,
 * SITE_URL …) it is given.
 */
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { ROOT } from './project.ts';

export interface BuildOutcome {
  status: number | null;
  /** stdout and stderr, without terminal colours. */
  output: string;
}

export function buildSite(env: Record<string, string> = {}, cwd: string = ROOT): BuildOutcome {
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: build.status, output: stripVTControlCharacters(`${build.stdout ?? ''}${build.stderr ?? ''}`) };
}

/** Builds, or throws with the end of the build's output. */
export function buildSiteOrThrow(env: Record<string, string> = {}, cwd: string = ROOT): string {
  const { status, output } = buildSite(env, cwd);
  if (status !== 0) throw new Error(`npm run build failed (exit ${status}) in ${cwd}:\n${output.slice(-4000)}`);
  return output;
}
