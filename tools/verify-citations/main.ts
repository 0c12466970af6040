/**
 * `npm run verify:citations`: every article's citation files through the
 * programs readers use. Classic BibTeX (plain.bst) and biber (tool mode with
 * data model validation; and, where LaTeX and biblatex are installed, a
 * LaTeX document that prints them all) read every `.bib`; with `--zotero`,
 * Zotero's translation server saves every article page and imports its
 * `.ris` and `.bib`, and each item is compared with the page's meta tags.
 * `--zotero` takes the folder of an installed server, which the tool starts
 * and stops (the documented place is .tmp/zotero/translation-server), or the
 * URL of one that runs. Prints every warning and error per entry; exits 1
 * when there is any, 2 when bibtex or biber is not installed (naming the
 * Debian package). Results and how to set up Zotero: docs/citations.md.
 *
 *   npm run verify:citations                          # build into a temporary folder, then check
 *   npm run verify:citations -- --dist dist           # check a built site
 *   npm run verify:citations -- --zotero .tmp/zotero/translation-server
 *                                                     # also through Zotero's translators
 *   npm run verify:citations -- --zotero http://127.0.0.1:1969
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSiteOrThrow } from '../shared/build-site.ts';
import { parseCommandLine } from '../shared/cli.ts';
import { pagesUnder } from '../shared/dist.ts';
import { serveStatic } from '../shared/static-server.ts';
import {
  biblatexVersion,
  type Finding,
  installed,
  kpsewhich,
  latexAvailable,
  PROGRAMS,
  runBiberTool,
  runBibtex,
  runBiblatex,
  stageBibFiles,
  versionOf,
} from './tex.ts';
import { startTranslationServer } from './translation-server.ts';
import { differences, expectedFromPage, KNOWN, summarise, translateArticle } from './zotero.ts';

const { values } = parseCommandLine(import.meta.url, {
  options: { dist: { type: 'string' }, zotero: { type: 'string' } },
});

for (const [program, pkg] of Object.entries(PROGRAMS)) {
  if (!installed(program)) {
    console.error(`${program} is not installed: apt-get install -y --no-install-recommends ${pkg}`);
    process.exit(2);
  }
}
if (kpsewhich('plain.bst') === '') {
  console.error('plain.bst is not installed: apt-get install -y --no-install-recommends texlive-base');
  process.exit(2);
}

const scratch = mkdtempSync(join(tmpdir(), 'verify-citations-'));
let dist = values.dist ? resolve(values.dist) : join(scratch, 'dist');
if (!values.dist) {
  console.log(`building the site into ${dist} …`);
  buildSiteOrThrow({ OUT_DIR: dist, BASE_PATH: '/', SITE_URL: process.env.SITE_URL ?? 'https://archive.example.org' });
}
dist = resolve(dist);
const ids = pagesUnder(dist, 'articles').filter((id) => existsSync(join(dist, 'articles', `${id}.bib`)));
if (ids.length === 0) {
  console.error(`no articles/<id>.bib in ${dist}: is it a built site?`);
  process.exit(2);
}

const work = join(scratch, 'tex');
mkdirSync(work, { recursive: true });
const databases = stageBibFiles(
  ids.map((id) => join(dist, 'articles', `${id}.bib`)),
  work,
);

console.log(`${ids.length} articles, ${versionOf('bibtex')}; ${versionOf('biber')}`);
const findings: Finding[] = [...runBibtex(databases, work), ...runBiberTool(databases, work)];
const withLatex = latexAvailable();
if (withLatex) {
  console.log(`LaTeX run: ${versionOf('latex')}, biblatex ${biblatexVersion()}`);
  findings.push(...runBiblatex(databases, work));
} else {
  console.log(
    'LaTeX run skipped: latex or biblatex.sty is not installed (apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended texlive-bibtex-extra)',
  );
}

let problems = 0;
for (const program of ['bibtex', 'biber --tool', 'biber', 'latex+biblatex']) {
  if (!withLatex && (program === 'biber' || program === 'latex+biblatex')) continue;
  const own = findings.filter((f) => f.program === program);
  const warnings = own.filter((f) => f.severity === 'warning').length;
  console.log(`\n${program}: ${warnings} warnings, ${own.length - warnings} errors`);
  for (const f of own) console.log(`  ${f.entry}: ${f.severity}: ${f.message}`);
  problems += own.length;
}

if (values.zotero) problems += await checkZotero(values.zotero);

rmSync(scratch, { recursive: true, force: true });
process.exit(problems > 0 ? 1 : 0);

/**
 * Every article through the translation server at `where` (a URL, or the
 * folder of one to start); returns the number of differences that are ours to fix.
 */
async function checkZotero(where: string): Promise<number> {
  const started = /^https?:/.test(where) ? undefined : await startTranslationServer(resolve(where));
  const server = started?.url ?? where;
  const site = await serveStatic(dist);
  let ours = 0;
  try {
    console.log(`\nZotero translation server at ${server}`);
    for (const id of ids) {
      const expected = expectedFromPage(readFileSync(join(dist, 'articles', id, 'index.html'), 'utf8'));
      for (const result of await translateArticle(server, dist, id, site.url(`/articles/${id}/`))) {
        if (!result.item) {
          console.log(`  ${id} ${result.via}: error: ${result.error}`);
          ours++;
          continue;
        }
        console.log(`  ${id} ${result.via}: ${summarise(result.item)}`);
        for (const d of differences(result.item, expected, result.via)) {
          const known = KNOWN[result.via][d.field];
          if (!known) ours++;
          console.log(known ? `    known (${known}): ${d.text}` : `    difference: ${d.text}`);
        }
      }
    }
  } finally {
    await site.close();
    started?.stop();
  }
  return ours;
}
