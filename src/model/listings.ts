/**
 * The order and grouping of each browse list, for `paginate()`: hospitals by
 * province, people by the pinyin of their names (grouped by initial, the
 * surname read as a surname: 曾 zeng, 单 shan), measures by kind and then by
 * the pinyin of their names. Computed once per build (`getListings()` in
 * collections.ts), because sorting tens of thousands of names by pinyin is
 * not work for every page.
 */
import { pinyin } from 'pinyin-pro';
import { MEASURE_KINDS } from '../content-model/labels.ts';
import type { Province } from '../content-model/provinces.ts';
import type { Archive, HospitalView, MeasureView, PersonView } from './archive.ts';
import { groupIndex, type GroupLink, type Page } from './pagination.ts';

/** A name's pinyin as a sort key: syllables with tone numbers, lower case, other characters dropped (`曾国藩` → `zeng1 guo2 fan1`). */
export function pinyinKey(name: string, opts: { surname?: boolean } = {}): string {
  return pinyin(name, { toneType: 'num', type: 'array', nonZh: 'consecutive', surname: opts.surname ? 'head' : 'off' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9ü]/g, ''))
    .filter(Boolean)
    .join(' ');
}

/** The index letter of a sort key: its first letter in upper case, or `#` when it starts with a digit or has none. */
export function initialOf(key: string): string {
  const c = key.charAt(0).toUpperCase();
  return /[A-Z]/.test(c) ? c : '#';
}

interface Keyed<T> {
  item: T;
  key: string;
  name: string;
  id: string;
}

/** Sorts by key, then by the name's code points, then by id: a total order, so page contents are reproducible. */
function byKey<T>(a: Keyed<T>, b: Keyed<T>): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sortedByPinyin<T extends { id: string; entry: { data: any } }>(items: Iterable<T>, surname: boolean): Keyed<T>[] {
  return [...items]
    .map((item) => ({ item, id: item.id, name: String(item.entry.data.name), key: pinyinKey(item.entry.data.name, { surname }) }))
    .sort(byKey);
}

export interface HospitalEntry {
  hospital: HospitalView;
  province: Province;
}

export interface PersonEntry {
  person: PersonView;
  /** Index letter, A–Z or #. */
  initial: string;
}

export interface MeasureEntry {
  measure: MeasureView;
  kind: keyof typeof MEASURE_KINDS;
}

export interface Listings {
  /** Every hospital, province by province in the archive's province order, each province's hospitals in its order. */
  hospitals: HospitalEntry[];
  /** Every person by the pinyin of the name. */
  people: PersonEntry[];
  /** Every measure, kind by kind in the order of MEASURE_KINDS, each kind's by the pinyin of the name. */
  measures: MeasureEntry[];
}

export function buildListings(archive: Archive): Listings {
  const hospitals = archive.provinces.flatMap((p) =>
    p.hospitals.map((id) => ({ hospital: archive.hospitals.get(id)!, province: p.province })),
  );
  const people = sortedByPinyin(archive.people.values(), true).map((k) => ({ person: k.item, initial: initialOf(k.key) }));
  const kindOrder = Object.keys(MEASURE_KINDS) as (keyof typeof MEASURE_KINDS)[];
  const byKind = Map.groupBy(archive.measures.values(), (m) => m.entry.data.kind as keyof typeof MEASURE_KINDS);
  const unknown = [...byKind.keys()].filter((k) => !kindOrder.includes(k));
  if (unknown.length > 0) throw new Error(`buildListings: measure kind(s) ${unknown.join(', ')} have no label in MEASURE_KINDS`);
  const measures = kindOrder.flatMap((kind) => sortedByPinyin(byKind.get(kind) ?? [], false).map((k) => ({ measure: k.item, kind })));
  return { hospitals, people, measures };
}

/** Where each measure kind starts in the paginated measures list, for the list's kind index and the home page. */
export function measureKindIndex(pages: readonly Page<MeasureEntry>[]): GroupLink<keyof typeof MEASURE_KINDS>[] {
  return groupIndex(pages, (m) => m.kind, groupAnchor.kind);
}

/** Anchor of a group heading on a list page; the group indexes link to it. */
export const groupAnchor = {
  province: (id: string) => `province-${id}`,
  initial: (initial: string) => `initial-${initial === '#' ? 'other' : initial}`,
  kind: (kind: string) => `kind-${kind}`,
};

/** Where each province starts in the paginated hospitals list. */
export function hospitalProvinceIndex(pages: readonly Page<HospitalEntry>[]): GroupLink<string>[] {
  return groupIndex(pages, (h) => h.province.id, groupAnchor.province);
}

/** Where each initial starts in the paginated people list. */
export function peopleInitialIndex(pages: readonly Page<PersonEntry>[]): GroupLink<string>[] {
  return groupIndex(pages, (p) => p.initial, groupAnchor.initial);
}
