import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeFragment } from '../../src/search/query/fragment.ts';
import { decodeContent } from '../../src/search/content-codec.ts';
import { pageText } from '../../src/search/query/page-text.ts';
import { ROOT } from '../../tools/shared/project.ts';

const MAIN = join(ROOT, 'src/search/index/main.ts');
const TMP = mkdtempSync(join(tmpdir(), 'search-index-main-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/**
 * The index step as `npm run build` runs it, after `astro build`; in a folder of its own,
 * so that a step that wrongly falls back to ./dist finds nothing there rather than the checkout's build.
 */
function indexStep(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [MAIN, ...args], { cwd: TMP, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const PAGE =
  '<!doctype html><html lang="zh-CN"><head><title>报道</title></head><body><main data-pagefind-body><h1>报道</h1><p>医院党建工作，DRGs 付费。</p></main></body></html>';

/** A built site of one page (and, with `page: false`, only a file that is no page). */
function site(page = true): string {
  const dir = mkdtempSync(join(TMP, 'site-'));
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'a', page ? 'index.html' : 'notes.txt'), page ? PAGE : 'not a page');
  return dir;
}

describe('the index step of npm run build', () => {
  it('indexes the built site OUT_DIR names, in a process of its own', () => {
    const dir = site();
    const run = indexStep([], { OUT_DIR: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^\[search-index\] indexed 1 pages into .*pagefind /);
    expect(existsSync(join(dir, 'pagefind/pagefind-entry.json'))).toBe(true);
  });

  it('writes each page’s printed text into its fragment, one file for a result shown', () => {
    const dir = site();
    expect(indexStep([], { OUT_DIR: dir }).status).toBe(0);
    const [name] = readdirSync(join(dir, 'pagefind/fragment'));
    const file = join(dir, 'pagefind/fragment', name);
    const fragment = decodeFragment(gunzipSync(readFileSync(file)).toString(), file);
    // The comma and the space are the printed text's: the keys alone read "医院党建工作DRGs付费".
    expect(pageText(decodeContent(fragment.content, fragment.printed)).text).toContain('医院党建工作，DRGs 付费。');
    expect(existsSync(join(dir, 'pagefind/printed'))).toBe(false);
  });

  it('stops with an error naming the directory when it does not exist', () => {
    const dir = join(TMP, 'missing');
    const run = indexStep(['--dist', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${dir}: no such directory`);
  });

  it('stops with an error naming the directory when it holds no page, and writes no index there', () => {
    const dir = site(false);
    const run = indexStep(['--dist', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${dir}: no HTML page to index`);
    expect(existsSync(join(dir, 'pagefind'))).toBe(false);
  });

  it('stops with the usage when given an argument it does not take', () => {
    const run = indexStep(['dist']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('usage: node src/search/index/main.ts [--dist DIR]');
  });
});
