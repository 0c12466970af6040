/**
 * The search page's query loop (src/search/query/run-plan.ts) against an
 * in-memory index of a few hundred generated reports. The fake index answers
 * a phrase of keys as Pagefind's exact mode does on one-token-per-character
 * content: the pages whose keys hold the phrase in a row. Its chunk map
 * imitates Pagefind's layout (keys sorted by code point, chunks of about the
 * same number of occurrences, so a common character fills a chunk of its
 * own), so the planner takes every path: pair lookups first, extra pairs,
 * checks on the text, and whole-phrase lookups. Whatever the plan, every
 * query must find exactly the pages whose text holds every term — truth taken
 * as the search checker takes it (tools/shared/search-truth.ts), not from
 * the tokenizer.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedPages, generateQueries, type Query } from '../../tools/synthetic/queries.ts';
import { ROOT } from '../../tools/shared/project.ts';
import { evalNormalize, type TruthPage } from '../../tools/shared/search-truth.ts';
import { generateArchive } from '../../tools/synthetic/generate.ts';
import { plainText } from '../../src/model/body-text.ts';
import { compareCodePoints, type ChunkMap } from '../../src/search/chunk-map.ts';
import { runPlan, type PlanRun } from '../../src/search/query/run-plan.ts';
import { MAX_FIRST_PAIRS } from '../../src/search/query/planner.ts';
import { t2sTable } from '../../src/search/t2s-table.ts';
import { foldWith } from '../../src/search/t2s.ts';
import { decodeContent, encodeContent } from '../../src/search/content-codec.ts';
import { isExact, parseQuery } from '../../src/search/query-terms.ts';
import { pageText, type PageText } from '../../src/search/query/page-text.ts';
import { tokenize, type Token } from '../../src/search/tokenizer.ts';
import { gunzipSync } from 'node:zlib';
import { PairCollector } from '../../src/search/index/pairs-file.ts';
import { pageSliceFile, pairKey, pairPagesIn, pairSliceFile, pairSliceOf, PAGES_PER_SLICE } from '../../src/search/pairs.ts';
import { pagesWithPhrase, type PositionTable, positionFileOf, positionsIn } from '../../src/search/positions.ts';

const REPORTS = 300;
const SEED = 20240609;
/** Occurrences per chunk: Pagefind's chunks hold about the same number each. */
const CHUNK_OCCURRENCES = 2000;
/** What one occurrence costs in a chunk file, and one token in a fragment, in bytes (roughly Pagefind's, gzipped). */
const BYTES_PER_OCCURRENCE = 1.5;
const BYTES_PER_TOKEN = 1;
const PAGE_SIZE = 10;

const fold = foldWith(t2sTable());

interface IndexedPage {
  id: string;
  tokens: Token[];
  /** Keys joined with a separator no key contains, framed by it, for phrase search. */
  joined: string;
}

/** The generated articles' reading text, as the built pages show it (plain text of the Markdown body). */
function generatedPages(): TruthPage[] {
  const sources = join(ROOT, 'content/sources');
  const corpus = readdirSync(sources)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(sources, f), 'utf8'));
  const archive = generateArchive({ reports: REPORTS, seed: SEED, corpus, avoid: ['安康市中心医院'] });
  const pages = [...archive.files]
    .filter(([path]) => path.startsWith('articles/'))
    .map(([path, text]) => ({ url: path, text: plainText(parseFrontmatter(text).content) }));
  return Object.assign(pages, { names: archive.names });
}

const SEP = '\u0001';
const frame = (keys: string[]) => `${SEP}${keys.join(SEP)}${SEP}`;

function indexPages(pages: TruthPage[]): IndexedPage[] {
  return pages.map((p) => {
    const tokens = tokenize(p.text, fold);
    return { id: p.url, tokens, joined: frame(tokens.map((t) => t.key)) };
  });
}

/** Pagefind's exact mode on one key per character: pages whose keys hold the phrase in a row; an empty phrase is every page. */
function fakeLookUp(index: IndexedPage[]) {
  return async (phrases: string[][]) =>
    phrases.map((keys) => {
      const needle = frame(keys);
      return index.filter((p) => keys.length === 0 || p.joined.includes(needle)).map((p) => p.id);
    });
}

/**
 * The pair table as the index builder writes it (pages numbered in reverse
 * file order, to stand for a date order that is not the index's), read back
 * as the search page reads it: a two-key phrase's pages from its slice, the
 * numbers turned into ids by the page table.
 */
interface PairTable {
  slices: number;
  positions: PositionTable;
  lookUp: (keys: string[]) => string[];
  /** A phrase's pages by the positions of its cover's pairs, read as the search page reads them. */
  lookUpPositions: (keys: string[], cover: number[]) => string[];
}

function pairTableOf(index: IndexedPage[]): PairTable {
  const collector = new PairCollector();
  for (const p of index)
    collector.add(
      p.id,
      p.tokens.map((t) => t.key),
    );
  const order = index.map((p) => p.id).reverse();
  const { slices, files, positions } = collector.files(order, new Map(order.map((id) => [id, `id:${id}`])));
  // Each file inflated once, as the page fetches it once.
  const inflated = new Map<string, Uint8Array>();
  const read = (path: string) => {
    const file = files.get(path);
    if (!file) throw new Error(`no file ${path}`);
    if (!inflated.has(path)) inflated.set(path, new Uint8Array(gunzipSync(file)));
    return inflated.get(path)!;
  };
  const numbersOf = (pair: string) => pairPagesIn(read(pairSliceFile(pairSliceOf(pair, slices))), pair);
  const pageIds = (part: number) => JSON.parse(new TextDecoder().decode(read(pageSliceFile(part)))) as string[];
  const idsOf = (numbers: number[]) => {
    const parts = new Map<number, string[]>();
    return numbers.map((n) => {
      const part = Math.floor(n / PAGES_PER_SLICE);
      if (!parts.has(part)) parts.set(part, pageIds(part));
      return parts.get(part)![n % PAGES_PER_SLICE].slice('id:'.length);
    });
  };
  const positionsOf = (pair: string) => {
    const pages = numbersOf(pair).length;
    return positionsIn(read(positionFileOf(pair, pages, positions)), pair, pages, positions);
  };
  return {
    slices,
    positions,
    lookUp: ([a, b]) => idsOf(numbersOf(pairKey(a, b))),
    lookUpPositions: (keys, cover) =>
      idsOf(pagesWithPhrase(cover.map((s) => ({ offset: s, positions: positionsOf(pairKey(keys[s], keys[s + 1])) })))),
  };
}

/** Keys sorted by code point into chunks of about CHUNK_OCCURRENCES occurrences; a key is never split. */
function chunkMapOf(index: IndexedPage[]): ChunkMap {
  const counts = new Map<string, number>();
  for (const p of index) for (const t of p.tokens) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
  const keys = [...counts.keys()].sort(compareCodePoints);
  const chunks: ChunkMap['chunks'] = [];
  let from = 0;
  let occurrences = 0;
  keys.forEach((key, i) => {
    occurrences += counts.get(key)!;
    if (occurrences < CHUNK_OCCURRENCES && i < keys.length - 1) return;
    chunks.push([keys[from], key, Math.round(occurrences * BYTES_PER_OCCURRENCE)]);
    from = i + 1;
    occurrences = 0;
  });
  const tokens = index.reduce((s, p) => s + p.tokens.length, 0);
  return { fragment: Math.round((tokens / index.length) * BYTES_PER_TOKEN), chunks };
}

/** Queries that put punctuation at a term's edge, or a term of punctuation only: always checked on the text. */
/** Joining punctuation is skipped on both sides (docs/search.md): the checker's truth without it. */
const JOINING = /[、“”‘’《》〈〉「」『』·・‧"']/gu;
const withoutJoins = (s: string) => s.replace(JOINING, '');

function punctuationQueries(pages: TruthPage[]): Query[] {
  const found = new Set<string>();
  for (const p of pages.slice(0, 40)) {
    const edge = /\p{Script=Han}{3}[，。]/u.exec(p.text)?.[0];
    if (edge) found.add(edge);
    const quoted = /[，。]\p{Script=Han}{2,4}/u.exec(p.text)?.[0];
    if (quoted) found.add(quoted);
  }
  const terms = [...found].slice(0, 10);
  const queries = terms.map((q, i): Query => ({ id: `punct-${i}`, category: 'punct', q, match: [q] }));
  queries.push({ id: 'punct-only', category: 'punct', q: `${terms[0].slice(0, 2)} ，`, match: [terms[0].slice(0, 2), '，'] });
  return queries;
}

interface Run {
  query: Query;
  expected: string[];
  plan: PlanRun;
  /** Phrases the run asked of Pagefind (with a pair table, pairs go to the table). */
  pagefind: number;
}

/** Every query through the loop, with this chunk map and, when given, a pair table answering pairs. */
async function runAll(
  queries: Query[],
  truth: { url: string; text: string }[],
  index: IndexedPage[],
  chunks: ChunkMap,
  pairs?: PairTable,
): Promise<Run[]> {
  const texts = new Map(index.map((p) => [p.id, p.tokens]));
  const pagefind = fakeLookUp(index);
  const out: Run[] = [];
  for (const query of queries) {
    const loaded = new Set<string>();
    let asked = 0;
    const plan = await runPlan(
      { terms: parseQuery(query.q, fold), chunks, pageSize: PAGE_SIZE },
      {
        lookUp: (phrases) =>
          Promise.all(
            phrases.map(async (keys) => {
              if (pairs && keys.length === 2) return pairs.lookUp(keys);
              asked++;
              return (await pagefind([keys]))[0];
            }),
          ),
        lookUpPositions: async (phrases) => {
          if (!chunks.positions || !pairs) throw new Error('positions asked without a position table');
          return phrases.map(({ keys, cover }) => pairs.lookUpPositions(keys, cover));
        },
        isLoaded: (id) => loaded.has(id),
        // The page text as the search page gets it: decoded from the record's content.
        loadPage: async (id): Promise<PageText> => {
          loaded.add(id);
          return pageText(decodeContent(encodeContent(texts.get(id)!)));
        },
        isCurrent: () => true,
      },
    );
    const match = query.match.map(withoutJoins).filter(Boolean);
    out.push({ query, expected: expectedPages(match, truth), plan: plan!, pagefind: asked });
  }
  return out;
}

let runs: Run[];
let pairRuns: Run[];
let positionRuns: Run[];
let map: ChunkMap;

beforeAll(async () => {
  const pages = generatedPages() as TruthPage[] & { names: Parameters<typeof generateQueries>[0] };
  const truth = pages.map((p) => ({ url: p.url, text: withoutJoins(evalNormalize(p.text)) }));
  const index = indexPages(pages);
  map = chunkMapOf(index);
  const queries = [...generateQueries(pages.names, truth, { seed: SEED }), ...punctuationQueries(pages)];
  runs = await runAll(queries, truth, index, map);
  const table = pairTableOf(index);
  pairRuns = await runAll(queries, truth, index, { ...map, pairSlices: table.slices }, table);
  positionRuns = await runAll(queries, truth, index, { ...map, pairSlices: table.slices, positions: table.positions }, table);
}, 120_000);

/** The lookups after the first round trip. */
const laterRounds = (run: Run) => run.plan.rounds.slice(1).flat();
const termLength = (run: Run, term: number) => parseQuery(run.query.q, fold)[term].keys.length;

describe(`the query loop on ${REPORTS} generated reports`, () => {
  it('asks a varied query set of the index', () => {
    expect(runs.length).toBeGreaterThan(150);
    expect(new Set(runs.map((r) => r.query.category))).toEqual(
      new Set(['hospital', 'alias', 'person', 'measure', 'word', 'phrase', 'traditional', 'multi', 'latin', 'single', 'absent', 'punct']),
    );
    // Common characters fill chunks of their own, as in a large archive.
    expect(map.chunks.filter(([from, to]) => from === to).length).toBeGreaterThan(10);
  });

  it('finds exactly the pages that hold every term', () => {
    const wrong = runs
      .filter((r) => JSON.stringify(r.plan.ids) !== JSON.stringify(r.expected))
      .map((r) => ({ q: r.query.q, got: r.plan.ids.length, expected: r.expected.length }));
    expect(wrong).toEqual([]);
    expect(runs.filter((r) => r.query.category === 'absent').every((r) => r.plan.ids.length === 0)).toBe(true);
  });

  it('takes every path of the planner', () => {
    const pairFirst = runs.filter((r) => r.plan.rounds[0].some((l) => l.end - l.start < termLength(r, l.term)));
    const extraPair = runs.filter((r) => laterRounds(r).some((l) => l.end - l.start < termLength(r, l.term)));
    const wholeAfter = runs.filter((r) => laterRounds(r).some((l) => l.start === 0 && l.end === termLength(r, l.term)));
    const checked = runs.filter((r) => r.plan.checked > 0);
    const indexOnly = runs.filter((r) => r.plan.checked === 0);
    expect({
      pairFirst: pairFirst.length >= 20,
      extraPair: extraPair.length >= 10,
      wholeAfter: wholeAfter.length >= 10,
      checked: checked.length >= 20,
      indexOnly: indexOnly.length >= 20,
    }).toEqual({ pairFirst: true, extraPair: true, wholeAfter: true, checked: true, indexOnly: true });
  });

  it('finds exactly the same pages with a pair table, asking Pagefind only for what the pairs cannot decide', () => {
    const wrong = pairRuns
      .filter((r) => JSON.stringify([...r.plan.ids].sort()) !== JSON.stringify([...r.expected].sort()))
      .map((r) => ({ q: r.query.q, got: r.plan.ids.length, expected: r.expected.length }));
    expect(wrong).toEqual([]);
    // A query of two-key terms and names needs no Pagefind at all; most queries need none.
    const twoKeys = pairRuns.filter((r) =>
      parseQuery(r.query.q, fold).every((t) => t.keys.length === 2 && !t.punct && !t.lead && !t.trail),
    );
    expect(twoKeys.length).toBeGreaterThan(5);
    expect(twoKeys.filter((r) => r.pagefind > 0).map((r) => r.query.q)).toEqual([]);
    // A query with a term of two keys or more asks only for pairs first: its other terms wait for the candidates.
    const paired = pairRuns.filter((r) => parseQuery(r.query.q, fold).some((t) => t.keys.length >= 2));
    expect(paired.filter((r) => r.plan.rounds[0].some((l) => l.end - l.start !== 2)).map((r) => r.query.q)).toEqual([]);
    // Never more Pagefind lookups than without the table, and far fewer in all.
    const before = new Map(runs.map((r) => [r.query.id, r.pagefind]));
    expect(pairRuns.filter((r) => r.pagefind > before.get(r.query.id)!).map((r) => r.query.q)).toEqual([]);
    const total = (list: Run[]) => list.reduce((n, r) => n + r.pagefind, 0);
    expect(total(pairRuns)).toBeLessThan(total(runs) / 2);
  });

  it('finds exactly the same pages with a position table, asking Pagefind only for terms it cannot cover', () => {
    const wrong = positionRuns
      .filter((r) => JSON.stringify([...r.plan.ids].sort()) !== JSON.stringify([...r.expected].sort()))
      .map((r) => ({ q: r.query.q, got: r.plan.ids.length, expected: r.expected.length }));
    expect(wrong).toEqual([]);
    const covered = positionRuns.filter((r) => r.plan.rounds.some((round) => round.some((l) => l.cover)));
    expect(covered.length).toBeGreaterThan(30);
    // Terms of two keys up to as many as the first round asks all pairs of: the tables decide them, Pagefind is never asked.
    const coverable = positionRuns.filter((r) =>
      parseQuery(r.query.q, fold).every((t) => t.keys.length >= 2 && t.keys.length <= MAX_FIRST_PAIRS + 1 && !t.punct),
    );
    expect(coverable.length).toBeGreaterThan(100);
    expect(coverable.filter((r) => r.pagefind > 0).map((r) => r.query.q)).toEqual([]);
    // A term decided by positions needs no check on its text (but for punctuation at its edge); Pagefind is asked far less.
    const exact = (r: Run) => parseQuery(r.query.q, fold).every(isExact);
    expect(covered.filter((r) => exact(r) && r.plan.checked > 0).map((r) => r.query.q)).toEqual([]);
    const before = new Map(pairRuns.map((r) => [r.query.id, r.pagefind]));
    expect(positionRuns.filter((r) => r.pagefind > before.get(r.query.id)!).map((r) => r.query.q)).toEqual([]);
    const total = (list: Run[]) => list.reduce((n, r) => n + r.pagefind, 0);
    expect(total(positionRuns)).toBeLessThan(total(pairRuns) / 5);
  });

  it('checks punctuation at a term’s edge on the text, however few the candidates', () => {
    const punct = runs.filter((r) => r.query.category === 'punct');
    expect(punct.filter((r) => r.plan.checked === 0 && r.plan.ids.length > 0).map((r) => r.query.q)).toEqual([]);
    expect(punct.filter((r) => r.expected.length > 0).length).toBeGreaterThan(5);
  });
});
