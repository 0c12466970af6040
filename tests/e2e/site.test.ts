/**
 * The built site, at the root and under /archive/: every article and source
 * has its page, every internal link resolves under the base, source text is
 * marked for the fidelity checker, and articles read in full with JavaScript
 * off, without a request to another origin.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSourceIds } from '../../src/content-model/sources.ts';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { buildLog, ROOT, SITES } from '../helpers/sites.ts';
import { loadArticles } from '../helpers/content.ts';
import { walk } from '../../tools/shared/dist.ts';

const SHARED = join(ROOT, '../shared');
const published = async () => (await loadArticles()).filter((a) => !a.data.draft);

/** Every href, src and form action in the built HTML that points inside the site. */
function internalLinks(dist: string): { file: string; url: string }[] {
  const out: { file: string; url: string }[] = [];
  for (const file of walk(dist).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\s(?:href|src|action)="([^"#][^"]*)"/g)) {
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

describe.each([SITES.root, SITES.archive])('the site built with base $base', (site) => {
  it('has a page for every article and every source, and serves each source text unchanged', async () => {
    for (const article of await published()) {
      expect(existsSync(join(site.dist, 'articles', article.id, 'index.html')), article.id).toBe(true);
    }
    for (const id of listSourceIds()) {
      expect(existsSync(join(site.dist, 'sources', id, 'index.html')), id).toBe(true);
      expect(readFileSync(join(site.dist, 'sources', `${id}.txt`), 'utf8')).toBe(
        readFileSync(join(ROOT, 'content/sources', `${id}.txt`), 'utf8'),
      );
    }
  });

  it('links only to files that exist under the base path, and links every article', async () => {
    const links = internalLinks(site.dist);
    expect(links.filter((l) => !resolves(site.dist, site.base, l.url))).toEqual([]);
    const targets = new Set(links.map((l) => l.url.split(/[?#]/)[0]));
    expect((await published()).map((a) => `${site.base}articles/${a.id}/`).filter((url) => !targets.has(url))).toEqual([]);
  });

  it('was built without a warning or an error in the build output', () => {
    const log = readFileSync(buildLog(site), 'utf8');
    expect(log).toMatch(/\[build\] Complete!/);
    expect(log.split('\n').filter((line) => /\[(WARN|ERROR)\]|^\s*\(!\)/.test(line))).toEqual([]);
  });

  it('marks source text only with known source ids', () => {
    const known = new Set(listSourceIds());
    const bad = walk(site.dist)
      .filter((f) => f.endsWith('.html'))
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/data-source="([^"]*)"/g)]
          .filter((m) => !known.has(m[1]))
          .map((m) => `${relative(site.dist, file)}: ${m[1]}`),
      );
    expect(bad).toEqual([]);
  });
});

describe('the team’s fidelity checker', () => {
  it('finds no source sentence missing from the built site', () => {
    const check = join(SHARED, 'fidelity/check.mjs');
    if (!existsSync(check)) throw new Error(`the team's fidelity checker is missing: expected ${check} (../shared beside the project)`);
    let output = '';
    let status = 0;
    try {
      output = execFileSync('node', [check, '--dist', SITES.root.dist, '--sources', join(SHARED, 'sources')], {
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

describe('reading an article under /archive/', () => {
  const live = useSiteInBrowser(SITES.archive);

  it('shows its whole text with JavaScript off, exactly as with it on, and requests nothing outside the site', async () => {
    const foreign: string[] = [];
    const read = async (javaScriptEnabled: boolean) => {
      const context = await live.browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      page.on('request', (req) => {
        if (!req.url().startsWith(live.server.origin)) foreign.push(req.url());
      });
      return { context, page };
    };
    const off = await read(false);
    const on = await read(true);
    for (const article of await published()) {
      const url = live.server.url(`articles/${article.id}/`);
      const response = await off.page.goto(url);
      expect(response?.status(), article.id).toBe(200);
      expect(await off.page.locator('h1').innerText()).toBe(article.data.title);
      // The body as the Markdown pipeline renders it, all of it (note marks aside, as bodyText leaves them out).
      const body = await off.page.locator('.article-body').evaluate((el) => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll('sup, script, style, template, noscript, [data-pagefind-ignore]').forEach((x) => x.remove());
        return copy.textContent ?? '';
      });
      expect(body.replace(/\s+/g, ''), article.id).toBe(article.bodyText.replace(/\s+/g, ''));
      // The link to the raw OCR text works under the base path.
      expect(await off.page.locator(`a[href$="/sources/${article.data.source}/"]`).first().getAttribute('href')).toBe(
        `/archive/sources/${article.data.source}/`,
      );
      const withoutJs = await off.page.locator('article').innerText();
      await on.page.goto(url);
      expect(withoutJs, article.id).toBe(await on.page.locator('article').innerText());
    }
    await off.context.close();
    await on.context.close();
    expect(foreign).toEqual([]);
  });
});
