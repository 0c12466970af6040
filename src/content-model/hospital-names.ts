/**
 * The names a hospital goes by, derived from its entry by the rules readers
 * use (docs/search.md, "Names"): with or without the province, city and
 * county it stands in (浙江省杭州市X医院, 杭州市X医院 and 杭州X医院 are one
 * hospital), 中医院 ↔ 中医医院, 医科大学 → 医大, 附属第一医院 → 附一院 / 附一.
 * The innermost place a name has always stays: 第一人民医院 alone names no
 * hospital. Pure, so the hospital page and the search index derive the same names.
 */

export interface HospitalNameFacts {
  name: string;
  aliases: readonly string[];
  province: string;
  city?: string;
  county?: string;
}

export interface HospitalNames {
  official: string;
  /** Short names the reports use, as curated in the entry. */
  curated: string[];
  /** Names the rules give, other than the official and curated ones. */
  derived: string[];
}

const PLACE_SUFFIX = /(?:省|市|自治区|自治州|地区|盟|区|县|自治县|旗)$/u;
/** Autonomous regions are called by their first characters: 广西壮族自治区 → 广西, 内蒙古自治区 → 内蒙古. */
const REGION = /^(内蒙古|广西|西藏|宁夏|新疆)/u;

/** The forms a place is written in: 杭州市 and 杭州 (a one-character stem keeps its suffix: 沙市 stays). */
export function placeForms(place: string): string[] {
  const region = REGION.exec(place)?.[1];
  if (region && region !== place) return [place, region];
  const stem = place.replace(PLACE_SUFFIX, '');
  return stem !== place && [...stem].length >= 2 ? [place, stem] : [place];
}

/** The place chain outermost first (a city-level county such as 高安市 under 宜春市 included, duplicates not). */
function chain(facts: HospitalNameFacts): string[] {
  const out: string[] = [];
  for (const p of [facts.province, facts.city, facts.county]) if (p && !out.includes(p)) out.push(p);
  return out;
}

/**
 * A name without the places it starts with: the core and how many places of
 * the chain, from the outermost, it dropped (the last dropped is its innermost place).
 */
function splitPlaces(name: string, places: string[]): { core: string; innermost: number } {
  let rest = name;
  let innermost = -1;
  for (let i = 0; i < places.length; i++) {
    const form = placeForms(places[i]).find((f) => rest.startsWith(f) && rest.length > f.length);
    if (!form) continue;
    rest = rest.slice(form.length);
    innermost = i;
  }
  return { core: rest, innermost };
}

/** Every way to write the places down to the innermost one: outer ones optional, each in any of its forms. */
function placePrefixes(places: string[], innermost: number): string[] {
  if (innermost < 0) return [''];
  let prefixes = placeForms(places[innermost]);
  for (let i = innermost - 1; i >= 0; i--) {
    const outer = placeForms(places[i]);
    prefixes = [...prefixes, ...outer.flatMap((o) => prefixes.map((p) => o + p))];
  }
  return prefixes;
}

/** The rewrites of a name's core, each applied or not: 中医院 ↔ 中医医院, 医科大学 → 医大, 附属第N医院 → 附N院 / 附N. */
export function coreForms(core: string): string[] {
  let forms = [core];
  const rewrite = (f: (s: string) => string[]) => {
    forms = [...new Set(forms.flatMap((s) => [s, ...f(s)]))];
  };
  rewrite((s) =>
    s.includes('中医医院') ? [s.replace('中医医院', '中医院')] : s.includes('中医院') ? [s.replace('中医院', '中医医院')] : [],
  );
  rewrite((s) => (s.includes('医科大学') ? [s.replace('医科大学', '医大')] : []));
  rewrite((s) => {
    const m = /附属第([一二三四五六七八九十]+)医院/u.exec(s);
    if (!m) return [];
    // 附一 only at the end of a name: in the middle (附一院区) it would be another word.
    const short = [s.replace(m[0], `附${m[1]}院`)];
    if (s.endsWith(m[0])) short.push(s.replace(m[0], `附${m[1]}`));
    return short;
  });
  return forms;
}

/** Every form of one name: its places written any way down to its innermost, its core in any of its forms. */
export function nameForms(name: string, places: string[]): string[] {
  const { core, innermost } = splitPlaces(name, places);
  const cores = coreForms(core);
  return [...new Set(placePrefixes(places, innermost).flatMap((p) => cores.map((c) => p + c)))];
}

export function hospitalNames(facts: HospitalNameFacts): HospitalNames {
  const places = chain(facts);
  const curated = [...new Set(facts.aliases.filter((a) => a !== facts.name))];
  const given = new Set([facts.name, ...curated]);
  const derived = new Set<string>();
  for (const n of [facts.name, ...curated]) for (const f of nameForms(n, places)) if (!given.has(f)) derived.add(f);
  return { official: facts.name, curated, derived: [...derived] };
}

/** Every name, official first. */
export function allHospitalNames(facts: HospitalNameFacts): string[] {
  const n = hospitalNames(facts);
  return [n.official, ...n.curated, ...n.derived];
}

/** Role kinds whose label is also a title readers put before a name (党委书记X, 院长X). */
const TITLE_KINDS: Record<string, string> = { 'party-secretary': '党委书记', 'branch-secretary': '党支部书记', president: '院长' };

/**
 * A person's names: the name alone and with each title the reports give
 * (门诊党支部书记X) or the role's usual title (党委书记X). A title without
 * the name names no one.
 */
export function personNames(name: string, roles: readonly { kind: string; title: string }[]): string[] {
  const titles = roles.flatMap((r) => [r.title, TITLE_KINDS[r.kind] ?? '']).filter((t) => t && !name.includes(t));
  return [...new Set([name, ...titles.map((t) => t + name)])];
}
