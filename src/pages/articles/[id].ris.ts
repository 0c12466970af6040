import type { APIRoute } from 'astro';
import { getArticles, getCitation, getReferenceExtras, type Article } from '../../model/collections.ts';
import { formatRis } from '../../cite/citation.ts';

export async function getStaticPaths() {
  return (await getArticles()).map((article) => ({ params: { id: article.id }, props: { article } }));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { article } = props as { article: Article };
  const extras = await getReferenceExtras(article);
  return new Response(formatRis(await getCitation(article, site), extras), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
};
