import type { APIRoute } from 'astro';
import { getExports } from '../../model/collections.ts';
import { exportCsv, exportSchemas, type ExportName } from '../../cite/data-export.ts';

export function getStaticPaths() {
  return Object.keys(exportSchemas).map((name) => ({ params: { name } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const name = params.name as ExportName;
  const records = (await getExports(site))[name];
  return new Response(exportCsv(name, records as never), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
