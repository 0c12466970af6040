/**
 * The index's own files, as the search page fetches them: each fetched
 * once, gzip undone here when the host has not, and the tables the search
 * can do without left out when they cannot be had.
 */
import { CHUNKS_FILE, type ChunkMap } from '../../search/chunk-map.ts';
import { decodeFacets, facetSliceFile, facetSlicesOf, type FacetSlice, type FacetTable } from '../../search/facets.ts';
import { mergeSlices, nameListFile, nameSliceKey, namesSliceFile, type NameList, type NamesTable } from '../../search/names.ts';
import { pairPagesIn, PAGES_PER_SLICE, pageSliceFile, pairSliceFile, pairSliceOf } from '../../search/pairs.ts';
import { decodeFragment, fragmentFile, type PagefindFragment } from '../../search/query/fragment.ts';
import { sliceOf } from '../../search/slices.ts';
import type { QueryTerm } from '../../search/query-terms.ts';
import { joinBase } from '../../model/urls.ts';
import { BASE } from './options.ts';
import type { PagefindResult } from './pagefind.ts';

/** A gzipped file the index builder wrote. A host may already have undone the gzip (Content-Encoding): only a gzip stream is inflated here. */
async function fetchGzip(path: string): Promise<Response> {
  const response = await fetch(joinBase(BASE, path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  // The bytes in hand as a stream: a Blob would cost a round trip to the browser's blob registry per file.
  return new Response(gzipped ? new Response(bytes).body!.pipeThrough(new DecompressionStream('gzip')) : bytes);
}
const fetchGzipText = (path: string) => fetchGzip(path).then((r) => r.text());

/** Each file the search reads, fetched once (and a failed fetch not tried again in this page's life). */
const loads = new Map<string, Promise<unknown>>();
function once<T>(path: string, get: () => Promise<T>): Promise<T> {
  if (!loads.has(path)) loads.set(path, get());
  return loads.get(path) as Promise<T>;
}

/** A JSON table: from the chunk map when it rides there (a small table: `inline`), else its file. */
async function tableJson<T>(file: string): Promise<T> {
  const inline = file === CHUNKS_FILE ? undefined : (await chunkMap())?.inline?.[file];
  return inline !== undefined ? (inline as T) : (JSON.parse(await fetchGzipText(file)) as T);
}

/** A JSON table the search can do without, fetched once; undefined when it cannot be had. */
const optionalTable = <T>(file: string) => once(file, () => tableJson<T>(file).catch(() => undefined));

/** What each index chunk costs; without it every term is looked up whole. */
export const chunkMap = () => optionalTable<ChunkMap>(CHUNKS_FILE);

/** Slices `wanted` of a sliced table (`file(i)`), each fetched once; those that cannot be had are left out. */
async function slicesOf<T>(file: (i: number) => string, wanted: Iterable<number>): Promise<T[]> {
  const parts = await Promise.all([...new Set(wanted)].map((i) => optionalTable<T>(file(i))));
  return parts.filter((part) => part !== undefined);
}

/** A binary file of the index (the pair and position tables' slices and own files), inflated, fetched once. */
export const binaryFile = (path: string) => once(path, () => fetchGzip(path).then(async (r) => new Uint8Array(await r.arrayBuffer())));

/** A pair's page numbers (newest first) from the pair table (src/search/pairs.ts). */
export async function pairNumbers(pair: string, slices: number): Promise<number[]> {
  return pairPagesIn(await binaryFile(pairSliceFile(pairSliceOf(pair, slices))), pair);
}

/** Pagefind ids of page numbers, by the page table's slices they are in (fetched together: a broad pair needs all). */
export async function idsOfNumbers(numbers: number[]): Promise<string[]> {
  const wanted = [...new Set(numbers.map((n) => Math.floor(n / PAGES_PER_SLICE)))];
  const tables = await Promise.all(wanted.map((part) => once(pageSliceFile(part), () => tableJson<string[]>(pageSliceFile(part)))));
  const parts = new Map(wanted.map((part, i) => [part, tables[i]]));
  return numbers.map((n) => parts.get(Math.floor(n / PAGES_PER_SLICE))![n % PAGES_PER_SLICE]);
}

/**
 * The filter values of these pages: the facet slices they are in. Throws
 * when a slice cannot be had, so no count or filter is taken from part of
 * the results.
 */
export async function facetsOf(ids: string[]): Promise<FacetTable> {
  const map = await chunkMap();
  // Without a count in the chunk map, slice 0 is asked for and is missing.
  const wanted = facetSlicesOf(ids, map?.facetSlices || 1);
  const slices = await slicesOf<FacetSlice>(facetSliceFile, wanted);
  if (!map?.facetValues || slices.length < wanted.length) throw new Error('facets');
  return decodeFacets(map.facetValues, slices);
}

/** A page's fragment from its file, as Pagefind's `data()` gives it (src/search/query/fragment.ts). */
async function fetchFragment(id: string): Promise<PagefindFragment> {
  const file = fragmentFile(id);
  return decodeFragment(await fetchGzipText(file), file);
}

/** A page found by the project's own tables, as a result whose fragment the page reads itself. */
export const ownResult = (id: string): PagefindResult => ({ id, data: () => fetchFragment(id) });

/**
 * The named things that may be what these terms name: the slices of the
 * names table their keys fall in, merged. Without a names table every term
 * is searched as typed.
 */
export async function namesFor(terms: QueryTerm[]): Promise<NamesTable | undefined> {
  const slices = (await chunkMap())?.nameSlices ?? 0;
  if (slices === 0) return undefined;
  return mergeSlices(
    await slicesOf<NamesTable>(
      namesSliceFile,
      terms.map((t) => sliceOf(nameSliceKey(t.keys), slices)),
    ),
  );
}

/** The names readers are offered that start with one of these keys (the name list's slices). */
export async function listedNames(firstKeys: Iterable<string>): Promise<NameList['names']> {
  const slices = (await chunkMap())?.nameListSlices ?? 0;
  if (slices === 0) return [];
  const parts = await slicesOf<NameList>(
    nameListFile,
    [...firstKeys].map((key) => sliceOf(key, slices)),
  );
  return parts.flatMap((part) => part.names);
}
