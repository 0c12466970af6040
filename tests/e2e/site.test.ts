/**
 * The built site, at the root and under /archive/: every article and source
 * has its page, every internal link resolves under the base, source text is
 * marked for the fidelity checker, and pages read with JavaScript off.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSourceIds } from '../../src/content-model/sources.ts';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { buildLog, ROOT, SITES, type SiteName } from '../helpers/sites.ts';
import { loadArticles } from '../helpers/content.ts';

const SHARED = join(ROOT, '../shared');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every href/src in the built HTML that points inside the site. */
function internalLinks(dist: string): { file: string; url: string }[] {
  const out: { file: string; url: string }[] = [];
  for (const file of htmlFiles(dist)) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"#][^"]*)"/g)) {
      const url = m[1].replace(/&amp;/g, '&');
      if (/^[a-z]+:/i.test(url) || url.startsWith('//')) continue;
      out.push({ file: relative(dist, file), url });
    }
  }
  return out;
}

function resolves(dist: string, base: string, url: string): boolean {
  const path = decodeURIComponent(url.split(/[?#]/)[0]);
  if (!path.startsWith(base)) return false;
  const rest = path.slice(base.length);
  const target = join(dist, rest);
  return existsSync(target) && (!rest.endsWith('/') || existsSync(join(target, 'index.html')));
}

for (const name of Object.keys(SITES) as SiteName[]) {
  const site = SITES[name];
  describe(`the site built with base ${site.base}`, () => {
    it('has a page for every article and every source', async () => {
      for (const article of await loadArticles()) {
        expect(existsSync(join(site.dist, 'articles', article.id, 'index.html')), article.id).toBe(true);
      }
      for (const id of listSourceIds()) {
        expect(existsSync(join(site.dist, 'sources', id, 'index.html')), id).toBe(true);
        expect(readFileSync(join(site.dist, 'sources', `${id}.txt`), 'utf8')).toBe(readFileSync(join(ROOT, 'content/sources', `${id}.txt`), 'utf8'));
      }
    });

    it('links only to files that exist under the base path', () => {
      const links = internalLinks(site.dist);
      expect(links.length).toBeGreaterThan(10);
      expect(links.filter((l) => !resolves(site.dist, site.base, l.url))).toEqual([]);
    });

    it('was built without a warning or an error in the build output', () => {
      const log = readFileSync(buildLog(site), 'utf8');
      expect(log).toMatch(/\[build\] Complete!/);
      expect(log.split('\n').filter((line) => /\[(WARN|ERROR)\]|^\s*\(!\)/.test(line))).toEqual([]);
    });

    it('marks source text only with known source ids', () => {
      const known = new Set(listSourceIds());
      const bad = htmlFiles(site.dist).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/data-source="([^"]*)"/g)].filter((m) => !known.has(m[1])).map((m) => `${relative(site.dist, file)}: ${m[1]}`),
      );
      expect(bad).toEqual([]);
    });
  });
}

describe('the team’s fidelity checker', () => {
  it.runIf(existsSync(join(SHARED, 'fidelity/check.mjs')))('finds no source sentence missing from the built site', () => {
    let output = '';
    let status = 0;
    try {
      output = execFileSync('node', [join(SHARED, 'fidelity/check.mjs'), '--dist', SITES.root.dist, '--sources', join(SHARED, 'sources')], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    } catch (error: any) {
      output = `${error.stdout}${error.stderr}`;
      status = error.status;
    }
    const last = output.trim().split('\n').pop() ?? '';
    expect(last).toMatch(/^fidelity kept \d+ edited \d+ missing 0 of \d+$/);
    expect(status, output.slice(-3000)).toBe(0);
  });
});

describe('reading in a browser with JavaScript off, under /archive/', () => {
  const live = useSiteInBrowser(SITES.archive);

  it('shows each article’s text and requests nothing outside the site', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(live.server.origin)) foreign.push(req.url());
    });
    for (const article of await loadArticles()) {
      const response = await page.goto(live.server.url(`articles/${article.id}/`));
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').innerText()).resolves.toBe(article.data.title);
      const body = await page.locator('.article-body').innerText();
      expect(body.replace(/\s+/g, '').length).toBeGreaterThan(200);
      // The link to the raw OCR text works under the base path.
      const sourceLink = page.locator(`a[href$="/sources/${article.data.source}/"]`).first();
      expect(await sourceLink.getAttribute('href')).toBe(`/archive/sources/${article.data.source}/`);
    }
    expect(foreign).toEqual([]);
    await context.close();
  });
});
