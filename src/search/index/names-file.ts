/**
 * The names table as the search page loads it (`src/search/names.ts`): the
 * site's entities with the Pagefind ids of the pages about each one and, for
 * hospitals and people, of every page that mentions it by any of its names;
 * cut into slices by the first key of each name.
 */
import { gzipSync } from 'node:zlib';
import {
  entityKeys,
  EXPANDING_KINDS,
  nameListFile,
  namesSliceFile,
  sliceNameList,
  sliceTable,
  type NamedEntity,
  type NamesTable,
} from '../names.ts';
import { sliceCount } from '../slices.ts';
import type { Fold, Token } from '../tokenizer.ts';

/**
 * A page's keys as one string: one character per key, a key of several
 * characters (punctuation) as U+0000, which no name holds. The index
 * builder keeps this, not the tokens, for every page: at 10,000 reports the
 * token objects of every page do not fit in the heap.
 */
export function keyText(tokens: Token[]): string {
  return tokens.map((t) => ([...t.key].length === 1 ? t.key : '\u0000')).join('');
}

/** Longest prefix names are bucketed by: a short one would gather every 党委书记X in one bucket. */
const PREFIX = 6;

/**
 * Finds which entities a page mentions by any of their names in one pass
 * over its text: candidate names by their first (up to six) UTF-16 units, so
 * the cost grows with the text, not with the number of entities times pages.
 */
export function mentionFinder(entities: NamedEntity[], fold: Fold): (text: string) => Set<number> {
  const byStart = new Map<string, { name: string; entity: number }[]>();
  entities.forEach((entity, i) => {
    for (const keys of entityKeys(entity, fold)) {
      const name = keys.join('');
      const start = name.slice(0, PREFIX);
      const bucket = byStart.get(start);
      if (bucket) bucket.push({ name, entity: i });
      else byStart.set(start, [{ name, entity: i }]);
    }
  });
  return (text) => {
    const found = new Set<number>();
    for (let at = 0; at < text.length; at++) {
      for (let k = 1; k <= PREFIX && at + k <= text.length; k++) {
        for (const c of byStart.get(text.slice(at, at + k)) ?? []) if (text.startsWith(c.name, at)) found.add(c.entity);
      }
    }
    return found;
  };
}

/** Each entity's `about` and (expanding kinds) `pages` as Pagefind ids; `aboutPaths` gives way to `about`. */
export function linkPages(table: NamesTable, keyTextByUrl: Map<string, string>, ids: Map<string, string>, fold: Fold): NamesTable {
  const expanding = table.entities.filter((e) => EXPANDING_KINDS.has(e.kind));
  const find = mentionFinder(expanding, fold);
  const pages = new Map(expanding.map((e): [NamedEntity, string[]] => [e, []]));
  for (const [url, text] of keyTextByUrl) for (const i of find(text)) pages.get(expanding[i])!.push(ids.get(url)!);
  const entities = table.entities.map((entity) => {
    const { aboutPaths, ...rest } = entity;
    const linked: NamedEntity = { ...rest, about: (aboutPaths ?? []).flatMap((path) => ids.get(path) ?? []) };
    const mentioning = pages.get(entity);
    if (mentioning) linked.pages = mentioning;
    return linked;
  });
  return { entities };
}

export interface NamesFiles {
  /** Slices of the names table and of the name list. */
  slices: number;
  listSlices: number;
  /** Path → gzip. */
  files: Map<string, Buffer>;
}

const gzipJson = (value: unknown) => gzipSync(JSON.stringify(value), { level: 9 });

/** The names table's and the name list's slice files. */
export function namesFiles(table: NamesTable, fold: Fold): NamesFiles {
  const lists = sliceNameList(table, 1, fold);
  const listSlices = sliceCount(JSON.stringify(lists[0]).length);
  const entities = table.entities.map(({ listed, ...entity }) => entity);
  const slices = sliceCount(JSON.stringify(entities).length);
  const files = new Map<string, Buffer>();
  sliceTable({ entities }, slices, fold).forEach((part, i) => files.set(namesSliceFile(i), gzipJson(part)));
  (listSlices === 1 ? lists : sliceNameList(table, listSlices, fold)).forEach((part, i) => files.set(nameListFile(i), gzipJson(part)));
  return { slices, listSlices, files };
}
