/**
 * Every hospital and person with all their names (`src/content-model/hospital-names.ts`),
 * for the search index builder (`src/search/names.ts`): it adds the pages
 * that mention each one and writes the table the search page loads.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../model/collections.ts';
import type { NamedEntity, NamesTable } from '../../search/names.ts';
import { allHospitalNames, personNames } from '../../content-model/hospital-names.ts';

/** Distinct non-empty places, outermost first: 重庆市 大足区. */
const placeOf = (...places: (string | undefined)[]) => places.filter((p, i) => p && places.indexOf(p) === i).join(' ');

export const GET: APIRoute = async () => {
  const archive = await getArchive();
  const reportsOf = (mentions: { article: string }[]) => new Set(mentions.map((m) => m.article)).size;
  const hospitals: NamedEntity[] = [...archive.hospitals.values()].map((h) => {
    const d = h.entry.data;
    const facts = { name: d.name, aliases: d.aliases, province: d.province.value, city: d.city?.value, county: d.county?.value };
    return {
      kind: 'hospital',
      id: h.id,
      name: d.name,
      place: placeOf(facts.province, facts.city, facts.county),
      names: allHospitalNames(facts),
      path: `/hospitals/${h.id}/`,
      reports: reportsOf(h.articles),
    };
  });
  const people: NamedEntity[] = [...archive.people.values()].map((p) => {
    const d = p.entry.data;
    return {
      kind: 'person',
      id: p.id,
      name: d.name,
      place: p.hospitals.map((h) => archive.hospitals.get(h)?.entry.data.name ?? '').join('、'),
      names: personNames(d.name, d.roles),
      path: `/people/${p.id}/`,
      reports: reportsOf(p.mentions),
    };
  });
  const table: NamesTable = { entities: [...hospitals, ...people] };
  return new Response(JSON.stringify(table), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
