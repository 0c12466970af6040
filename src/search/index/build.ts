/**
 * Builds the full-text search index of a built site: every HTML file with a
 * `data-pagefind-body` element becomes one Pagefind custom record
 * (`record.ts`). Only the files the search page fetches are written to
 * `<outDir>/pagefind/` (no Pagefind UI bundles, no worker: the page runs
 * Pagefind on the main thread), plus the facet table (`src/search/facets.ts`)
 * the page filters and counts results with, and the chunk map
 * (`src/search/chunk-map.ts`) it plans lookups with.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHUNKS_FILE } from '../chunk-map.ts';
import { encodeFacets, FACETS_FILE } from '../facets.ts';
import { t2sTable } from '../t2s-table.ts';
import { foldWith } from '../t2s.ts';
import { extractPage } from './page-record.ts';
import { chunkMapOf, pageIds, type PagefindFile } from './pagefind-files.ts';
import { buildRecord } from './record.ts';

/** Pagefind output files the search page never loads. */
const UNUSED = /^(pagefind-(ui|component-ui|modular-ui|highlight|worker)\.|playground\/)/;

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof import('pagefind').createIndex>>['index']>;

/** Site path of a built file: `a/b/index.html` → `/a/b/`, `x.html` → `/x.html`. */
export function pageUrl(relPath: string): string {
  const p = relPath.split(sep).join('/');
  if (p === 'index.html') return '/';
  if (p.endsWith('/index.html')) return `/${p.slice(0, -'index.html'.length)}`;
  return `/${p}`;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Adds every indexable page of the site to the index; returns each page's filter values by URL. */
async function addPages(index: PagefindIndex, outDir: string): Promise<Map<string, Record<string, string[]>>> {
  const fold = foldWith(t2sTable());
  const filters = new Map<string, Record<string, string[]>>();
  for (const file of await htmlFiles(outDir)) {
    const page = extractPage(await readFile(file, 'utf8'));
    if (!page) continue;
    const record = buildRecord(page, pageUrl(relative(outDir, file)), fold);
    const added = await index.addCustomRecord(record);
    if (added.errors.length > 0) throw new Error(`search index: ${record.url}: ${added.errors.join('; ')}`);
    filters.set(record.url, page.filters);
  }
  return filters;
}

/** The facet table file: each page's filter values under its Pagefind id. */
function facetsFile(filters: Map<string, Record<string, string[]>>, files: PagefindFile[]): Buffer {
  const ids = pageIds(files);
  const facets = [...filters].map(([url, own]) => {
    const id = ids.get(url);
    if (!id) throw new Error(`search index: Pagefind wrote no fragment for ${url}`);
    return { id, filters: own };
  });
  return gzipSync(encodeFacets(facets), { level: 9 });
}

/** Replaces `<outDir>/pagefind/` with the files the page loads; returns the bytes written. */
async function writeIndex(outDir: string, files: PagefindFile[], tables: { facets: Buffer; chunks: Buffer }): Promise<number> {
  const target = join(outDir, 'pagefind');
  await rm(target, { recursive: true, force: true });
  let bytes = 0;
  for (const f of files) {
    if (UNUSED.test(f.path)) continue;
    const path = join(target, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.content);
    bytes += f.content.length;
  }
  await writeFile(join(outDir, FACETS_FILE), tables.facets);
  await writeFile(join(outDir, CHUNKS_FILE), tables.chunks);
  return bytes + tables.facets.length + tables.chunks.length;
}

export async function buildSearchIndex(outDir: string, log: (msg: string) => void = () => {}): Promise<{ pages: number; bytes: number }> {
  const started = Date.now();
  const { createIndex, close } = await import('pagefind');
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join('; ')}`);
  try {
    const filters = await addPages(index, outDir);
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`search index: ${fileErrors.join('; ')}`);
    const tables = { facets: facetsFile(filters, files), chunks: gzipSync(JSON.stringify(chunkMapOf(files)), { level: 9 }) };
    const bytes = await writeIndex(outDir, files, tables);
    const target = join(outDir, 'pagefind');
    const kib = (n: number) => (n / 1024).toFixed(1);
    log(
      `indexed ${filters.size} pages into ${relative(process.cwd(), target) || target} (${kib(bytes)} KiB; facets ${kib(tables.facets.length)} KiB, chunk map ${kib(tables.chunks.length)} KiB) in ${Date.now() - started} ms`,
    );
    return { pages: filters.size, bytes };
  } finally {
    await index.deleteIndex();
    await close();
  }
}
