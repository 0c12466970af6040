/**
 * Reading back the files Pagefind wrote for an index: each page's id (its
 * fragment file's name, which is what a search result's `id` is), with the
 * page's printed text added to its fragment, and the chunk map
 * (`src/search/chunk-map.ts`) from its metadata.
 */
import { sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ChunkMap } from '../chunk-map.ts';
import { decodeCbor, type CborValue } from './cbor.ts';

export interface PagefindFile {
  path: string;
  content: Uint8Array;
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

/** The page id a fragment file is named by, or undefined for any other file. */
const fragmentId = (path: string) => /^fragment\/(.+)\.pf_fragment$/.exec(path.split(sep).join('/'))?.[1];

const readFragment = (f: PagefindFile) => JSON.parse(new TextDecoder().decode(readPagefindFile(f.path, f.content)));

/**
 * Pagefind's id of each page by URL, read back from the fragments (JSON), and
 * the files with each page's printed text (`printedText`, gzipped, by URL) in
 * its fragment, as `printed` beside Pagefind's fields: a result shown is one
 * file, not two (on HTTP/1.1 a browser opens six connections to a host, and
 * ten results were twenty requests). Pagefind's own reader ignores the field.
 * Each fragment is read once for both.
 */
export function withPrintedText(
  files: PagefindFile[],
  printed: Map<string, Uint8Array>,
): { files: PagefindFile[]; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const out = files.map((f) => {
    const id = fragmentId(f.path);
    if (id === undefined) return f;
    const fragment = readFragment(f);
    ids.set(fragment.url, id);
    const text = printed.get(fragment.url);
    if (!text) return f;
    fragment.printed = gunzipSync(text).toString();
    return { path: f.path, content: gzipSync(PAGEFIND_HEADER + JSON.stringify(fragment), { level: 9 }) };
  });
  return { files: out, ids };
}

/**
 * The chunk map of an index: the chunk list of its metadata
 * (`pagefind.*.pf_meta`, CBOR `[version, pages, chunks, …]`, each chunk
 * `[from, to, hash]`) with each chunk file's size, and the mean size of a
 * fragment file.
 */
export function chunkMapOf(files: PagefindFile[]): ChunkMap {
  const byPath = new Map(files.map((f) => [f.path.split(sep).join('/'), f.content]));
  const metas = [...byPath.keys()].filter((p) => /^pagefind\.[^/]+\.pf_meta$/.test(p));
  const fragments = [...byPath].filter(([p]) => p.startsWith('fragment/'));
  // An archive with nothing to index (every article a draft) gets no metadata from Pagefind.
  if (metas.length === 0 && fragments.length === 0) return { fragment: 0, chunks: [] };
  if (metas.length !== 1) throw new Error(`search index: expected one Pagefind metadata file, found ${metas.length}`);
  const fragment = fragments.length ? Math.round(fragments.reduce((s, [, c]) => s + c.length, 0) / fragments.length) : 0;
  return { fragment, chunks: chunkList(metas[0], byPath) };
}

/** The chunks listed in a metadata file, each as [from, to, size of its file]. */
function chunkList(metaPath: string, byPath: Map<string, Uint8Array>): ChunkMap['chunks'] {
  const meta = decodeCbor(readPagefindFile(metaPath, byPath.get(metaPath)!));
  const list = Array.isArray(meta) ? meta[2] : undefined;
  if (!Array.isArray(list)) throw new Error(`search index: ${metaPath} has no chunk list where Pagefind 1.6 writes it`);
  const isText = (v: CborValue): v is string => typeof v === 'string';
  return list.map((c, i): [string, string, number] => {
    if (!Array.isArray(c) || !isText(c[0]) || !isText(c[1]) || !isText(c[2]))
      throw new Error(`search index: chunk ${i} of ${metaPath} is not [from, to, hash]`);
    const file = byPath.get(`index/${c[2]}.pf_index`);
    if (!file) throw new Error(`search index: chunk ${c[2]} listed in ${metaPath} has no file`);
    return [c[0], c[1], file.length];
  });
}
