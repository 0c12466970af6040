/**
 * Builds the full-text search index of a built site: every HTML file with a
 * `data-pagefind-body` element becomes one Pagefind custom record
 * (`record.ts`). Only the files the search page fetches are written to
 * `<outDir>/pagefind/` (no Pagefind UI bundles; the worker, which a large
 * archive's search page uses: `src/search/worker.ts`), plus the facet table (`src/search/facets.ts`)
 * the page filters and counts results with, and the chunk map
 * (`src/search/chunk-map.ts`) it plans lookups with.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHUNKS_FILE, inlineTables, type ChunkMap } from '../chunk-map.ts';
import { pageSliceFile } from '../pairs.ts';
import { encodeFacets, facetSliceFile, type FacetFiles } from '../facets.ts';
import { t2sTable } from '../t2s-table.ts';
import { foldWith } from '../t2s.ts';
import { extractPage } from './page-record.ts';
import { chunkMapOf, type PagefindFile, withPrintedText } from './pagefind-files.ts';
import { buildRecord, printedText } from './record.ts';
import { NAMES_SOURCE, type NamesTable } from '../names.ts';
import { sliceCount } from '../slices.ts';
import { keyText, linkPages, namesFiles } from './names-file.ts';
import { PairCollector } from './pairs-file.ts';
import { searchFormChars, tokenizeChars, type Fold } from '../tokenizer.ts';

/** Pagefind output files the search page never loads. */
const UNUSED = /^(pagefind-(ui|component-ui|modular-ui|highlight)\.|playground\/)/;

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

interface Added {
  /** Each page's filter values by URL. */
  filters: Map<string, Record<string, string[]>>;
  /** Each page's keys as one string (`keyText`) by URL, for the names table. */
  keys: Map<string, string>;
  /** Each page's printed text (`printedText`), gzipped, by URL: only compact forms outlive a page. */
  printed: Map<string, Buffer>;
  /** Each page's date sort key (Pagefind's `date` sort) by URL. */
  dates: Map<string, string>;
  /** Each page's adjacent key pairs, for the pair table. */
  pairs: PairCollector;
}

/** Adds every indexable page of the site to the index. */
async function addPages(index: PagefindIndex, outDir: string, fold: Fold): Promise<Added> {
  const filters = new Map<string, Record<string, string[]>>();
  const keys = new Map<string, string>();
  const printed = new Map<string, Buffer>();
  const dates = new Map<string, string>();
  const pairs = new PairCollector();
  for (const file of await htmlFiles(outDir)) {
    const page = extractPage(await readFile(file, 'utf8'));
    if (!page) continue;
    const record = buildRecord(page, pageUrl(relative(outDir, file)), fold);
    const added = await index.addCustomRecord(record);
    if (added.errors.length > 0) throw new Error(`search index: ${record.url}: ${added.errors.join('; ')}`);
    filters.set(record.url, page.filters);
    dates.set(record.url, record.sort.date);
    // Only compact forms outlive the page: every page's tokens at once would not fit in the heap.
    const tokens = tokenizeChars(searchFormChars(page.text, fold));
    keys.set(record.url, keyText(tokens));
    pairs.add(
      record.url,
      tokens.map((t) => t.key),
    );
    printed.set(record.url, gzipSync(printedText(page, tokens), { level: 9 }));
  }
  return { filters, keys, printed, dates, pairs };
}

/**
 * Every page's URL, newest first (the order of Pagefind's date sort; equal
 * dates keep file order): the order of the names table's page lists and the
 * pair table's page numbers, so their lists need no sorting in the page.
 */
function newestFirst(added: Added): string[] {
  return [...added.keys.keys()].sort((a, b) => compareDesc(added.dates.get(a)!, added.dates.get(b)!));
}

/** The names table's slices with the pages about and mentioning each entity, or undefined when the site wrote no NAMES_SOURCE. */
async function namesSlices(
  outDir: string,
  added: Added,
  order: string[],
  ids: Map<string, string>,
  fold: Fold,
): Promise<ReturnType<typeof namesFiles> | undefined> {
  const source = await readFile(join(outDir, NAMES_SOURCE), 'utf8').catch(() => undefined);
  if (source === undefined) return undefined;
  // Pages newest first, so a query of names alone has its results in date order without asking Pagefind.
  const keyTexts = new Map(order.map((url) => [url, added.keys.get(url)!]));
  return namesFiles(linkPages(JSON.parse(source) as NamesTable, keyTexts, ids, fold), fold);
}

/** Later dates first; equal ones keep their order. */
const compareDesc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

/**
 * JSON characters of a facet slice, at most: half the names table's, since a
 * query needs a slice for each of its result pages (up to every slice) where it
 * needs one names slice a term. At 10,000 reports: 64 slices of about 2 KiB.
 */
const FACET_SLICE_TARGET = 8 * 1024;

/** The facet table: each page's filter values under its Pagefind id, in slices. */
function facetTable(filters: Map<string, Record<string, string[]>>, ids: Map<string, string>): FacetFiles {
  const facets = [...filters].map(([url, own]) => {
    const id = ids.get(url);
    if (!id) throw new Error(`search index: Pagefind wrote no fragment for ${url}`);
    return { id, filters: own };
  });
  const whole = encodeFacets(facets).slices[0];
  return encodeFacets(facets, sliceCount(whole.length, FACET_SLICE_TARGET));
}

const sum = (files: Map<string, Buffer>) => [...files.values()].reduce((n, b) => n + b.length, 0);

/** The facet slices' files by path. */
function facetFiles(table: FacetFiles): Map<string, Buffer> {
  return new Map(table.slices.map((json, i) => [facetSliceFile(i), gzipSync(json, { level: 9 })]));
}

/** Replaces `<outDir>/pagefind/` with the files the page loads; returns the bytes written. */
interface Tables {
  /** The facet table's slices by file path. */
  facets: Map<string, Buffer>;
  chunks: Buffer;
  /** The names table's slices by file path. */
  names: Map<string, Buffer>;
  /** The pair table's and the page table's slices by file path. */
  pairs: Map<string, Buffer>;
}

async function writeIndex(outDir: string, files: PagefindFile[], tables: Tables): Promise<number> {
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
  await writeFile(join(outDir, CHUNKS_FILE), tables.chunks);
  const sliced = [...tables.names, ...tables.facets, ...tables.pairs];
  for (const dir of new Set(sliced.map(([path]) => dirname(join(outDir, path))))) await mkdir(dir, { recursive: true });
  for (const [path, content] of sliced) {
    await writeFile(join(outDir, path), content);
    bytes += content.length;
  }
  return bytes + tables.chunks.length;
}

export async function buildSearchIndex(outDir: string, log: (msg: string) => void = () => {}): Promise<{ pages: number; bytes: number }> {
  const started = Date.now();
  const { createIndex, close } = await import('pagefind');
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join('; ')}`);
  try {
    const fold = foldWith(t2sTable());
    const added = await addPages(index, outDir, fold);
    const { filters } = added;
    const { files: written, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`search index: ${fileErrors.join('; ')}`);
    const { files, ids } = withPrintedText(written, added.printed);
    const order = newestFirst(added);
    const names = await namesSlices(outDir, added, order, ids, fold);
    const pairs = added.pairs.files(order, ids);
    const facets = facetTable(filters, ids);
    const chunkMap: ChunkMap = {
      ...chunkMapOf(files),
      nameSlices: names?.slices ?? 0,
      nameListSlices: names?.listSlices ?? 0,
      facetSlices: facets.slices.length,
      facetValues: facets.values,
      pairSlices: pairs.slices,
      pages: pairs.pages,
      positions: pairs.positions,
      inline: inlineTables([
        pairs.pageSlices.map((json, i): [string, string] => [pageSliceFile(i), json]),
        facets.slices.map((json, i): [string, string] => [facetSliceFile(i), json]),
      ]),
    };
    const tables = {
      facets: facetFiles(facets),
      chunks: gzipSync(JSON.stringify(chunkMap), { level: 9 }),
      names: names?.files ?? new Map(),
      pairs: pairs.files,
    };
    const bytes = await writeIndex(outDir, files, tables);
    const target = join(outDir, 'pagefind');
    const kib = (n: number) => (n / 1024).toFixed(1);
    log(
      `indexed ${filters.size} pages into ${relative(process.cwd(), target) || target} (${kib(bytes)} KiB; facets ${tables.facets.size} slices, ${kib(sum(tables.facets))} KiB; chunk map ${kib(tables.chunks.length)} KiB, names ${names?.slices ?? 0} + ${names?.listSlices ?? 0} slices, pairs ${pairs.slices} slices, ${kib(sum(pairs.files))} KiB) in ${Date.now() - started} ms`,
    );
    return { pages: filters.size, bytes };
  } finally {
    await index.deleteIndex();
    await close();
  }
}
