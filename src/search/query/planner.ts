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
 * (`src/search/chunk-map.ts`); the planner asks for the cheap keys first and, once it knows
 * how many candidates there are, checks them on their text or asks for the
 * rest of the keys, whichever downloads less. Either way the result is exact;
 * the plan only changes the bytes.
 */
import { chunksFor, type ChunkMap } from '../chunk-map.ts';
import { cheapestCover } from './cover.ts';

/** A phrase lookup: keys [start, end) of term `term`; with a `cover`, read from the position table by those pairs (their starts). */
export interface Lookup {
  term: number;
  start: number;
  end: number;
  cover?: number[];
}

export type Step =
  /** The index has decided every term: the candidates are the results. */
  | { kind: 'done' }
  /** Check the candidates on their text (each page's fragment). */
  | { kind: 'check-text' }
  /** Ask the index for these phrases too, and intersect. */
  | { kind: 'look-up'; lookups: Lookup[] }
  /** Decide these terms by the positions of the pairs of each one's cover, and intersect. */
  | { kind: 'positions'; lookups: Lookup[] };

/** Extra pairs looked up before the planner gives up narrowing and asks for the rest. */
export const MAX_EXTRA_LOOKUPS = 2;

/** Pairs of one term asked of the pair table at first: a pasted passage needs no more to leave few candidates. */
export const MAX_FIRST_PAIRS = 8;

/**
 * Plans the lookups of one query (terms, each a phrase of keys) by what their
 * chunks cost. First, a term of three keys or more is looked up by its
 * cheapest adjacent pair, widened over neighbours whose chunks that pair
 * loads anyway — when the keys left out cost more than `worth` bytes (the
 * fragments of one page of results, which are loaded to show them anyway);
 * every other term is looked up whole. Then, as long as some term is not
 * decided by the index, `next` weighs the candidates found so far: check them
 * on their text, narrow them with another cheap pair, or ask for the rest of
 * the keys — whichever downloads least. Without a chunk map every term is
 * looked up whole at once.
 *
 * With a pair table (`src/search/pairs.ts`, counted in the chunk map) a
 * lookup of two keys costs a small slice and no Pagefind chunk: the first
 * round then asks only for pairs — every term of two keys or more, by its
 * pairs — and the terms of one key wait until the candidates are known,
 * when their text may decide them for less than Pagefind's chunks.
 *
 * With a position table (`src/search/positions.ts`) a term whose pairs were
 * all looked up in that round is decided by the positions of its cheapest
 * cover, when that costs less than the candidates' fragments: Pagefind is
 * not asked.
 */
export class SearchPlanner {
  private readonly terms: string[][];
  private readonly map: ChunkMap | undefined;
  private readonly worth: number;
  /** The chunks of each key of each term, found once: `chunksFor` scans the whole map. */
  private readonly keyChunks: number[][][];
  private readonly loaded = new Set<number>();
  private readonly whole: boolean[];
  private readonly asked: [number, number][][];
  private readonly pairTable: boolean;
  /** Pages each pair of each term was found on, by the pair's start, once looked up. */
  private readonly pairPages: (number | undefined)[][];
  private extra = 0;

  constructor(terms: string[][], map: ChunkMap | undefined, worth: number) {
    this.terms = terms;
    this.map = map;
    this.worth = worth;
    this.keyChunks = terms.map((keys) => keys.map((k) => (map ? chunksFor(map, k) : [])));
    this.whole = terms.map(() => false);
    this.asked = terms.map(() => []);
    this.pairTable = (map?.pairSlices ?? 0) > 0;
    this.pairPages = terms.map(() => []);
  }

  /** What the lookups found: how many pages each. */
  found(lookups: Lookup[], pages: number[]): void {
    lookups.forEach((l, i) => {
      if (l.end - l.start === 2) this.pairPages[l.term][l.start] = pages[i];
    });
  }

  /**
   * The cheapest cover of a term by the position table and what reading it
   * downloads, once every pair of the term was looked up: a pair on
   * `ownFrom` pages or more reads its own record, any other a slice.
   */
  private positionCover(t: number): { cover: number[]; bytes: number } | undefined {
    const table = this.map?.positions;
    const keys = this.terms[t];
    if (!table || !this.pairTable || keys.length < 3) return undefined;
    const pages = this.pairPages[t];
    const cost: number[] = [];
    for (let s = 0; s + 1 < keys.length; s++) {
      const n = pages[s];
      if (n === undefined) return undefined;
      cost.push(n >= table.ownFrom ? n * table.entryBytes : table.sliceBytes);
    }
    const cover = cheapestCover(cost);
    return { cover, bytes: cover.reduce((sum, s) => sum + cost[s], 0) };
  }

  /** Chunks of keys [start, end) of term `t`. */
  private chunks(t: number, start = 0, end = this.terms[t].length): number[] {
    return this.keyChunks[t].slice(start, end).flat();
  }

  /** Bytes the chunks would add to what is loaded. */
  private newBytes(chunks: number[]): number {
    let bytes = 0;
    for (const c of new Set(chunks)) if (!this.loaded.has(c)) bytes += this.map!.chunks[c][2];
    return bytes;
  }

  /** The cheapest pair of the term not yet asked for, widened over neighbours in chunks loaded by then. */
  private cheapestPair(t: number): { lookup: Lookup; bytes: number } | undefined {
    const keys = this.terms[t];
    const overlaps = (a: number, b: number) => this.asked[t].some(([s, e]) => a < e && s < b);
    let best: { lookup: Lookup; bytes: number } | undefined;
    for (let a = 0; a + 2 <= keys.length; a++) {
      if (overlaps(a, a + 2)) continue;
      const bytes = this.newBytes(this.chunks(t, a, a + 2));
      if (!best || bytes < best.bytes) best = { lookup: { term: t, start: a, end: a + 2 }, bytes };
    }
    if (!best) return undefined;
    const after = new Set([...this.loaded, ...this.chunks(t, best.lookup.start, best.lookup.end)]);
    const free = (i: number) => !overlaps(i, i + 1) && this.keyChunks[t][i].every((c) => after.has(c));
    while (best.lookup.start > 0 && free(best.lookup.start - 1)) best.lookup.start--;
    while (best.lookup.end < keys.length && free(best.lookup.end)) best.lookup.end++;
    return best;
  }

  private ask(lookups: Lookup[]): Lookup[] {
    for (const l of lookups) {
      // The pair table answers a pair: Pagefind's chunks stay where they are.
      if (!(this.pairTable && l.end - l.start === 2)) for (const c of this.chunks(l.term, l.start, l.end)) this.loaded.add(c);
      this.asked[l.term].push([l.start, l.end]);
      if (l.start === 0 && l.end === this.terms[l.term].length) this.whole[l.term] = true;
    }
    return lookups;
  }

  /** Up to MAX_FIRST_PAIRS adjacent pairs of a term, spread over it. */
  private spreadPairs(t: number): Lookup[] {
    const pairs = this.terms[t].length - 1;
    const count = Math.min(pairs, MAX_FIRST_PAIRS);
    const starts = new Set(Array.from({ length: count }, (_, i) => (count === 1 ? 0 : Math.round((i * (pairs - 1)) / (count - 1)))));
    return [...starts].map((start) => ({ term: t, start, end: start + 2 }));
  }

  /** The first lookups: with a pair table, the pairs of every term that has them; otherwise one lookup per term. */
  first(): Lookup[] {
    if (this.pairTable && this.terms.some((keys) => keys.length >= 2)) {
      return this.ask(this.terms.flatMap((keys, t) => (keys.length >= 2 ? this.spreadPairs(t) : [])));
    }
    return this.ask(
      this.terms.map((keys, t) => {
        const whole = { term: t, start: 0, end: keys.length };
        if (!this.map || keys.length < 3) return whole;
        const pair = this.cheapestPair(t)!;
        const left = this.newBytes(this.chunks(t)) - this.newBytes(this.chunks(t, pair.lookup.start, pair.lookup.end));
        return left > this.worth ? pair.lookup : whole;
      }),
    );
  }

  /** Bytes of the chunks the rest of the undecided terms' keys would add. */
  restBytes(): number {
    return this.newBytes(this.terms.flatMap((_, t) => (this.whole[t] ? [] : this.chunks(t))));
  }

  /**
   * What to do once the lookups so far left `candidates` pages, `unchecked`
   * of them not loaded yet. Each step is one round trip; the choice only
   * changes the bytes, never the results.
   */
  next(candidates: number, unchecked: number): Step {
    const open = this.terms.map((_, t) => t).filter((t) => !this.whole[t]);
    if (open.length === 0 || candidates === 0) return { kind: 'done' };
    const covers = open.map((t) => this.positionCover(t));
    if (covers.every((c) => c !== undefined)) {
      // The position table decides every open term: read it, unless the text decides for less.
      if (unchecked * (this.map?.fragment ?? Infinity) <= covers.reduce((sum, c) => sum + c.bytes, 0)) return { kind: 'check-text' };
      return {
        kind: 'positions',
        lookups: this.ask(open.map((t, i) => ({ term: t, start: 0, end: this.terms[t].length, cover: covers[i].cover }))),
      };
    }
    const rest = this.restBytes();
    if (unchecked * (this.map?.fragment ?? Infinity) <= rest) return { kind: 'check-text' };
    if (this.extra < MAX_EXTRA_LOOKUPS) {
      const pairs = open.map((t) => this.cheapestPair(t)).filter((p) => p !== undefined);
      const cheapest = pairs.sort((a, b) => a.bytes - b.bytes)[0];
      // Narrowing pays when it costs well under the rest.
      if (cheapest && cheapest.bytes * 2 < rest) {
        this.extra++;
        return { kind: 'look-up', lookups: this.ask([cheapest.lookup]) };
      }
    }
    return { kind: 'look-up', lookups: this.ask(open.map((t) => ({ term: t, start: 0, end: this.terms[t].length }))) };
  }
}
