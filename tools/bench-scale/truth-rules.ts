/**
 * The truth a scale run scores both builds against: what the project's
 * search page promises readers (docs/search.md), not bare substrings —
 * joining punctuation skipped, and a hospital's or person's name finding the
 * pages with any of its names, as the built site's names table lists them
 * (`search/names.json`, written by the site before the index). Plain
 * Pagefind is held to the same promise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPANDING_KINDS, NAMES_SOURCE, type NamesTable } from '../../src/search/names.ts';
import { evalNormalize } from '../shared/search-truth.ts';
import { JOINING, type TruthRules } from '../synthetic/queries.ts';

export function siteTruthRules(projectDist: string): TruthRules {
  const file = join(projectDist, NAMES_SOURCE);
  if (!existsSync(file)) throw new Error(`${file}: the project build wrote no names table, so the truth cannot know which terms are names`);
  const table = JSON.parse(readFileSync(file, 'utf8')) as NamesTable;
  const key = (name: string) => evalNormalize(name).replace(JOINING, '');
  const byName = new Map<string, string[]>();
  // The first entity with a name keeps it, as on the search page (hospitals, then people).
  for (const e of table.entities)
    if (EXPANDING_KINDS.has(e.kind)) for (const n of e.names) if (!byName.has(key(n))) byName.set(key(n), e.names);
  return { skipJoining: true, alternatives: (term) => byName.get(key(term)) };
}
