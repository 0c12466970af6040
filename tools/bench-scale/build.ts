/**
 * Timed builds of a throw-away project, each cold (fresh output and cache
 * directories), under GNU time for CPU time, with the process tree's memory
 * sampled for the peak (tree-memory.ts). Each variant builds in two processes,
 * one after the other, timed apart:
 *
 * - `project`: as `npm run build` does, `astro build`, then the search index step
 *   (`src/search/index/main.ts`) on the pages it wrote;
 * - `plain`: the same `astro build`, then `pagefind --site <dist>` with default settings.
 *
 * A build's wall and CPU time are the two steps' sum, its peak memory the larger
 * of the two steps' peaks (they never run side by side).
 *
 * Astro's log lines are time-stamped as they arrive, to split its build into
 * phases: startup, content sync, bundling, rendering, and what runs after the
 * pages are written (integrations' `astro:build:done`: sitemap, security headers);
 * the second step is one more phase (`searchIndex` or `pagefind`).
 *
 * Not tools/shared/build-site.ts: a benchmark build runs each step directly under
 * GNU time, in a throw-away project, with its log lines time-stamped as they arrive.
 */
import { spawn } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../shared/project.ts';
import { watchTreeMemory } from './tree-memory.ts';

export type Variant = 'project' | 'plain';

export interface TimedRun {
  wallMs: number;
  userS: number;
  sysS: number;
  /** Peak resident memory: the larger of GNU time's (largest single process) and the process tree's sum (tree-memory.ts). */
  maxRssKB: number;
  exitCode: number;
}

export interface BuildResult {
  variant: Variant;
  dist: string;
  ok: boolean;
  /** Whole build: astro, then the project's index step or plain pagefind; times summed, the larger peak. */
  wallMs: number;
  cpuS: number;
  maxRssKB: number;
  astro: TimedRun;
  /** The project's second step: `src/search/index/main.ts`. */
  searchIndex?: TimedRun;
  /** The plain variant's second step: `pagefind --site`. */
  pagefind?: TimedRun;
  /** Milliseconds per phase, from the log. */
  phases: Record<string, number>;
  pages?: number;
  /** Render time by route, from Astro's per-page lines (`├─ /x/ (+12ms)`): pages, total ms. */
  routes?: Record<string, { pages: number; ms: number }>;
  integrations?: string;
  log: string;
}

/** `articles/r00001-x/index.html` → `articles/*`, `articles/r00001.bib` → `articles/*.bib`, `index.html` → `/`. */
export function routeOf(path: string): string {
  const parts = path.replace(/^\/+/, '').split('/');
  if (parts.length === 1) return parts[0] === 'index.html' ? '/' : parts[0];
  if (parts.length === 2 && parts[1] === 'index.html') return `${parts[0]}/`;
  const ext = /\.([a-z]+)$/.exec(parts.at(-1)!)?.[1];
  return `${parts[0]}/*${ext && ext !== 'html' ? `.${ext}` : ''}`;
}

function routes(lines: Line[]): Record<string, { pages: number; ms: number }> {
  const out: Record<string, { pages: number; ms: number }> = {};
  for (const l of lines) {
    const m = /[├└]─ (\/\S*) \(\+([\d.]+)(m?s)\)/.exec(l.text);
    if (!m) continue;
    const r = (out[routeOf(m[1])] ??= { pages: 0, ms: 0 });
    r.pages++;
    r.ms += Number(m[2]) * (m[3] === 's' ? 1000 : 1);
  }
  return out;
}

const NODE = process.execPath;
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/.bin/pagefind');
/** The project's index step, in the throw-away project's copy of src/. */
const INDEX_STEP = 'src/search/index/main.ts';

function parseTimeFile(file: string, wallMs: number, exitCode: number, treePeakKB: number): TimedRun {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? NaN);
  return {
    wallMs,
    userS: num(/User time \(seconds\): ([\d.]+)/),
    sysS: num(/System time \(seconds\): ([\d.]+)/),
    maxRssKB: Math.max(num(/Maximum resident set size \(kbytes\): (\d+)/), treePeakKB),
    exitCode,
  };
}

interface Line {
  t: number;
  text: string;
}

/** Runs `cmd` under `/usr/bin/time -v`, logging time-stamped output lines. */
function timed(
  cmd: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  logFile: string,
  onLine?: (l: Line) => void,
): Promise<{ run: TimedRun; lines: Line[] }> {
  const timeFile = `${logFile}.time`;
  rmSync(timeFile, { force: true });
  const log = createWriteStream(logFile);
  const lines: Line[] = [];
  const t0 = performance.now();
  const child = spawn('/usr/bin/time', ['-v', '-o', timeFile, ...cmd], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const memory = watchTreeMemory(child.pid!);
  const feed = (stream: NodeJS.ReadableStream) => {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const t = performance.now() - t0;
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const text of parts) {
        const line = { t, text: stripVTControlCharacters(text) };
        lines.push(line);
        log.write(`${(t / 1000).toFixed(3).padStart(9)} ${line.text}\n`);
        onLine?.(line);
      }
    });
  };
  feed(child.stdout!);
  feed(child.stderr!);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      log.end();
      resolve({ run: parseTimeFile(timeFile, wallMs, code ?? 1, memory.stop()), lines });
    });
  });
}

/** Phase boundaries in Astro's output (see the comment at the top). */
function phases(lines: Line[], endMs: number): Record<string, number> {
  const at = (re: RegExp) => lines.find((l) => re.test(l.text))?.t;
  const lastAt = (re: RegExp) => lines.filter((l) => re.test(l.text)).at(-1)?.t;
  const syncStart = at(/\[content\] Syncing content/);
  const syncEnd = at(/\[content\] Synced content/);
  const bundleStart = at(/Building static entrypoints/);
  const renderStart = at(/generating static routes/);
  // The last page written: Astro prints one line per page (`├─ /x/index.html (+3ms)`), then "✓ Completed in".
  const renderEnd = lastAt(/[├└]─ \/|✓ Completed in/);
  const out: Record<string, number> = {};
  if (syncStart !== undefined) out.startup = syncStart;
  if (syncStart !== undefined && syncEnd !== undefined) out.contentSync = syncEnd - syncStart;
  if (syncEnd !== undefined && bundleStart !== undefined) out.typesAndSetup = bundleStart - syncEnd;
  if (bundleStart !== undefined && renderStart !== undefined) out.bundle = renderStart - bundleStart;
  if (renderStart !== undefined && renderEnd !== undefined) out.render = renderEnd - renderStart;
  if (renderEnd !== undefined) out.afterRender = endMs - renderEnd;
  return out;
}

/** The build's environment: the project's tools first on the PATH, its own output and cache folders, no colours. */
function buildEnv(dist: string, cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH}`,
    OUT_DIR: dist,
    ASTRO_CACHE_DIR: cache,
    SCALE_LOG_INTEGRATIONS: '1',
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  return env;
}

/** Prints a line every 2,000 pages written, so a long build shows it is alive. */
function progress(variant: Variant, quiet: boolean): (l: Line) => void {
  let pagesDone = 0;
  return (l) => {
    if (quiet) return;
    if (/[├└]─ \//.test(l.text) && ++pagesDone % 2000 === 0)
      process.stderr.write(`    ${variant}: ${pagesDone} pages at ${(l.t / 1000).toFixed(0)} s\n`);
  };
}

/** Adds a build's second step to its cost: the steps run one after the other, so times add up and the peak is the larger one. */
export function addStep(result: BuildResult, step: 'searchIndex' | 'pagefind', run: TimedRun): void {
  result[step] = run;
  result.ok = run.exitCode === 0;
  result.wallMs += run.wallMs;
  result.cpuS += run.userS + run.sysS;
  result.maxRssKB = Math.max(result.maxRssKB, run.maxRssKB);
  result.phases[step] = run.wallMs;
}

/** The second step on the pages astro wrote: the project's index step (as `npm run build` runs it), or plain pagefind. */
async function secondStep(result: BuildResult, dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const step = result.variant === 'project' ? 'searchIndex' : 'pagefind';
  const cmd = step === 'searchIndex' ? [NODE, join(dir, INDEX_STEP), '--dist', result.dist] : [NODE, PAGEFIND, '--site', result.dist];
  const { run } = await timed(cmd, dir, env, join(dir, `${step}-${result.variant}.log`));
  addStep(result, step, run);
}

export async function runBuild(dir: string, variant: Variant, opts: { quiet?: boolean } = {}): Promise<BuildResult> {
  const dist = join(dir, `dist-${variant}`);
  const cache = join(dir, `.astro-cache-${variant}`);
  rmSync(dist, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const env = buildEnv(dist, cache);
  const log = join(dir, `build-${variant}.log`);
  const astro = await timed([NODE, ASTRO, 'build'], dir, env, log, progress(variant, opts.quiet ?? false));
  const built = astro.lines.map((l) => /(\d+) page\(s\) built in/.exec(l.text)).find(Boolean);
  const result: BuildResult = {
    variant,
    dist,
    ok: astro.run.exitCode === 0,
    wallMs: astro.run.wallMs,
    cpuS: astro.run.userS + astro.run.sysS,
    maxRssKB: astro.run.maxRssKB,
    astro: astro.run,
    phases: phases(astro.lines, astro.run.wallMs),
    pages: built ? Number(built[1]) : undefined,
    routes: routes(astro.lines),
    integrations: astro.lines.map((l) => /\[scale\] integrations: (.*)/.exec(l.text)?.[1]).find(Boolean),
    log,
  };
  if (result.ok) await secondStep(result, dir, env);
  return result;
}
