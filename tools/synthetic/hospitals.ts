/**
 * The places and hospitals of a synthetic archive: about one city for ten
 * reports and one hospital for four, each hospital with the facts its intro
 * sentence states (city, county, level, category, founding year and, for
 * most, the province).
 */
import { PROVINCES } from '../../src/content-model/provinces.ts';
import type { Namer } from './names.ts';
import { chance, int, pick, shuffle, type Rng } from './random.ts';
import { HOSPITAL_KINDS, type Syl } from './vocabulary.ts';

type Province = (typeof PROVINCES)[number];
type HospitalKind = (typeof HOSPITAL_KINDS)[number];

export interface City {
  stem: string;
  py: string;
  /** `stem` + 市. */
  name: string;
  province: Province;
  counties: Syl[];
}

export interface Hospital {
  id: string;
  name: string;
  aliases: string[];
  /** How the text refers to it after the first mention: its alias, or its name. */
  short: string;
  province: Province;
  city: string;
  county?: string;
  level: string;
  category: string;
  founded?: number;
  /** Whether its intro sentence names the province; when not, the province is an inferred fact. */
  provinceStated: boolean;
  intro: string;
  /** Source of the first article that introduces it: its facts cite this. */
  home?: string;
  secretary?: string;
  president?: string;
}

/** Where a hospital is: a city, and for county and township hospitals (and some city ones) a county of it. */
interface Place {
  kind: HospitalKind;
  city: City;
  county?: Syl;
  countyName?: string;
}

// The special administrative regions and Taiwan have no 市/县 hierarchy like the mainland's.
const MAINLAND = PROVINCES.filter((p) => !['taiwan', 'hongkong', 'macau'].includes(p.id));

export function makeCities(rng: Rng, namer: Namer, reports: number): City[] {
  return Array.from({ length: Math.max(2, Math.ceil(reports / 10)) }, () => {
    const [stem, py] = namer.place();
    return { stem, py, name: `${stem}市`, province: pick(rng, MAINLAND), counties: [] as Syl[] };
  });
}

/** About one hospital for four reports, in random order; names are unique. */
export function makeHospitals(rng: Rng, namer: Namer, cities: City[], reports: number): Hospital[] {
  const count = Math.max(3, Math.round(reports / 4));
  const hospitals: Hospital[] = [];
  const taken = new Set<string>();
  while (hospitals.length < count) {
    const place = locate(rng, namer, pick(rng, HOSPITAL_KINDS), pick(rng, cities));
    const { name, slugPlace } = nameHospital(namer, place);
    if (taken.has(name)) continue;
    taken.add(name);
    hospitals.push(describeHospital(rng, namer, place, name, slugPlace));
  }
  return shuffle(rng, hospitals);
}

function locate(rng: Rng, namer: Namer, kind: HospitalKind, city: City): Place {
  if (kind.city && !chance(rng, 0.4)) return { kind, city };
  const county = city.counties.length > 0 && chance(rng, 0.5) ? pick(rng, city.counties) : namer.place();
  if (!city.counties.includes(county)) city.counties.push(county);
  return { kind, city, county, countyName: `${county[0]}${chance(rng, 0.5) ? '县' : '区'}` };
}

/** The hospital's name, and the place part of its id. */
function nameHospital(namer: Namer, { kind, city, county, countyName }: Place): { name: string; slugPlace: string } {
  if (kind.slug === 'township') {
    const [town, townPy] = namer.place();
    return { name: `${countyName}${town}${kind.suffix}`, slugPlace: `${county![1]}-${townPy}` };
  }
  if (kind.city) return { name: `${city.name}${kind.suffix}`, slugPlace: city.py };
  return { name: `${countyName}${kind.suffix}`, slugPlace: county![1] };
}

function describeHospital(rng: Rng, namer: Namer, { kind, city, county, countyName }: Place, name: string, slugPlace: string): Hospital {
  const stem = kind.city ? city.stem : county![0];
  const aliases = kind.alias && chance(rng, 0.5) ? [`${stem}${kind.alias}`] : [];
  const provinceStated = chance(rng, 0.8);
  const founded = chance(rng, 0.7) ? int(rng, 1900, 2005) : undefined;
  const level = pick(rng, kind.level);
  const place = `${city.name}${countyName ?? ''}`;
  const intro =
    `${name}${provinceStated ? `位于${city.province.name}${place}` : `地处${place}`}` +
    `${founded ? `，始建于${founded}年` : ''}，是一所${level}${kind.category}。`;
  return {
    id: namer.uniqueId(`${slugPlace}-${kind.slug}`),
    name,
    aliases,
    short: aliases[0] ?? name,
    province: city.province,
    city: city.name,
    county: countyName,
    level,
    category: kind.category,
    founded,
    provinceStated,
    intro,
  };
}
