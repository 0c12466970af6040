/**
 * The key pages the tools and browser tests look at (screenshots, Lighthouse,
 * accessibility), found in a built site: one page of each kind. A kind the
 * build has no page of (a small fixture site without hospitals) is left out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pagesUnder } from './dist.ts';
import { NAMES_SOURCE, type NamesTable } from '../../src/search/names.ts';

export interface KeyPage {
  name: string;
  /** Path under the site's base, with trailing slash (and a query for the search page). */
  path: string;
}

/** The article with the most text: the one that tests long-form typography hardest. */
export function longestArticle(dist: string): string | undefined {
  const sizes = pagesUnder(dist, 'articles').map((id) => ({ id, size: readFileSync(join(dist, 'articles', id, 'index.html')).length }));
  return sizes.sort((a, b) => b.size - a.size)[0]?.id;
}

export function keyPages(dist: string, all = false): KeyPage[] {
  const pages: KeyPage[] = [{ name: 'home', path: '' }];
  const article = longestArticle(dist);
  if (article) pages.push({ name: 'article', path: `articles/${article}/` });
  // The search page with a query, so results and filters are on it.
  if (existsSync(join(dist, 'search/index.html'))) pages.push({ name: 'search', path: `search/?q=${encodeURIComponent('党建')}` });
  const hospital = pagesUnder(dist, 'hospitals')[0];
  if (hospital) pages.push({ name: 'hospital', path: `hospitals/${hospital}/` });
  if (!all) return pages;
  const first = (dir: string) => pagesUnder(dist, dir)[0];
  for (const [name, dir] of [
    ['province', 'provinces'],
    ['person', 'people'],
    ['measure', 'measures'],
    ['source', 'sources'],
  ] as const) {
    const id = first(dir);
    if (id) pages.push({ name, path: `${dir}/${id}/` });
  }
  for (const [name, path] of [
    ['articles', 'articles/'],
    ['measures', 'measures/'],
    ['provinces', 'provinces/'],
    ['about', 'about/'],
    ['data', 'data/'],
  ] as const) {
    if (existsSync(join(dist, path, 'index.html'))) pages.push({ name, path });
  }
  return [...pages, ...searchStates(dist)];
}

/**
 * The search page's other states: a query that is a hospital's name (its
 * card above the results), one that finds nothing (the offers), and the
 * concordance of a common term (`view=kwic`, a screen of rows).
 */
function searchStates(dist: string): KeyPage[] {
  const hospital = pagesUnder(dist, 'hospitals')[0];
  const namesFile = join(dist, NAMES_SOURCE);
  if (!hospital || !existsSync(join(dist, 'search/index.html')) || !existsSync(namesFile)) return [];
  // The site's own record of the hospital's name (what the search page's names table is made from).
  const { entities } = JSON.parse(readFileSync(namesFile, 'utf8')) as NamesTable;
  const name = entities.find((e) => e.kind === 'hospital' && e.id === hospital)?.name;
  const query = (q: string) => `search/?q=${encodeURIComponent(q)}`;
  return [
    ...(name ? [{ name: 'search-card', path: query(name) }] : []),
    // Traditional characters and a two-term query: all three kinds of offer.
    { name: 'search-none', path: query(`${name ? name.slice(0, 2) : '医院'}中醫醫館 党建`) },
    { name: 'search-kwic', path: `${query('党建')}&view=kwic` },
  ];
}
