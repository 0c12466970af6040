/**
 * Queries over the collections shared by pages. Pages stay thin: they ask
 * here and render.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { ContentIntegrityError, findIntegrityProblems } from '../content-model/integrity.ts';
import { buildArchive, type Archive } from './archive.ts';
import { buildListings, type Listings } from './listings.ts';
import { correctionMarkIds } from '../content-model/correction-marks.ts';
import { articleAuthors } from '../cite/authors.ts';
import { citationFor } from '../cite/citation.ts';
import { exportRecords } from '../cite/data-export.ts';
import { referenceExtras } from '../cite/reference-manager.ts';
import { absoluteUrl } from './urls.ts';

export type Article = CollectionEntry<'articles'>;
export type Hospital = CollectionEntry<'hospitals'>;

let integrity: Promise<void> | undefined;

/** Runs once per build; every page reads content through here, so a broken reference stops the build. */
function checkIntegrity(): Promise<void> {
  integrity ??= (async () => {
    const [articles, hospitals, people, measures] = await Promise.all([
      getCollection('articles'),
      getCollection('hospitals'),
      getCollection('people'),
      getCollection('measures'),
    ]);
    const problems = findIntegrityProblems({ articles, hospitals, people, measures });
    if (problems.length > 0) throw new ContentIntegrityError(problems);
  })();
  return integrity;
}

let sortedArticles: Promise<Article[]> | undefined;

/** Articles in archive order: by date, then by source id, then by id. Sorted once per build; do not mutate. */
export function getArticles(): Promise<Article[]> {
  sortedArticles ??= sortArticles();
  return sortedArticles;
}

async function sortArticles(): Promise<Article[]> {
  await checkIntegrity();
  // Drafts from the import tool are checked with the rest but not published.
  const articles = await getCollection('articles', ({ data }) => !data.draft);
  return articles.sort(
    (a, b) =>
      a.data.date.value.value.localeCompare(b.data.date.value.value) ||
      a.data.source.localeCompare(b.data.source) ||
      a.id.localeCompare(b.id),
  );
}

export async function getArticleHospitals(article: Article): Promise<Hospital[]> {
  const entries = await Promise.all(article.data.hospitals.map((ref: { id: string }) => getEntry('hospitals', ref.id)));
  return entries.filter((h): h is Hospital => h !== undefined);
}

/** Correction ids marked `[[cN]]` in an article's Markdown body. */
export function markedCorrections(body: string | undefined): Set<string> {
  return new Set(correctionMarkIds(body ?? ''));
}

let archive: Promise<Archive> | undefined;

/** The browse model (see `archive.ts`), built once per build. */
export function getArchive(): Promise<Archive> {
  archive ??= (async () => {
    await checkIntegrity();
    const [articles, hospitals, people, measures] = await Promise.all([
      getArticles(),
      getCollection('hospitals'),
      getCollection('people'),
      getCollection('measures'),
    ]);
    const bodies = new Map(articles.map((a) => [a.id, a.body ?? '']));
    return buildArchive({ articles, hospitals, people, measures, bodies });
  })();
  return archive;
}

let listings: Promise<Listings> | undefined;

/** The browse lists' order and groups (see `listings.ts`), built once per build. */
export function getListings(): Promise<Listings> {
  listings ??= getArchive().then(buildListings);
  return listings;
}

/** Citation data of an article, with its authors as `articleAuthors` finds them. */
export async function getCitation(article: Article, site: URL | undefined) {
  const archive = await getArchive();
  const authors = articleAuthors(archive, archive.articleById.get(article.id)!);
  return citationFor(article.id, article.data, absoluteUrl(`/articles/${article.id}/`, site), authors);
}

/** The lede and tags reference managers take from an article (its page head, COinS, RIS and BibTeX). */
export async function getReferenceExtras(article: Article) {
  const archive = await getArchive();
  return referenceExtras(archive, archive.articleById.get(article.id)!, article.body ?? '');
}

/** The data downloads' records, with absolute URLs for this site. */
export async function getExports(site: URL | undefined) {
  return exportRecords(await getArchive(), (path) => absoluteUrl(path, site));
}
