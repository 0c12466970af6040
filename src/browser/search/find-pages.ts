/**
 * Every page that holds the query: names resolved from the names table,
 * two-key words from the pair table, anything else through the planner
 * (src/search/query/run-plan.ts), which weighs pairs, positions, checks on
 * the text and Pagefind.
 */
import { entityNamed, EXPANDING_KINDS, type NamedEntity, type NamesTable } from '../../search/names.ts';
import { pairKey } from '../../search/pairs.ts';
import { intersectOrdered } from '../../search/query/intersect.ts';
import type { PlanRun } from '../../search/query/run-plan.ts';
import { isExact, pagefindPhrase, type QueryTerm } from '../../search/query-terms.ts';
import type { Fold } from '../../search/tokenizer.ts';
import { binaryFile, chunkMap, idsOfNumbers, ownResult, pairNumbers } from './index-files.ts';
import { PAGE_SIZE } from './options.ts';
import { pagefind, type PagefindResult } from './pagefind.ts';
import { isFetched, textToCheck } from './pages.ts';

export interface FoundPages {
  plan: PlanRun;
  /** Each page found, by id, for loading its fragment later. */
  byId: Map<string, PagefindResult>;
}

/**
 * Terms that name a hospital or person become all of its names
 * (`alternatives`); returns the entity each term names, by term.
 */
export function resolveNames(terms: QueryTerm[], table: NamesTable | undefined, fold: Fold): Map<QueryTerm, NamedEntity> {
  const named = new Map<QueryTerm, NamedEntity>();
  if (!table) return named;
  for (const term of terms) {
    if (term.punct || term.lead || term.trail) continue;
    const found = entityNamed(table, term.keys, fold);
    if (!found) continue;
    if (EXPANDING_KINDS.has(found.entity.kind)) term.alternatives = found.names;
    named.set(term, found.entity);
  }
  return named;
}

/**
 * The index's answer to each phrase: a pair from the pair table when the
 * archive has one, anything else from Pagefind (started only then). Every
 * page found is kept by id, for loading its fragment later.
 */
function indexLookUp(found: Map<string, PagefindResult>, pairTable: number) {
  const keep = (ids: string[]) => {
    for (const id of ids) if (!found.has(id)) found.set(id, ownResult(id));
    return ids;
  };
  const fromPagefind = async (keys: string[]) => {
    const pf = await pagefind();
    // A punctuation-only term may stand where no key holds it: every page is a candidate, its text decides.
    const r = await pf.search(keys.length ? pagefindPhrase(keys) : null, { sort: { date: 'desc' } });
    // A page found only through its meta data (title, anchors) does not hold the term in its text.
    const own = (r?.results ?? []).filter((x) => !x.matchedMetaFields?.length);
    for (const x of own) if (!found.has(x.id)) found.set(x.id, x);
    return own.map((x) => x.id);
  };
  return (phrases: string[][]) =>
    Promise.all(
      phrases.map((keys) =>
        pairTable > 0 && keys.length === 2
          ? pairNumbers(pairKey(keys[0], keys[1]), pairTable).then(idsOfNumbers).then(keep)
          : fromPagefind(keys),
      ),
    );
}

/**
 * Every page that holds the query, with each one's Pagefind result; undefined
 * when the search is no longer current. A term that names a hospital holds
 * on the pages the names table lists for it (any of its names, decided at
 * build time).
 */
export async function findPages(
  terms: QueryTerm[],
  named: Map<QueryTerm, NamedEntity>,
  isCurrent: () => boolean,
): Promise<FoundPages | undefined> {
  const found = new Map<string, PagefindResult>();
  // A province or measure named only gets its card: its name is searched as typed.
  const byNames = new Map([...named].filter(([, e]) => EXPANDING_KINDS.has(e.kind)));
  const plain = terms.filter((t) => !byNames.has(t));
  const namedPages = [...byNames.values()].map((e) => new Set(e.pages));
  const onNamedPages = (id: string) => namedPages.every((pages) => pages.has(id));
  if (plain.length === 0) {
    // Only names: the names table lists their pages, newest first; Pagefind is not asked.
    const ids = [...byNames.values()][0].pages!.filter(onNamedPages);
    for (const id of ids) found.set(id, ownResult(id));
    return { plan: { ids, checked: 0, rounds: [] }, byId: found };
  }
  const chunks = await chunkMap();
  const pairTable = chunks?.pairSlices ?? 0;
  const lookUp = indexLookUp(found, pairTable);
  if (pairTable > 0 && plain.every((t) => t.keys.length === 2 && isExact(t))) {
    // Names and two-key words only: the pair table decides every term; the planner is not loaded.
    const lists = await lookUp(plain.map((t) => t.keys));
    if (!isCurrent()) return undefined;
    const ids = intersectOrdered(lists).filter(onNamedPages);
    return { plan: { ids, checked: 0, rounds: [plain.map((_, term) => ({ term, start: 0, end: 2 }))] }, byId: found };
  }
  // Longer terms and terms of one key: the planner weighs pairs, checks on the text and Pagefind.
  const { runPlan } = await import('../../search/query/run-plan.ts');
  const plan = await runPlan(
    { terms: plain, chunks, pageSize: PAGE_SIZE },
    {
      lookUp,
      lookUpPositions: async (phrases) =>
        (await import('./position-lookup.ts')).positionLookUp(phrases, chunks!, {
          pairNumbers,
          idsOfNumbers,
          binaryFile,
        }),
      isLoaded: isFetched,
      loadPage: (id) => textToCheck(found.get(id)!, plain),
      isCurrent,
    },
  );
  if (!plan) return undefined;
  const ids = plan.ids.filter(onNamedPages);
  return { plan: { ...plan, ids }, byId: found };
}
