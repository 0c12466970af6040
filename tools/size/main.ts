/**
 * `npm run size`: the built site's weight against the budgets of issue #6
 * (see tools/size/weight.ts). Builds first unless --no-build; reads dist/.
 * Exits non-zero when a budget is exceeded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { launchChromium } from '../shared/chromium.ts';
import { serveStatic } from '../shared/static-server.ts';
import { ARTICLE_OVERHEAD, ARTICLE_RATIO, CSS_BUDGET, SEARCH_JS_BUDGET, articleWeights, inlineScripts, kb, pageCss, pageScripts, scriptUrls, gzipSize } from './weight.ts';

import { ROOT } from '../shared/project.ts';
const DIST = join(ROOT, 'dist');
if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const htmlFiles = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.html'))
  .map((e) => join(e.parentPath, e.name));
let failed = false;
const mark = (ok: boolean) => {
  if (!ok) failed = true;
  return ok ? 'ok  ' : 'OVER';
};

// CSS: the heaviest page's total.
const css = htmlFiles.map((file) => ({ file: relative(DIST, file), ...pageCss(DIST, '/', readFileSync(file, 'utf8')) })).sort((a, b) => b.total - a.total);
console.log(`CSS (gzip, budget ${kb(CSS_BUDGET)} a page)`);
console.log(`  ${mark(css[0].total <= CSS_BUDGET)} heaviest page ${css[0].file}: ${kb(css[0].total)} (${css[0].files.map((f) => `${f.url} ${kb(f.gzip)}`).join(', ') || 'no files'}${css[0].inline ? `, inline ${kb(css[0].inline)}` : ''})`);

// Articles.
console.log(`\nArticle HTML (gzip, budget ${ARTICLE_RATIO} × gzip of the article's text + ${kb(ARTICLE_OVERHEAD)})`);
for (const a of articleWeights(DIST)) {
  console.log(`  ${mark(a.html <= a.budget)} ${a.id}: HTML ${kb(a.html)}, text ${kb(a.text)}, ratio ${a.ratio.toFixed(2)}, budget ${kb(a.budget)}`);
}
const articleJs = articleWeights(DIST).map((a) => {
  const html = readFileSync(join(DIST, 'articles', a.id, 'index.html'), 'utf8');
  return { id: a.id, inline: inlineScripts(html).reduce((s, t) => s + gzipSize(t), 0), files: scriptUrls(html) };
});
const js = articleJs[0];
if (js) console.log(`  JavaScript on an article page (optional, for theme toggle and copy button): inline ${kb(js.inline)}, files: ${js.files.length ? js.files.join(', ') : 'none'}`);

// Search page.
console.log(`\nSearch page JavaScript (gzip, Pagefind's own files excluded, budget ${kb(SEARCH_JS_BUDGET)})`);
if (!existsSync(join(DIST, 'search/index.html'))) {
  console.log('  (no search page in this build)');
} else {
  const server = await serveStatic(DIST, '/');
  const browser = await launchChromium();
  try {
    const { own, pagefind } = await pageScripts(browser, server.url('search/?q=党建'));
    const total = own.reduce((s, x) => s + x.gzip, 0);
    console.log(`  ${mark(total <= SEARCH_JS_BUDGET)} own: ${kb(total)} (${own.map((s) => `${s.url.replace(server.origin, '')} ${kb(s.gzip)}`).join(', ')})`);
    console.log(`       Pagefind: ${kb(pagefind.reduce((s, x) => s + x.gzip, 0))} in ${pagefind.length} files`);
  } finally {
    await browser.close();
    await server.close();
  }
}
if (failed) {
  console.log('\nA budget is exceeded.');
  process.exitCode = 1;
}
