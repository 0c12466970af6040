import type { APIRoute } from 'astro';
import { getArchive, getArticles, getCitation, type Article } from '../../model/collections.ts';
import { formatRis } from '../../cite/citation.ts';
import { referenceExtras } from '../../cite/reference-manager.ts';

export async function getStaticPaths() {
  return (await getArticles()).map((article) => ({ params: { id: article.id }, props: { article } }));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { article } = props as { article: Article };
  const archive = await getArchive();
  const extras = referenceExtras(archive, archive.articleById.get(article.id)!, article.body ?? '');
  return new Response(formatRis(await getCitation(article, site), extras), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
};
