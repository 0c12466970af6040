/**
 * Every named thing of the archive a search query can name — hospitals,
 * people, provinces and measures — with its names, where it is, how many
 * reports are about it and which pages are about it by the archive's data.
 * The search page shows a card for the one a query names and ranks the
 * pages about it first (`src/search/names.ts`).
 */
import { allHospitalNames, personNames } from '../content-model/hospital-names.ts';
import { refId } from '../content-model/integrity.ts';
import type { EntityKind, NamedEntity } from '../search/names.ts';
import type { Archive } from './archive.ts';

/** Distinct non-empty places, outermost first: 重庆市 大足区. */
const placeOf = (...places: (string | undefined)[]) => places.filter((p, i) => p && places.indexOf(p) === i).join(' ');

const articlePath = (id: string) => `/articles/${id}/`;

/** Distinct articles of a list of mentions, in order. */
const articlesOf = (mentions: { article: string }[]) => [...new Set(mentions.map((m) => m.article))];

const FOLDERS: Record<EntityKind, string> = { hospital: 'hospitals', person: 'people', province: 'provinces', measure: 'measures' };

/** What every kind derives alike from its articles: its page, and the reports and pages about it. */
function located(kind: EntityKind, id: string, articles: string[]) {
  const path = `/${FOLDERS[kind]}/${id}/`;
  return { kind, id, path, reports: articles.length, aboutPaths: [path, ...articles.map(articlePath)] };
}

function hospitalEntities(archive: Archive): NamedEntity[] {
  return [...archive.hospitals.values()].map((h) => {
    const d = h.entry.data;
    const facts = { name: d.name, aliases: d.aliases, province: d.province.value, city: d.city?.value, county: d.county?.value };
    return {
      ...located('hospital', h.id, articlesOf(h.articles)),
      name: d.name,
      place: placeOf(facts.province, facts.city, facts.county),
      names: allHospitalNames(facts),
      listed: [d.name, ...(d.aliases ?? [])],
    };
  });
}

function personEntities(archive: Archive): NamedEntity[] {
  return [...archive.people.values()].map((p) => {
    const d = p.entry.data;
    return {
      ...located('person', p.id, articlesOf(p.mentions)),
      name: d.name,
      place: p.hospitals.map((h) => archive.hospitals.get(h)?.entry.data.name ?? '').join('、'),
      // A reader may type a doubtful name as it probably was (`readings`), with a title or without.
      names: [...new Set([d.name, ...d.readings].flatMap((name: string) => personNames(name, d.roles)))],
      listed: [d.name],
    };
  });
}

function provinceEntities(archive: Archive): NamedEntity[] {
  return archive.provinces.map(({ province, hospitals, articles }) => ({
    ...located('province', province.id, articles),
    name: province.name,
    place: `${hospitals.length} 家医院`,
    names: [province.name, province.short],
    listed: [province.name],
  }));
}

function measureEntities(archive: Archive): NamedEntity[] {
  return [...archive.measures.values()].map((m) => {
    const d = m.entry.data;
    return {
      ...located('measure', m.id, [refId(d.article) ?? '']),
      name: d.name,
      place: archive.hospitals.get(refId(d.hospital) ?? '')?.entry.data.name ?? '',
      names: [d.name],
    };
  });
}

/** Hospitals and people first: when a name is shared, the search page takes the first entity that has it. */
export function namedEntities(archive: Archive): NamedEntity[] {
  return [...hospitalEntities(archive), ...personEntities(archive), ...provinceEntities(archive), ...measureEntities(archive)];
}
