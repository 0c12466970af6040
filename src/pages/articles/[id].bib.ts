import type { APIRoute } from 'astro';
import { getArticles, getCitation, getReferenceExtras, type Article } from '../../model/collections.ts';
import { formatBibtex } from '../../cite/citation.ts';

export async function getStaticPaths() {
  return (await getArticles()).map((article) => ({ params: { id: article.id }, props: { article } }));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { article } = props as { article: Article };
  const extras = await getReferenceExtras(article);
  return new Response(formatBibtex(await getCitation(article, site), extras), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
};
