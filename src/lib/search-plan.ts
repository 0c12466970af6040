/**
 * Which index keys a query asks Pagefind for first, by what they cost to
 * download.
 *
 * Every key is one character, and Pagefind's word index is split into chunks
 * of about the same number of occurrences, so a common character (医, 院, 人)
 * fills a chunk of its own that grows with the archive: 600 KB at 10,000
 * reports. A long term does not need all its characters from the index to be
 * found: its cheapest adjacent pair (泰南 in 泰南市第一人民医院) finds a few
 * candidate pages, and the page text, which is loaded anyway to show a
 * result, decides the rest. The index builder writes what each chunk costs
 * (CHUNKS_FILE); the planner asks for the cheap keys first and, once it knows
 * how many candidates there are, checks them on their text or asks for the
 * rest of the keys, whichever downloads less. Either way the result is exact;
 * the plan only changes the bytes.
 */

/** Where the index builder writes the chunk map (gzip of JSON `ChunkMap`), beside Pagefind's files. */
export const CHUNKS_FILE = 'pagefind/chunks.json.gz';

export interface ChunkMap {
  /** Mean size in bytes of a page's fragment file: what checking one candidate on its text downloads. */
  fragment: number;
  /** Pagefind's word index chunks in order: first word, last word (as Pagefind trims them), file size in bytes. */
  chunks: [from: string, to: string, bytes: number][];
}

/** Order of Pagefind's (Rust) string comparison: by code point, not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  }
  return x.length - y.length;
}

/**
 * Chunks a lookup of `word` loads: Pagefind's rule, every chunk with
 * from ≤ word ≤ to; when none (a word past a trimmed `to`), the last chunk
 * that starts at or before it.
 */
export function chunksFor(map: ChunkMap, word: string): number[] {
  const out: number[] = [];
  let before = -1;
  map.chunks.forEach(([from, to], i) => {
    if (compareCodePoints(from, word) > 0) return;
    before = i;
    if (compareCodePoints(word, to) <= 0) out.push(i);
  });
  return out.length > 0 || before < 0 ? out : [before];
}

/** Bytes of the distinct chunks the keys need. */
export function keyBytes(map: ChunkMap, keys: Iterable<string>): number {
  const chunks = new Set<number>();
  for (const key of keys) for (const c of chunksFor(map, key)) chunks.add(c);
  let bytes = 0;
  for (const c of chunks) bytes += map.chunks[c][2];
  return bytes;
}

export interface TermPlan {
  /** Keys [start, end) of the term asked for first, as one phrase. */
  start: number;
  end: number;
  /** The first lookup is the whole term: the index alone decides it. */
  whole: boolean;
}

export interface QueryPlan {
  terms: TermPlan[];
  /** Some term is looked up in part: its candidates still need checking (text) or the rest of its keys (index). */
  partial: boolean;
  /** Bytes of the chunks the rest of the keys would add. */
  restBytes: number;
  /** Mean bytes of checking one candidate on its text. */
  fragmentBytes: number;
}

/**
 * Plan a query of terms (each a phrase of keys). A term of three keys or more
 * is looked up first by its cheapest adjacent pair, widened over neighbours
 * whose chunks that pair already loads (free selectivity) — but only when the
 * keys left out cost more than `worth` bytes, the fragments of one page of
 * results, which are loaded to show them anyway. Without a chunk map every
 * term is looked up whole.
 */
export function planQuery(terms: string[][], map: ChunkMap | undefined, worth: number): QueryPlan {
  const plans: TermPlan[] = terms.map((keys) => ({ start: 0, end: keys.length, whole: true }));
  if (!map) return { terms: plans, partial: false, restBytes: 0, fragmentBytes: 0 };
  terms.forEach((keys, t) => {
    if (keys.length < 3) return;
    let best = 0;
    let bestBytes = Infinity;
    for (let a = 0; a + 2 <= keys.length; a++) {
      const bytes = keyBytes(map, keys.slice(a, a + 2));
      if (bytes < bestBytes) [best, bestBytes] = [a, bytes];
    }
    let start = best;
    let end = best + 2;
    const loaded = new Set(keys.slice(start, end).flatMap((k) => chunksFor(map, k)));
    const free = (k: string) => chunksFor(map, k).every((c) => loaded.has(c));
    while (start > 0 && free(keys[start - 1])) start--;
    while (end < keys.length && free(keys[end])) end++;
    if (keyBytes(map, keys) - keyBytes(map, keys.slice(start, end)) > worth) plans[t] = { start, end, whole: false };
  });
  const first = terms.flatMap((keys, t) => keys.slice(plans[t].start, plans[t].end));
  const restBytes = keyBytes(map, terms.flat()) - keyBytes(map, first);
  return { terms: plans, partial: plans.some((p) => !p.whole), restBytes, fragmentBytes: map.fragment };
}

/**
 * After the first lookups: check `unchecked` candidates on their text, or
 * look up the rest of the keys? Whichever downloads less.
 */
export function checkOnText(plan: QueryPlan, unchecked: number): boolean {
  return unchecked * plan.fragmentBytes <= plan.restBytes;
}
