/**
 * schema.org JSON-LD for an article page: a NewsArticle about the hospitals
 * (MedicalOrganization) that mentions the people named in it. An author who
 * is one of those people links to their page, so a reader of the data can
 * tell the 通讯员 who is also a branch secretary from a namesake.
 */
import type { CitationInput } from './citation.ts';

export interface LinkedThing {
  name: string;
  url: string;
  alternateName?: string[];
}

export interface ArticleLinks {
  /** The hospitals it is about. */
  about: LinkedThing[];
  /** The people it names, with their pages. */
  mentions: LinkedThing[];
  /** The raw OCR text it was curated from. */
  sourceUrl: string;
  /** The report's lede. */
  description?: string;
}

/** An author as a Person, linked to their page when they are one of the people the article names. */
function authorOf(name: string, mentions: LinkedThing[]): Record<string, unknown> {
  const page = mentions.find((p) => p.name === name);
  return { '@type': 'Person', name, ...(page ? { url: page.url } : {}) };
}

export function newsArticleJsonLd(citation: CitationInput, links: ArticleLinks): Record<string, unknown> {
  const { about, mentions, sourceUrl, description } = links;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: citation.title,
    ...(citation.subtitle ? { alternativeHeadline: citation.subtitle.replace(/^[—–-]+/u, '') } : {}),
    datePublished: citation.date.value,
    inLanguage: 'zh-CN',
    url: citation.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': citation.url },
    ...(description ? { description } : {}),
    ...(citation.authors.length > 0 ? { author: citation.authors.map((name) => authorOf(name, mentions)) } : {}),
    ...(citation.newspaper ? { publisher: { '@type': 'Organization', name: citation.newspaper.value } } : {}),
    ...(citation.page ? { pageStart: citation.page } : {}),
    about: about.map((h) => ({
      '@type': 'MedicalOrganization',
      name: h.name,
      url: h.url,
      ...(h.alternateName?.length ? { alternateName: h.alternateName } : {}),
    })),
    mentions: mentions.map((p) => ({ '@type': 'Person', name: p.name, url: p.url })),
    isBasedOn: sourceUrl,
  };
}

/** JSON for a `<script>` element: `<` escaped so the text can never close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
