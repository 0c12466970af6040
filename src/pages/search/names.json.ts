/**
 * Every named thing of the archive with its names (`src/model/named-entities.ts`),
 * for the search index builder (`src/search/names.ts`): it adds the pages
 * that mention each one, slices the table and writes what the search page loads.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../model/collections.ts';
import { namedEntities } from '../../model/named-entities.ts';
import type { NamesTable } from '../../search/names.ts';

export const GET: APIRoute = async () => {
  const table: NamesTable = { entities: namedEntities(await getArchive()) };
  return new Response(JSON.stringify(table), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
