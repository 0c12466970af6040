/**
 * schema.org JSON-LD for an article page: a NewsArticle about the hospitals
 * (MedicalOrganization) that mentions the people named in it.
 */
import type { CitationInput } from './citation.ts';

export interface LinkedThing {
  name: string;
  url: string;
  alternateName?: string[];
}

export function newsArticleJsonLd(
  citation: CitationInput,
  about: LinkedThing[],
  mentions: LinkedThing[],
  sourceUrl: string,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: citation.title,
    ...(citation.subtitle ? { alternativeHeadline: citation.subtitle.replace(/^[—–-]+/u, '') } : {}),
    datePublished: citation.date.value,
    inLanguage: 'zh-CN',
    url: citation.url,
    ...(citation.authors.length > 0 ? { author: citation.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
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
