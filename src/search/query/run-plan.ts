/**
 * One query from the first lookup to the exact result, without the DOM or
 * Pagefind: the planner (`planner.ts`) decides round by round what to ask the
 * index next; the id lists are intersected; the candidates are checked on
 * their text when the planner says so, or when a term has punctuation at its
 * edge (which the index cannot decide). The search page injects Pagefind and
 * its fragment loader; the unit test injects an in-memory index.
 */
import type { ChunkMap } from '../chunk-map.ts';
import { isExact, type QueryTerm } from '../query-terms.ts';
import type { PageText } from './page-text.ts';
import { pageHits } from './engine.ts';
import { intersectOrdered } from './intersect.ts';
import { SearchPlanner, type Lookup } from './planner.ts';

export interface PlanQuery {
  terms: QueryTerm[];
  /** Without a chunk map every term is looked up whole. */
  chunks: ChunkMap | undefined;
  /** Results shown at a time: their fragments are loaded anyway, which makes leaving keys out worth it. */
  pageSize: number;
}

export interface PlanIo {
  /**
   * The index's answer to phrases of keys, one id list per phrase: the pages
   * whose text holds the keys in a row, in the index's order. An empty phrase
   * (a term of punctuation only) stands for every page.
   */
  lookUp(phrases: string[][]): Promise<string[][]>;
  /**
   * The pages whose text holds each phrase, decided by the position table
   * from the pairs of its cover (their starts in the phrase); asked only when
   * the chunk map has a position table.
   */
  lookUpPositions?(phrases: { keys: string[]; cover: number[] }[]): Promise<string[][]>;
  /** Whether a page's text is loaded already, so checking it downloads nothing. */
  isLoaded(id: string): boolean;
  /** A candidate's text, for the check. */
  loadPage(id: string): Promise<PageText>;
  /** False once a newer query has started: the run stops at its next await. */
  isCurrent(): boolean;
}

export interface PlanRun {
  /** Every page that holds every term, in the order of the first lookup's list. */
  ids: string[];
  /** How many candidates were checked on their text; 0 when the index decided. */
  checked: number;
  /** The lookups of each round trip to the index, first to last. */
  rounds: Lookup[][];
}

/** The pages that hold every term, or undefined when a newer query took over. */
export async function runPlan(query: PlanQuery, io: PlanIo): Promise<PlanRun | undefined> {
  const { terms, chunks, pageSize } = query;
  const planner = new SearchPlanner(
    terms.map((t) => t.keys),
    chunks,
    pageSize * (chunks?.fragment ?? 0),
  );
  const rounds: Lookup[][] = [];
  const ask = async (lookups: Lookup[]) => {
    rounds.push(lookups);
    const keys = ({ term, start, end }: Lookup) => terms[term].keys.slice(start, end);
    // A round is all positions (the planner's `positions` step) or all phrases.
    const lists = await (lookups[0]?.cover
      ? lookUpPositions(
          io,
          lookups.map((l) => ({ keys: keys(l), cover: l.cover! })),
        )
      : io.lookUp(lookups.map(keys)));
    planner.found(
      lookups,
      lists.map((l) => l.length),
    );
    return lists;
  };
  const narrowed = await narrow(planner, ask, io);
  if (!narrowed) return undefined;
  // Punctuation typed at a term's edge is checked on each page's text before anything is counted.
  if (!narrowed.checkText && terms.every(isExact)) return { ids: narrowed.ids, checked: 0, rounds };
  const ids = await holdingAll(narrowed.ids, terms, io);
  return ids && { ids, checked: narrowed.ids.length, rounds };
}

/** The planner's rounds of lookups: the candidates, and whether the planner chose to check them on their text. */
async function narrow(
  planner: SearchPlanner,
  ask: (lookups: Lookup[]) => Promise<string[][]>,
  io: PlanIo,
): Promise<{ ids: string[]; checkText: boolean } | undefined> {
  let ids = intersectOrdered(await ask(planner.first()));
  if (!io.isCurrent()) return undefined;
  for (;;) {
    const step = planner.next(ids.length, ids.filter((id) => !io.isLoaded(id)).length);
    if (step.kind === 'done') return { ids, checkText: false };
    if (step.kind === 'check-text') return { ids, checkText: true };
    // Positions and further lookups alike narrow the candidates by intersection.
    const more = await ask(step.lookups);
    if (!io.isCurrent()) return undefined;
    ids = intersectOrdered([ids, ...more]);
  }
}

function lookUpPositions(io: PlanIo, phrases: { keys: string[]; cover: number[] }[]): Promise<string[][]> {
  if (!io.lookUpPositions) throw new Error('search: the chunk map has a position table, but nothing reads it');
  return io.lookUpPositions(phrases);
}

/** The candidates whose text holds every term. */
async function holdingAll(ids: string[], terms: QueryTerm[], io: PlanIo): Promise<string[] | undefined> {
  const pages = await Promise.all(ids.map((id) => io.loadPage(id)));
  if (!io.isCurrent()) return undefined;
  return ids.filter((_, i) => pageHits(pages[i], terms).all);
}
