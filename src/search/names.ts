/**
 * The names table: every hospital, person, province and measure of the
 * archive with its names, derived from its entry at build time
 * (`src/model/named-entities.ts`, so the search page ships no derivation
 * code), the pages about it by the archive's data, and — for hospitals and
 * people, whose names stand for one another in a query — the indexed pages
 * that mention it by any of its names. The site writes the facts
 * (`NAMES_SOURCE`); the index builder adds the pages and writes the table in
 * slices (`namesSliceFile`), by the whole name, so a query term loads the one
 * slice that holds it if it is a name, however large the archive grows (by
 * first character, the slice of 党 held every 党委书记X: 600 KB at 10,000
 * reports). Names as you type and the offers of an empty result need names
 * by their first character instead: the name list (`nameListFile`), names
 * only, sliced by first key. Both slice counts are in the chunk map.
 */
import { sliceOf } from './slices.ts';
import { tokenize, type Fold } from './tokenizer.ts';

export const NAMES_SOURCE = 'search/names.json';

/** Where the index builder writes slice `i` of the names table (gzip of JSON `NamesTable`). */
export const namesSliceFile = (i: number) => `pagefind/names/${i}.json.gz`;

/** Where the index builder writes slice `i` of the name list (gzip of JSON `NameList`). */
export const nameListFile = (i: number) => `pagefind/name-list/${i}.json.gz`;

/** Names readers type and are offered, by first key: each with its kind. */
export interface NameList {
  names: [name: string, kind: EntityKind][];
}

export type EntityKind = 'hospital' | 'person' | 'province' | 'measure';

/** Kinds whose names stand for one another: a query term that is one of them finds pages with any (docs/search.md). */
export const EXPANDING_KINDS: ReadonlySet<EntityKind> = new Set(['hospital', 'person']);

export interface NamedEntity {
  kind: EntityKind;
  id: string;
  /** The official name. */
  name: string;
  /** What its card says about where it is: 江西省 宜春市 高安市; a person's or measure's hospitals; a province's hospital count. */
  place: string;
  /** Site path of its page, without the base: `/hospitals/<id>/`. */
  path: string;
  /** Every name, official first (`allHospitalNames`). */
  names: string[];
  /** Reports about it, by the articles' data. */
  reports: number;
  /**
   * The names offered as the reader types and when nothing is found: the
   * official name and the names the reports use, not a hospital's derived
   * forms or a person's titled ones, which would crowd the list with near
   * copies (written by the site; the index builder moves them to the name list).
   */
  listed?: string[];
  /** Site paths of the pages about it by the archive's data: its own page and its articles (written by the site). */
  aboutPaths?: string[];
  /** Pagefind ids of `aboutPaths` that are indexed (written by the index builder in place of `aboutPaths`). */
  about?: string[];
  /** Expanding kinds only: Pagefind ids of the indexed pages that mention it by any of its names, newest first (written by the index builder). */
  pages?: string[];
}

export interface NamesTable {
  entities: NamedEntity[];
}

/** What a name, or a query term, is sliced by: its keys as one string. */
export const nameSliceKey = (keys: string[]) => keys.join(' ');

/** The table cut into `slices` parts: an entity is in the slice of each of its names. */
export function sliceTable(table: NamesTable, slices: number, fold: Fold): NamesTable[] {
  const out: NamesTable[] = Array.from({ length: slices }, () => ({ entities: [] }));
  for (const entity of table.entities) {
    const homes = new Set(entityKeys(entity, fold).map((keys) => sliceOf(nameSliceKey(keys), slices)));
    for (const i of homes) out[i].entities.push(entity);
  }
  return out;
}

/**
 * The names a reader is offered (`listed`), cut into `slices` parts by
 * first key.
 */
export function sliceNameList(table: NamesTable, slices: number, fold: Fold): NameList[] {
  const out: NameList[] = Array.from({ length: slices }, () => ({ names: [] }));
  for (const entity of table.entities) {
    for (const name of entity.listed ?? [entity.name]) {
      const keys = nameKeys(name, fold);
      if (keys.length > 0) out[sliceOf(keys[0], slices)].names.push([name, entity.kind]);
    }
  }
  return out;
}

/** One table from loaded slices, each entity once, in slice order. */
export function mergeSlices(slices: NamesTable[]): NamesTable {
  const seen = new Map<string, NamedEntity>();
  for (const slice of slices) for (const e of slice.entities) seen.set(`${e.kind}:${e.id}`, e);
  return { entities: [...seen.values()] };
}

const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * A name's keys, as a query term of it would have them (joining punctuation
 * and case do not count). A name of Han characters only — nearly all — has
 * one key a character, its folded form, so it skips the tokenizer: a query
 * compares every name of its slice, thousands at 10,000 reports, and
 * tokenizing them all kept the page busy for 0.3 s.
 */
export function nameKeys(name: string, fold: Fold): string[] {
  const nf = name.normalize('NFKC');
  if (HAN_ONLY.test(nf)) return [...nf].map(fold);
  return tokenize(name, fold).map((t) => t.key);
}

/** Every name of an entity as keys, longest first, without duplicates. */
export function entityKeys(entity: NamedEntity, fold: Fold): string[][] {
  const seen = new Map<string, string[]>();
  for (const name of entity.names) {
    const keys = nameKeys(name, fold);
    if (keys.length > 0) seen.set(keys.join(' '), keys);
  }
  return [...seen.values()].sort((a, b) => b.length - a.length);
}

/**
 * The entity a term's keys name exactly, if any; a hospital or person before
 * a province or measure of the same name, so a shared name keeps finding
 * every page that names the hospital or person.
 */
export function entityNamed(table: NamesTable, keys: string[], fold: Fold): { entity: NamedEntity; names: string[][] } | undefined {
  const wanted = keys.join(' ');
  let other: { entity: NamedEntity; names: string[][] } | undefined;
  for (const entity of table.entities) {
    const names = entityKeys(entity, fold);
    if (!names.some((n) => n.join(' ') === wanted)) continue;
    if (EXPANDING_KINDS.has(entity.kind)) return { entity, names };
    other ??= { entity, names };
  }
  return other;
}
