/**
 * The key pages the design scripts look at (screenshots, Lighthouse, size),
 * found in a built site. Pages other engineers add later (search, hospitals)
 * are simply left out while they do not exist yet.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface KeyPage {
  name: string;
  /** Path under the site's base, with trailing slash (and a query for the search page). */
  path: string;
}

/** The sub-folders of `dist/<dir>/` that hold a page, sorted. */
function pagesUnder(dist: string, dir: string): string[] {
  const root = join(dist, dir);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => statSync(join(root, d)).isDirectory() && existsSync(join(root, d, 'index.html')))
    .sort();
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
  for (const [name, dir] of [['province', 'provinces'], ['person', 'people'], ['measure', 'measures'], ['source', 'sources']] as const) {
    const id = first(dir);
    if (id) pages.push({ name, path: `${dir}/${id}/` });
  }
  for (const [name, path] of [['articles', 'articles/'], ['measures', 'measures/'], ['provinces', 'provinces/'], ['about', 'about/'], ['data', 'data/']] as const) {
    if (existsSync(join(dist, path, 'index.html'))) pages.push({ name, path });
  }
  return pages;
}
