/**
 * Tables the search page loads in parts: the names table and name list
 * (names.ts) and the facet table (facets.ts) are cut into slices by a key,
 * each slice a file, so a query fetches the few slices its keys fall in.
 */

/**
 * JSON characters a slice holds at most, roughly: a query's names cost one small
 * file per term, its facets one per result page at most. Page ids hardly
 * compress, so a slice gzips to about half: at 10,000 reports 64 KB slices
 * of the names table came to 36 KiB each.
 */
export const SLICE_TARGET_BYTES = 16 * 1024;

/** How many slices a table of `jsonBytes` gets: a power of two, so slices stay near `target`. */
export function sliceCount(jsonBytes: number, target = SLICE_TARGET_BYTES): number {
  let n = 1;
  while (jsonBytes / n > target) n *= 2;
  return n;
}

/** The slice of `slices` that holds `key` (FNV-1a over its code points). */
export function sliceOf(key: string, slices: number): number {
  let h = 0x811c9dc5;
  for (const c of key) h = Math.imul(h ^ c.codePointAt(0)!, 0x01000193) >>> 0;
  return h % slices;
}
