import type { APIRoute } from 'astro';
import { getArticles, getCitation, type Article } from '../../model/collections.ts';
import { formatRis } from '../../cite/citation.ts';

export async function getStaticPaths() {
  return (await getArticles()).map((article) => ({ params: { id: article.id }, props: { article } }));
}

export const GET: APIRoute = async ({ props, site }) =>
  new Response(formatRis(await getCitation((props as { article: Article }).article, site)), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
