/**
 * The one walker of a built site's folder for tools and tests: its files,
 * the pages of a section, their URLs, their sizes (all of dist, the search
 * index proper, the search code, the largest pages), and a byte-for-byte comparison of two builds.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';

/** Every file under `dir`, as absolute paths, in directory order. */
export function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** The sub-folders of `dist/<dir>/` that hold a page (`articles` → the article ids), sorted. */
export function pagesUnder(dist: string, dir: string): string[] {
  const root = join(dist, dir);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory() && existsSync(join(root, d, 'index.html')))
    .sort();
}

export interface Sizes {
  /** Every file in dist. */
  dist: number;
  distFiles: number;
  htmlFiles: number;
  /** Everything under dist/pagefind/. */
  pagefindDir: number;
  /** The index proper: entry JSON, meta, word index chunks, fragments, filters, and the project's own tables (facets, chunk map). */
  index: number;
  indexFiles: number;
  /** By kind: meta, index, fragment, filter, entry, table, code (JS, wasm, CSS). */
  byKind: Record<string, number>;
  /** The largest HTML pages, largest first (at most LARGEST_PAGES): the pages that grow with the archive show here. */
  largestPages: PageSize[];
}

export interface PageSize {
  /** The page's URL path at the root (`/measures/page/2/`). */
  path: string;
  /** Uncompressed bytes of its HTML. */
  bytes: number;
}

/** How many of the largest pages `sizes()` keeps. */
export const LARGEST_PAGES = 10;

/** Adds a page to a largest-first list of at most LARGEST_PAGES. */
function keepLargest(list: PageSize[], page: PageSize): void {
  if (list.length === LARGEST_PAGES && page.bytes <= list[LARGEST_PAGES - 1].bytes) return;
  list.push(page);
  list.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  list.length = Math.min(list.length, LARGEST_PAGES);
}

const INDEX_KIND: [RegExp, string][] = [
  [/\.pf_meta$/, 'meta'],
  [/\.pf_index$/, 'index'],
  [/\.pf_fragment$/, 'fragment'],
  [/\.pf_filter$/, 'filter'],
  [/pagefind-entry\.json$/, 'entry'],
  // The project's own tables beside Pagefind's files: facets, chunk map, names, pairs, page numbers.
  [/\.(json|bin)\.gz$/, 'table'],
];

/** What a file under `pagefind/` is: one of INDEX_KIND's kinds (index data), or `code` (Pagefind's script and WebAssembly). */
export function pagefindKind(path: string): string {
  return INDEX_KIND.find(([re]) => re.test(path))?.[1] ?? 'code';
}

export function sizes(dist: string): Sizes {
  const files = walk(dist);
  const s: Sizes = {
    dist: 0,
    distFiles: files.length,
    htmlFiles: 0,
    pagefindDir: 0,
    index: 0,
    indexFiles: 0,
    byKind: {},
    largestPages: [],
  };
  for (const f of files) {
    const size = statSync(f).size;
    s.dist += size;
    if (f.endsWith('.html')) {
      s.htmlFiles++;
      keepLargest(s.largestPages, { path: fileToUrl(dist, f), bytes: size });
    }
    const rel = relative(dist, f).split(sep).join('/');
    if (!rel.startsWith('pagefind/')) continue;
    s.pagefindDir += size;
    const kind = pagefindKind(rel);
    s.byKind[kind] = (s.byKind[kind] ?? 0) + size;
    if (kind !== 'code') {
      s.index += size;
      s.indexFiles++;
    }
  }
  return s;
}

export function fileToUrl(dist: string, file: string, base = '/'): string {
  let rel = relative(dist, file).split(sep).join('/');
  if (rel === 'index.html') rel = '';
  else if (rel.endsWith('/index.html')) rel = rel.slice(0, -'index.html'.length);
  return base + rel;
}

/** Each file's path relative to `dir` and its SHA-256. */
export function fileHashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of walk(dir)) out.set(relative(dir, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
  return out;
}

/** What differs between two builds, one line a file (with the first differing line); empty when identical. */
export function compareDirs(a: string, b: string): string[] {
  const ha = fileHashes(a);
  const hb = fileHashes(b);
  const problems: string[] = [];
  for (const [file, hash] of ha) {
    if (!hb.has(file)) problems.push(`only in first build: ${file}`);
    else if (hb.get(file) !== hash) {
      const la = readFileSync(join(a, file), 'utf8').split('\n');
      const lb = readFileSync(join(b, file), 'utf8').split('\n');
      const i = la.findIndex((line, n) => line !== lb[n]);
      problems.push(`differs: ${file} (line ${i + 1}: ${JSON.stringify(la[i]?.slice(0, 120))} vs ${JSON.stringify(lb[i]?.slice(0, 120))})`);
    }
  }
  for (const file of hb.keys()) if (!ha.has(file)) problems.push(`only in second build: ${file}`);
  return problems;
}
