/**
 * Builds the full-text search index after `astro build`, from the pages as
 * rendered: every HTML file with a `data-pagefind-body` element becomes one
 * Pagefind custom record whose words are the page's tokens
 * (`src/search/tokenizer.ts`), so the index holds exactly the text the page
 * shows and nothing Pagefind's word breaker or stemmer could change.
 *
 * Only the files the search page fetches are written to `<outDir>/pagefind/`
 * (no Pagefind UI bundles, no worker: the page runs Pagefind on the main thread),
 * plus the facet table (FACETS_FILE) the page filters and counts results with,
 * and the chunk map (CHUNKS_FILE) it plans lookups with.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, type CborValue } from '../search/index/cbor.ts';
import { encodeFacets, FACETS_FILE } from '../search/query/engine.ts';
import { CHUNKS_FILE, type ChunkMap } from '../search/query/planner.ts';
import { extractPage, type Anchor, type PageSource } from '../search/index/page-record.ts';
import { encodeContent, normalizeChars, tokenizeChars, type Fold, type Token } from '../search/tokenizer.ts';
import { t2sTable } from '../search/t2s-table.ts';
import { foldWith } from '../search/t2s.ts';

/** A language Pagefind neither segments nor stems: the words are our tokens. */
export const SEARCH_LANGUAGE = 'und';

/** Pagefind output files the search page never loads. */
const UNUSED = /^(pagefind-(ui|component-ui|modular-ui|highlight|worker)\.|playground\/)/;

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  sort: Record<string, string>;
}

/** Site path of a built file: `a/b/index.html` → `/a/b/`, `x.html` → `/x.html`. */
export function pageUrl(relPath: string): string {
  const p = relPath.split(sep).join('/');
  if (p === 'index.html') return '/';
  if (p.endsWith('/index.html')) return `/${p.slice(0, -'index.html'.length)}`;
  return `/${p}`;
}

/** First token at or after a text offset. */
function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].at < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Anchors as one whitespace-free meta value (Pagefind indexes meta words; a
 * result that matched only there is discarded by the search page):
 * `kind:first:last:id:section` per anchor, token ranges, ids URI-encoded.
 */
export function encodeAnchors(anchors: Anchor[], tokens: Token[]): string {
  return anchors
    .map((a) => {
      const first = tokenAt(tokens, a.start);
      const last = tokenAt(tokens, a.end);
      return [a.kind === 'section' ? 's' : 'h', first, last, encodeURIComponent(a.id), encodeURIComponent(a.section ?? '')].join(':');
    })
    .join(',');
}

const PAGEFIND_HEADER = 'pagefind_dcd';

/** The payload of one of Pagefind's files: gzip of `pagefind_dcd` + payload. */
export function readPagefindFile(path: string, content: Uint8Array): Uint8Array {
  const raw = gunzipSync(content);
  if (raw.subarray(0, PAGEFIND_HEADER.length).toString() !== PAGEFIND_HEADER) {
    throw new Error(`search index: ${path} is not a Pagefind file (no ${PAGEFIND_HEADER} header)`);
  }
  return raw.subarray(PAGEFIND_HEADER.length);
}

/**
 * Pagefind's id of each page (the name of its fragment file, which is what a
 * search result's `id` is) by URL, read back from the fragments (JSON).
 */
export function pageIds(files: { path: string; content: Uint8Array }[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const f of files) {
    const m = /^fragment\/(.+)\.pf_fragment$/.exec(f.path.split(sep).join('/'));
    if (!m) continue;
    ids.set(JSON.parse(new TextDecoder().decode(readPagefindFile(f.path, f.content))).url, m[1]);
  }
  return ids;
}

/**
 * The chunk map (`src/search/query/planner.ts`) of an index from Pagefind's output
 * files: the chunk list of its metadata (`pagefind.*.pf_meta`, CBOR
 * `[version, pages, chunks, …]`, each chunk `[from, to, hash]`) with each
 * chunk file's size, and the mean size of a fragment file.
 */
export function chunkMapOf(files: { path: string; content: Uint8Array }[]): ChunkMap {
  const byPath = new Map(files.map((f) => [f.path.split(sep).join('/'), f.content]));
  const metas = [...byPath.keys()].filter((p) => /^pagefind\.[^/]+\.pf_meta$/.test(p));
  const fragments = [...byPath].filter(([p]) => p.startsWith('fragment/'));
  // An archive with nothing to index (every article a draft) gets no metadata from Pagefind.
  if (metas.length === 0 && fragments.length === 0) return { fragment: 0, chunks: [] };
  if (metas.length !== 1) throw new Error(`search index: expected one Pagefind metadata file, found ${metas.length}`);
  const meta = decodeCbor(readPagefindFile(metas[0], byPath.get(metas[0])!));
  const list = Array.isArray(meta) ? meta[2] : undefined;
  if (!Array.isArray(list)) throw new Error(`search index: ${metas[0]} has no chunk list where Pagefind 1.6 writes it`);
  const isText = (v: CborValue): v is string => typeof v === 'string';
  const chunks = list.map((c, i): [string, string, number] => {
    if (!Array.isArray(c) || !isText(c[0]) || !isText(c[1]) || !isText(c[2])) throw new Error(`search index: chunk ${i} of ${metas[0]} is not [from, to, hash]`);
    const file = byPath.get(`index/${c[2]}.pf_index`);
    if (!file) throw new Error(`search index: chunk ${c[2]} listed in ${metas[0]} has no file`);
    return [c[0], c[1], file.length];
  });
  const fragment = fragments.length ? Math.round(fragments.reduce((s, [, c]) => s + c.length, 0) / fragments.length) : 0;
  return { fragment, chunks };
}

/**
 * Filters go to the facet table (FACETS_FILE), not to Pagefind: the page
 * filters and counts results from it in one pass, and Pagefind's index stays
 * smaller.
 */
export function buildRecord(page: PageSource, url: string, fold: Fold): SearchRecord {
  const tokens = tokenizeChars(normalizeChars(page.text, fold));
  return {
    url,
    content: encodeContent(tokens),
    language: SEARCH_LANGUAGE,
    meta: { ...page.meta, title: page.title, anchors: encodeAnchors(page.anchors, tokens) },
    // Pagefind drops pages without the sort key from sorted results: every page gets one.
    sort: { date: '', ...page.sort },
  };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function buildSearchIndex(outDir: string, log: (msg: string) => void = () => {}): Promise<{ pages: number; bytes: number }> {
  const started = Date.now();
  const fold = foldWith(t2sTable());
  const { createIndex, close } = await import('pagefind');
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`search index: Pagefind did not start: ${errors.join('; ')}`);
  const filters = new Map<string, Record<string, string[]>>();
  try {
    for (const file of await htmlFiles(outDir)) {
      const page = extractPage(await readFile(file, 'utf8'));
      if (!page) continue;
      const record = buildRecord(page, pageUrl(relative(outDir, file)), fold);
      const added = await index.addCustomRecord(record);
      if (added.errors.length > 0) throw new Error(`search index: ${record.url}: ${added.errors.join('; ')}`);
      filters.set(record.url, page.filters);
    }
    const pages = filters.size;
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length > 0) throw new Error(`search index: ${fileErrors.join('; ')}`);
    const ids = pageIds(files);
    const facets = [...filters].map(([url, own]) => {
      const id = ids.get(url);
      if (!id) throw new Error(`search index: Pagefind wrote no fragment for ${url}`);
      return { id, filters: own };
    });
    const facetsFile = gzipSync(encodeFacets(facets), { level: 9 });
    const chunksFile = gzipSync(JSON.stringify(chunkMapOf(files)), { level: 9 });
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
    await writeFile(join(outDir, FACETS_FILE), facetsFile);
    await writeFile(join(outDir, CHUNKS_FILE), chunksFile);
    bytes += facetsFile.length + chunksFile.length;
    log(`indexed ${pages} pages into ${relative(process.cwd(), target) || target} (${(bytes / 1024).toFixed(1)} KiB; facets ${(facetsFile.length / 1024).toFixed(1)} KiB, chunk map ${(chunksFile.length / 1024).toFixed(1)} KiB) in ${Date.now() - started} ms`);
    return { pages, bytes };
  } finally {
    await index.deleteIndex();
    await close();
  }
}

export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), (msg) => logger.info(msg));
      },
    },
  };
}
