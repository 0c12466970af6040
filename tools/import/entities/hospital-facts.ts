/**
 * A new hospital's facts: province, city or county, level, category and
 * founding year, from its name or from the text in its scope.
 */
import { provinceOfName, type PlaceHit } from '../places.ts';
import { withoutProvince } from './hospitals.ts';
import type { HospitalProposal } from './model.ts';
import { clauseAround, sentenceOf } from './quote.ts';

const LEVEL = /(三级甲等|三级乙等|二级甲等|二级乙等|一级甲等|三甲|二甲)/u;
const FOUNDED = /(?:始建于|建于|成立于|创建于|创办于|始创于|组建于)(\d{4})年/u;

type Places = (PlaceHit & { at: number })[];

/** The province from the hospital's own name, else from the province the text names most often. */
function provinceFact(flat: string, own: PlaceHit | undefined, nameQuote: string, places: Places): HospitalProposal['province'] {
  if (own) {
    const how =
      own.kind === 'province'
        ? `院名含省名“${own.place}”`
        : own.kind === 'city'
          ? `${own.place}是${own.province}辖地级市（导入工具的地名表），院名含“${own.place}”`
          : `${own.place}是${own.province}辖区县（导入工具的地名表），院名含“${own.place}”`;
    return { value: own.province, quote: nameQuote, inferred: `导入工具推定，待核：${how}。` };
  }
  // The province the text names most often (a province or a prefecture-level city).
  const tally = new Map<string, Places>();
  for (const p of places) tally.set(p.province, [...(tally.get(p.province) ?? []), p]);
  const best = [...tally.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  if (!best) return undefined;
  const first = best[1][0];
  return {
    value: best[0],
    quote: clauseAround(flat, first.at, first.at + first.place.length),
    inferred: `导入工具推定，待核：院名不含地名；文中提到“${first.place}”（${best[0]}${best[1].length > 1 ? `，共${best[1].length}处` : ''}），医院当在${best[0]}。`,
  };
}

/** City (a prefecture-level one) or county from the places in the name; a municipality's district or county too. */
function cityAndCounty(h: HospitalProposal, own: PlaceHit | undefined, nameQuote: string): void {
  const city = /^(?:\p{Script=Han}{2,7}?(?:省|自治区))?(\p{Script=Han}{2,4}?市)/u.exec(h.name);
  if (city && own && own.kind !== 'municipality-part') {
    const isPrefecture = own.kind === 'city' && own.place === city[1];
    const fact = { value: city[1], quote: nameQuote, inferred: `导入工具推定，待核：院名含“${city[1]}”。` };
    if (isPrefecture) h.city = fact;
    else if (!/^(北京|天津|上海|重庆)市$/.test(city[1])) h.county = fact;
  }
  const part = /(\p{Script=Han}{2,3}(?:区|县))/u.exec(withoutProvince(h.name).replace(/^(北京|天津|上海|重庆)市/, ''));
  if (part && !h.county && own?.kind === 'municipality-part') {
    h.county = { value: part[1], quote: nameQuote, inferred: `导入工具推定，待核：院名含“${part[1]}”。` };
  }
}

/** Level and founding year: the first sentence in the hospital's scope that states them. */
function levelAndFounded(h: HospitalProposal, flat: string, scope: (at: number) => boolean): void {
  for (const [re, key] of [
    [LEVEL, 'level'],
    [FOUNDED, 'founded'],
  ] as const) {
    const g = new RegExp(re.source, 'gu');
    for (const m of flat.matchAll(g)) {
      if (!scope(m.index)) continue;
      const quote = clauseAround(flat, m.index, m.index + m[0].length);
      if (key === 'level') {
        const value = m[1] === '三甲' ? '三级甲等' : m[1] === '二甲' ? '二级甲等' : m[1];
        if (/医院|卫生院|中心/.test(sentenceOf(flat, m.index))) h.level = { value, quote, inferred: '导入工具据此句提取，待核。' };
      } else {
        h.founded = { value: Number(m[1]), quote, inferred: '导入工具据此句提取，待核。' };
      }
      break;
    }
  }
}

/** The category the name tells (中医, a community centre, a township clinic), else 综合医院 where the text in scope says so. */
function categoryFact(h: HospitalProposal, flat: string, scope: (at: number) => boolean, nameQuote: string): HospitalProposal['category'] {
  const category = /中医/.test(h.name)
    ? '中医医院'
    : /社区卫生服务中心$/.test(h.name)
      ? '社区卫生服务中心'
      : /(镇|乡)(中心)?卫生院$/.test(h.name)
        ? '乡镇卫生院'
        : undefined;
  if (category) return { value: category, quote: nameQuote, inferred: `导入工具推定，待核：据院名“${h.name}”。` };
  for (const m of flat.matchAll(/综合医院/gu)) {
    if (scope(m.index))
      return { value: '综合医院', quote: clauseAround(flat, m.index, m.index + 4), inferred: '导入工具据此句提取，待核。' };
  }
  return undefined;
}

/** Fills in a new hospital's facts (province, city or county, level, category, founding year), each with the words it came from. */
export function hospitalFacts(h: HospitalProposal, flat: string, scope: (at: number) => boolean, places: Places) {
  const names = [h.name, ...h.aliases];
  const firstName = names
    .map((n) => ({ n, at: flat.indexOf(n) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  const nameQuote = firstName ? clauseAround(flat, firstName.at, firstName.at + firstName.n.length) : h.name;
  const own = provinceOfName(h.name) ?? names.map(provinceOfName).find(Boolean);
  const province = provinceFact(flat, own, nameQuote, places);
  if (province) h.province = province;
  cityAndCounty(h, own, nameQuote);
  levelAndFounded(h, flat, scope);
  const category = categoryFact(h, flat, scope, nameQuote);
  if (category) h.category = category;
}
