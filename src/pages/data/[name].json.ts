import type { APIRoute } from 'astro';
import { getExports } from '../../model/collections.ts';
import { exportSchemas, type ExportName } from '../../cite/data-export.ts';

export function getStaticPaths() {
  return Object.keys(exportSchemas).map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const records = (await getExports(site))[params.name as ExportName];
  return new Response(`${JSON.stringify(records, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
