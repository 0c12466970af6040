/**
 * `npm run bench:rank` — does relevance put the reports about a hospital
 * first? On a synthetic archive (tools/synthetic/, never the real content/),
 * searches every hospital's official name through the real search page and
 * checks that every report about the hospital (by the article's data:
 * `hospitals`) ranks above every report that only mentions it. Prints the
 * queries, the violations and the recall of the reports about each hospital;
 * exits 1 on any violation.
 *
 *   npm run bench:rank -- [--reports 300] [--reuse] [--limit N] [--sort newest|oldest]
 *
 * --reports: size of the synthetic archive (in `.tmp/rank/<n>/`); --reuse: keep
 * an archive generated earlier (the current src/ is still copied and built);
 * --limit: query only the first N hospitals; --sort: search in that order instead
 * of relevance, to see what relevance changes (date order has violations).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createProject, copySrc } from '../bench-scale/project.ts';
import { buildSiteOrThrow } from '../shared/build-site.ts';
import { launchChromium } from '../shared/chromium.ts';
import { intOption, parseCommandLine } from '../shared/cli.ts';
import { ROOT } from '../shared/project.ts';
import { searchOnPage } from '../shared/search-driver/page-search.ts';
import { serveStatic } from '../shared/static-server.ts';
import { DEFAULT_SEED } from '../synthetic/generate.ts';

const RANK_DIR = join(ROOT, '.tmp/rank');

interface Hospital {
  name: string;
  /** Article paths (`/articles/<id>/`) about it by their data. */
  about: Set<string>;
}

/** Every hospital of a generated archive with the articles about it, from the content files. */
function hospitalsOf(files: Map<string, string>): Map<string, Hospital> {
  const hospitals = new Map<string, Hospital>();
  for (const [path, text] of files) {
    const id = /^hospitals\/(.+)\.yaml$/.exec(path)?.[1];
    if (id) hospitals.set(id, { name: parse(text).name, about: new Set() });
  }
  for (const [path, text] of files) {
    const id = /^articles\/(.+)\.md$/.exec(path)?.[1];
    if (!id) continue;
    const front = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]);
    for (const h of front.hospitals ?? []) hospitals.get(h)!.about.add(`/articles/${id}/`);
  }
  return hospitals;
}

/** A result's article path, or undefined for a result that is not an article. */
const articlePath = (href: string) => /\/articles\/[^/]+\//.exec(new URL(href).pathname)?.[0];

interface Verdict {
  query: string;
  about: number;
  aboutFound: number;
  mentionsOnly: number;
  /** Reports that only mention the hospital but rank above one about it. */
  misplaced: number;
}

/** Whether every report about the hospital comes before every report that only mentions it. */
function judge(query: string, hospital: Hospital, hrefs: string[]): Verdict {
  const order = [...new Set(hrefs.map(articlePath).filter((p) => p !== undefined))];
  const lastAbout = order.findLastIndex((p) => hospital.about.has(p));
  const mentions = order.filter((p) => !hospital.about.has(p));
  return {
    query,
    about: hospital.about.size,
    aboutFound: order.filter((p) => hospital.about.has(p)).length,
    mentionsOnly: mentions.length,
    misplaced: order.slice(0, lastAbout + 1).filter((p) => !hospital.about.has(p)).length,
  };
}

async function main() {
  const { values } = parseCommandLine(import.meta.url, {
    options: {
      reports: { type: 'string' },
      reuse: { type: 'boolean', default: false },
      limit: { type: 'string' },
      sort: { type: 'string', default: 'relevance' },
    },
  });
  const reports = intOption('--reports', values.reports, 300);
  if (!['relevance', 'newest', 'oldest'].includes(values.sort)) {
    console.error(`--sort: expected relevance, newest or oldest, got ${JSON.stringify(values.sort)}`);
    process.exit(2);
  }
  const sort = values.sort === 'relevance' ? '' : `&sort=${values.sort}`;
  const dir = join(RANK_DIR, String(reports));
  const dist = join(dir, 'dist');
  const reuse = values.reuse && existsSync(join(dir, 'names.json'));
  const project = reuse ? undefined : createProject(reports, DEFAULT_SEED, RANK_DIR);
  if (reuse) copySrc(dir);
  console.error(`building ${reports} reports in ${dir} …`);
  buildSiteOrThrow({ OUT_DIR: 'dist', BASE_PATH: '/', SITE_URL: 'https://archive.example.org' }, dir);
  const files = project?.archive.files ?? contentFiles(dir);
  const hospitals = [...hospitalsOf(files).values()].slice(0, intOption('--limit', values.limit, Number.MAX_SAFE_INTEGER));
  const server = await serveStatic(dist, '/');
  const browser = await launchChromium();
  const page = await browser.newPage();
  const verdicts: Verdict[] = [];
  try {
    for (const h of hospitals) {
      const run = await searchOnPage(page, server.url(`search/?q=${encodeURIComponent(h.name)}&per=50${sort}`), { timeoutMs: 30_000 });
      if (run.timeout || run.errors.length > 0) throw new Error(`${h.name}: ${run.errors.join('; ')}`);
      verdicts.push(judge(h.name, h, run.hrefs));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report(`${reports} reports, ${values.sort} order`, verdicts);
}

/** The content files of an archive generated earlier, by path under content/. */
function contentFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of ['hospitals', 'articles']) {
    const folder = join(dir, 'content', kind);
    for (const name of readdirSync(folder)) files.set(`${kind}/${name}`, readFileSync(join(folder, name), 'utf8'));
  }
  return files;
}

function report(what: string, verdicts: Verdict[]) {
  const sum = (f: (v: Verdict) => number) => verdicts.reduce((s, v) => s + f(v), 0);
  const bad = verdicts.filter((v) => v.misplaced > 0 || v.aboutFound < v.about);
  console.log(`synthetic archive, ${what}: ${verdicts.length} hospital-name queries`);
  console.log(`  reports about the hospital: ${sum((v) => v.about)}, found ${sum((v) => v.aboutFound)}`);
  console.log(
    `  reports that only mention it: ${sum((v) => v.mentionsOnly)} (in ${verdicts.filter((v) => v.mentionsOnly > 0).length} queries)`,
  );
  console.log(`  queries where a mention ranks above a report about the hospital: ${verdicts.filter((v) => v.misplaced > 0).length}`);
  for (const v of bad.slice(0, 20)) console.log(`  ✗ ${v.query}: about ${v.aboutFound}/${v.about}, misplaced ${v.misplaced}`);
  process.exitCode = bad.length > 0 ? 1 : 0;
}

await main();
