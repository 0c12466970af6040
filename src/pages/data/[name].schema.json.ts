import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { exportSchemas, type ExportName } from '../../cite/data-export.ts';

export function getStaticPaths() {
  return Object.keys(exportSchemas).map((name) => ({ params: { name } }));
}

/** JSON Schema of one record of `/data/<name>.json` (the file is an array of them). */
export const GET: APIRoute = ({ params }) => {
  const schema = z.toJSONSchema(z.array(exportSchemas[params.name as ExportName]));
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8' } });
};
