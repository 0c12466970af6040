/**
 * The names table: every hospital and person of the archive with its names,
 * derived from its entry at build time (`src/content-model/hospital-names.ts`,
 * so the search page ships no derivation code), and the indexed pages
 * that mention it by any of those names. The site writes the facts
 * (`NAMES_SOURCE`, from `src/pages/search/names.json.ts`); the index builder
 * adds the pages and writes `NAMES_FILE`, which the search page loads to
 * turn a query term that is a name into all of its names.
 */
import { tokenize, type Fold, type Token } from './tokenizer.ts';

export const NAMES_SOURCE = 'search/names.json';
export const NAMES_FILE = 'pagefind/names.json.gz';

export interface NamedEntity {
  kind: 'hospital' | 'person';
  id: string;
  /** The official name. */
  name: string;
  /** Where it is, for its card: 江西省 宜春市 高安市; a person's hospitals. */
  place: string;
  /** Site path of its page, without the base: `/hospitals/<id>/`. */
  path: string;
  /** Every name, official first (`allHospitalNames`). */
  names: string[];
  /** Reports about it, by the articles' data. */
  reports: number;
  /** Pagefind ids of the indexed pages that mention it by any of its names (written by the index builder). */
  pages?: string[];
}

export interface NamesTable {
  entities: NamedEntity[];
}

/** A name's keys, as a query term of it would have them (joining punctuation and case do not count). */
export function nameKeys(name: string, fold: Fold): string[] {
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

/** The entity a term's keys name exactly, if any. */
export function entityNamed(table: NamesTable, keys: string[], fold: Fold): { entity: NamedEntity; names: string[][] } | undefined {
  const wanted = keys.join(' ');
  for (const entity of table.entities) {
    const names = entityKeys(entity, fold);
    if (names.some((n) => n.join(' ') === wanted)) return { entity, names };
  }
  return undefined;
}

/** Whether a page's tokens hold any of the names (key sequences) in a row. */
export function mentionsAny(tokens: Token[], names: string[][]): boolean {
  // One character per key, so a name is a substring: encoded keys (punctuation) never occur in names.
  const text = tokens.map((t) => ([...t.key].length === 1 ? t.key : '\u0000')).join('');
  return names.some((n) => text.includes(n.join('')));
}
