/**
 * The search index step of `npm run build`, in a process of its own after
 * `astro build`: the peaks of Astro's rendering and of the index (this
 * process and Pagefind's service) then come one after the other instead of
 * adding up (docs/performance.md, "How far one machine goes").
 *
 *   node src/search/index/main.ts [--dist DIR]
 *
 * DIR is the built site, by default `OUT_DIR` (as astro.config.mjs reads it)
 * or `./dist`. Exits non-zero, naming the directory, when it is missing or
 * holds no page to index.
 */
import { existsSync, statSync } from 'node:fs';
import { opendir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildSearchIndex } from './build.ts';

/** Prefixed like Astro's integration logs, so the build's output reads as one. */
const log = (msg: string) => console.log(`[search-index] ${msg}`);

function fail(msg: string): never {
  console.error(`[search-index] ${msg}`);
  process.exit(1);
}

const USAGE = 'usage: node src/search/index/main.ts [--dist DIR] (default: $OUT_DIR or ./dist)';

function distDir(): string {
  try {
    const { values } = parseArgs({ options: { dist: { type: 'string' } } });
    return values.dist ?? process.env.OUT_DIR ?? './dist';
  } catch (e) {
    return fail(`${(e as Error).message}\n${USAGE}`);
  }
}

/** Whether `dir` holds an HTML file anywhere; stops at the first. */
async function hasHtml(dir: string): Promise<boolean> {
  for await (const e of await opendir(dir, { recursive: true })) if (e.isFile() && e.name.endsWith('.html')) return true;
  return false;
}

async function main(): Promise<void> {
  const dir = distDir();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`${dir}: no such directory; build the site first (astro build)`);
  if (!(await hasHtml(dir))) fail(`${dir}: no HTML page to index; build the site first (astro build)`);
  const { pages } = await buildSearchIndex(dir, log);
  if (pages === 0) fail(`${dir}: no page to index (no HTML file with a data-pagefind-body element); is it a built site?`);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
