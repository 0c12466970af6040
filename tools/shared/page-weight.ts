/**
 * Page weight of the built site, measured the way a reader's connection pays
 * for it: gzip (level 9) bytes. Used by `npm run size` and tests/e2e/weight.test.ts.
 *
 * Budgets:
 * - CSS: every stylesheet a page loads (inline <style> and linked files together) ≤ 8 kB gzip.
 * - An article's HTML ≤ 1.5 × the gzip size of its own text + ARTICLE_OVERHEAD.
 *   "Its own text" is the text of the page's <article> element: title block,
 *   metadata panel, body and 校勘记 — what the reader came for. The overhead
 *   pays for what every page carries whatever its length: <head> metadata,
 *   header, navigation, search box, breadcrumbs, footer, the theme script and
 *   the citation box.
 * - The search page's own JavaScript (everything but Pagefind's files under
 *   /pagefind/) ≤ 12 kB gzip for a query with results. It covers what every
 *   query runs (tokenizer, lookup planner, names, relevance, excerpts,
 *   filters, the error state); what only some queries need (the name card,
 *   the offers of an empty result, the names-as-you-type box) loads on
 *   demand and is not in it.
 * - An article needs no JavaScript to read (tested in a browser with JS off).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { pagesUnder } from './dist.ts';

export const CSS_BUDGET = 8 * 1024;
export const ARTICLE_RATIO = 1.5;
// 3.5 kB: the head carries the report's lede twice, for two kinds of reader — Zotero's
// citation_abstract and the JSON-LD description — and its tags (issue 17); 3 kB was set before them.
export const ARTICLE_OVERHEAD = 3.5 * 1024;
export const SEARCH_JS_BUDGET = 12 * 1024;

export function gzipSize(data: string | Buffer): number {
  return gzipSync(data, { level: 9 }).length;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** The text of the first <article> in a page (tags dropped, entities decoded). */
export function articleText(html: string): string {
  const article = html.match(/<article[\s>][\s\S]*<\/article>/)?.[0] ?? '';
  return decodeEntities(article.replace(/<[^>]+>/g, ''));
}

/** Local path (under `dist`) of a site URL like /archive/_astro/x.css, or undefined if outside the base. */
function distFile(dist: string, base: string, url: string): string | undefined {
  const path = url.split(/[?#]/)[0];
  if (!path.startsWith(base)) return undefined;
  return join(dist, decodeURIComponent(path.slice(base.length)));
}

export interface CssWeight {
  inline: number;
  files: { url: string; gzip: number }[];
  /** gzip of all the page's CSS concatenated, as a first visit downloads it. */
  total: number;
}

export function pageCss(dist: string, base: string, html: string): CssWeight {
  const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  const files = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\brel="?stylesheet/.test(tag))
    .map((tag) => tag.match(/\bhref="([^"]+)"/)![1])
    .map((url) => {
      const file = distFile(dist, base, url);
      const text = file && existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
      return { url, text };
    });
  return {
    inline: inline ? gzipSize(inline) : 0,
    files: files.map((f) => ({ url: f.url, gzip: gzipSize(f.text) })),
    total: files.reduce((sum, f) => sum + gzipSize(f.text), inline ? gzipSize(inline) : 0),
  };
}

export interface ArticleWeight {
  id: string;
  html: number;
  text: number;
  budget: number;
  ratio: number;
}

export function articleWeights(dist: string): ArticleWeight[] {
  return pagesUnder(dist, 'articles')
    .map((id) => {
      const html = readFileSync(join(dist, 'articles', id, 'index.html'), 'utf8');
      const text = gzipSize(articleText(html));
      const size = gzipSize(html);
      return { id, html: size, text, budget: Math.floor(ARTICLE_RATIO * text + ARTICLE_OVERHEAD), ratio: size / text };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Inline scripts that run (JSON-LD and other data blocks excluded). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc=/.test(m[1]) && !/type="?application\/(ld\+)?json/.test(m[1]))
    .map((m) => m[2]);
}

/** Scripts loaded by URL from the HTML. */
export function scriptUrls(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

/**
 * JavaScript a page runs, by URL, as the browser fetched it (so chunks it
 * imports count too), plus its inline scripts. Pagefind's own files
 * (/pagefind/…) are listed apart.
 */
export async function pageScripts(
  browser: Browser,
  url: string,
): Promise<{ own: { url: string; gzip: number }[]; pagefind: { url: string; gzip: number }[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched: { url: string; gzip: number }[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type !== 'script' && !/\.m?js(\?|$)/.test(response.url())) return;
    pending.push(
      response.body().then(
        (body) => void fetched.push({ url: response.url(), gzip: gzipSize(body) }),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const html = await page.content();
  await Promise.all(pending);
  await context.close();
  const inline = inlineScripts(html).map((text, i) => ({ url: `inline #${i + 1}`, gzip: gzipSize(text) }));
  return {
    own: [...inline, ...fetched.filter((s) => !s.url.includes('/pagefind/'))],
    pagefind: fetched.filter((s) => s.url.includes('/pagefind/')),
  };
}
