/**
 * `npm run size`: the built site's weight against its budgets (what they are
 * and what they count: tools/shared/page-weight.ts). Builds the site first,
 * then reads dist/. Exits non-zero when a budget is exceeded.
 *
 *   npm run size                   # build, then measure
 *   npm run size -- --no-build     # measure the dist/ there is
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSiteOrThrow } from '../shared/build-site.ts';
import { launchChromium } from '../shared/chromium.ts';
import { parseCommandLine } from '../shared/cli.ts';
import { walk } from '../shared/dist.ts';
import {
  ARTICLE_OVERHEAD,
  ARTICLE_RATIO,
  CSS_BUDGET,
  SEARCH_JS_BUDGET,
  articleWeights,
  gzipSize,
  inlineScripts,
  kb,
  pageCss,
  pageScripts,
  scriptUrls,
} from '../shared/page-weight.ts';
import { ROOT } from '../shared/project.ts';
import { serveStatic } from '../shared/static-server.ts';

const DIST = join(ROOT, 'dist');

let failed = false;
const mark = (ok: boolean) => {
  if (!ok) failed = true;
  return ok ? 'ok  ' : 'OVER';
};

/** CSS: the heaviest page's total. */
function reportCss(): void {
  const htmlFiles = walk(DIST).filter((file) => file.endsWith('.html'));
  const css = htmlFiles
    .map((file) => ({ file: relative(DIST, file), ...pageCss(DIST, '/', readFileSync(file, 'utf8')) }))
    .sort((a, b) => b.total - a.total);
  const heaviest = css[0];
  const parts = `${heaviest.files.map((f) => `${f.url} ${kb(f.gzip)}`).join(', ') || 'no files'}${heaviest.inline ? `, inline ${kb(heaviest.inline)}` : ''}`;
  console.log(`CSS (gzip, budget ${kb(CSS_BUDGET)} a page)`);
  console.log(`  ${mark(heaviest.total <= CSS_BUDGET)} heaviest page ${heaviest.file}: ${kb(heaviest.total)} (${parts})`);
}

/** Each article's HTML against its budget, and the JavaScript an article page carries. */
function reportArticles(): void {
  console.log(`\nArticle HTML (gzip, budget ${ARTICLE_RATIO} × gzip of the article's text + ${kb(ARTICLE_OVERHEAD)})`);
  const weights = articleWeights(DIST);
  for (const a of weights) {
    console.log(
      `  ${mark(a.html <= a.budget)} ${a.id}: HTML ${kb(a.html)}, text ${kb(a.text)}, ratio ${a.ratio.toFixed(2)}, budget ${kb(a.budget)}`,
    );
  }
  if (weights.length === 0) return;
  const html = readFileSync(join(DIST, 'articles', weights[0].id, 'index.html'), 'utf8');
  const inline = inlineScripts(html).reduce((s, t) => s + gzipSize(t), 0);
  const files = scriptUrls(html);
  console.log(
    `  JavaScript on an article page (optional, for theme toggle and copy button): inline ${kb(inline)}, files: ${files.length ? files.join(', ') : 'none'}`,
  );
}

/** The search page's own JavaScript, as Chromium fetches it (chunks included), Pagefind's files apart. */
async function reportSearchScripts(): Promise<void> {
  console.log(`\nSearch page JavaScript (gzip, Pagefind's own files excluded, budget ${kb(SEARCH_JS_BUDGET)})`);
  if (!existsSync(join(DIST, 'search/index.html'))) {
    console.log('  (no search page in this build)');
    return;
  }
  const server = await serveStatic(DIST, '/');
  const browser = await launchChromium();
  try {
    const { own, pagefind } = await pageScripts(browser, server.url('search/?q=党建'));
    const total = own.reduce((s, x) => s + x.gzip, 0);
    console.log(
      `  ${mark(total <= SEARCH_JS_BUDGET)} own: ${kb(total)} (${own.map((s) => `${s.url.replace(server.origin, '')} ${kb(s.gzip)}`).join(', ')})`,
    );
    console.log(`       Pagefind: ${kb(pagefind.reduce((s, x) => s + x.gzip, 0))} in ${pagefind.length} files`);
  } finally {
    await browser.close();
    await server.close();
  }
}

const { values } = parseCommandLine(import.meta.url, { options: { 'no-build': { type: 'boolean', default: false } } });
if (!values['no-build']) buildSiteOrThrow();
reportCss();
reportArticles();
await reportSearchScripts();
if (failed) {
  console.log('\nA budget is exceeded.');
  process.exitCode = 1;
}
