import type { APIRoute } from 'astro';
import { listSourceIds, readSource } from '../../content-model/sources.ts';

export function getStaticPaths() {
  return listSourceIds().map((id) => ({ params: { id } }));
}

/** The source file itself, byte for byte. */
export const GET: APIRoute = ({ params }) =>
  new Response(readSource(String(params.id)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
