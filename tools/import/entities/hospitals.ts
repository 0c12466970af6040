/**
 * The hospitals a source names: every hospital-like name, grouped by the
 * hospital it stands for (full names, names with extra words before them,
 * short forms, known aliases), matched against the archive, and marked when
 * the article is about it.
 */
import { headingText, type SourceDocument } from '../document.ts';
import { placesIn } from '../places.ts';
import type { HospitalProposal, KnownHospital } from './model.ts';

const SUFFIX = /(社区卫生服务中心|卫生服务中心|妇幼保健院|保健院|卫生院|医院)/gu;
/** Characters a hospital name does not run back over. */
export const STOP = new Set([...'的在与和及是为到了由对将把被从向让给于等该我其各每与并或且以又也都就还即则而已经所']);
const LEADING_VERBS =
  /^(?:来自|走进|来到|借助|融入|重温|位于|成立|落户|加入|组建|牵头|邀请|联合|依托|作为|推动|支持|选派|前往|入选|荣获|获得|建设|打造|创建|推进|帮扶|携手|签约|对口|派驻|下派|联系|共建|率先|成功|举办|开展|实现|包括|其中|目前|如今|近年来|同时|此外|据悉|其|赴|向|到|在)+/u;
const GENERIC =
  /(^本院|水平|学院型|一流|知名|满意|清廉|平安|智慧|品牌|公立|县级|市级|省级|区级|三甲|二甲|甲等|乙等|三级|二级|一级|乡镇|综合医院|首家|大型|优质|定点|附属医院$|人民满意|示范|先进|分院|^医院$)/u;
const PLACE_START = /^(?:\p{Script=Han}{2,7}?(?:省|自治区|市|县|区|州|盟|旗))/u;
const UNIVERSITY = /^\p{Script=Han}{2,}(?:医科大学|大学|医学院)/u;

function typeKey(name: string): string {
  return name.replace(/中医医院$/, '中医院');
}

/** Drops a leading province name: 江西省高安市中医医院 → 高安市中医医院. */
export function withoutProvince(name: string): string {
  const m = /^(?:\p{Script=Han}{2,7}?(?:省|自治区)|北京市|天津市|上海市|重庆市)(?=\p{Script=Han}{2,}(?:市|县|区))/u.exec(name);
  return m ? name.slice(m[0].length) : name;
}

interface Candidate {
  text: string;
  at: number;
}

/** Every hospital-like name in the text with where it stands. */
export function hospitalCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(SUFFIX)) {
    const end = m.index + m[0].length;
    let start = m.index;
    let n = 0;
    while (start > 0 && n < 18) {
      const ch = text[start - 1];
      if (!/\p{Script=Han}|\d/u.test(ch) || STOP.has(ch)) break;
      // Do not run back over another institution's name (安康市中心医院第三医院).
      if (text.slice(start - 2, start) === '医院' || text.slice(start - 3, start) === '卫生院') break;
      start--;
      n++;
    }
    let name = text.slice(start, end);
    const lead = LEADING_VERBS.exec(name);
    if (lead) {
      name = name.slice(lead[0].length);
      start += lead[0].length;
    }
    name = name.replace(/^\d+/, '');
    if ([...name].length < 4) continue;
    out.push({ text: name, at: end - name.length });
  }
  return out;
}

function isFullName(name: string): boolean {
  if (GENERIC.test(name)) return false;
  return PLACE_START.test(name) || UNIVERSITY.test(name);
}

/** A short form that drops the place: 市中心医院 for 随州市中心医院. */
function isShortForm(name: string): boolean {
  return /^(?:市|县|区)\p{Script=Han}{2,}/u.test(name) && !GENERIC.test(name);
}

interface Group {
  names: Map<string, number>;
  firstAt: number;
  ats: number[];
}

/** The key names of one hospital share: the name without its province, 中医医院 read as 中医院. */
const groupKey = (name: string) => typeKey(withoutProvince(name));

/** The full names among the candidates, grouped by hospital. */
function groupFullNames(cands: Candidate[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const c of cands) {
    if (!isFullName(c.text)) continue;
    const key = groupKey(c.text);
    const g: Group = groups.get(key) ?? { names: new Map(), firstAt: c.at, ats: [] };
    g.names.set(c.text, (g.names.get(c.text) ?? 0) + 1);
    g.ats.push(c.at);
    groups.set(key, g);
  }
  return groups;
}

/** A name that only adds words before another full name (来自随州市中心医院) is that name: its group joins the other. */
function mergePrefixedNames(groups: Map<string, Group>): void {
  for (const [key, g] of [...groups.entries()]) {
    const owner = [...groups.entries()].find(([k]) => k !== key && key.endsWith(k) && PLACE_START.test(k));
    if (!owner) continue;
    const extra = key.slice(0, key.length - owner[0].length);
    for (const [n, c] of g.names) {
      if (placesIn(extra).length > 0) owner[1].names.set(n, (owner[1].names.get(n) ?? 0) + c);
      else owner[1].names.set(withoutProvince(n).slice(extra.length) || n, (owner[1].names.get(n) ?? 0) + c);
    }
    owner[1].ats.push(...g.ats);
    owner[1].firstAt = Math.min(owner[1].firstAt, g.firstAt);
    groups.delete(key);
  }
}

/**
 * Known hospitals named by an alias that is not a full name (锦医一院) still
 * count; a short form that drops the place (市中心医院) does not: any city's
 * central hospital is printed so, and it joins a hospital only with the full name.
 */
function addKnownAliases(groups: Map<string, Group>, flat: string, known: KnownHospital[]): void {
  for (const h of known) {
    for (const n of [h.name, ...h.aliases]) {
      if (!n || isFullName(n) || isShortForm(n) || !flat.includes(n)) continue;
      const key = groupKey(h.name);
      const g: Group = groups.get(key) ?? { names: new Map(), firstAt: flat.indexOf(n), ats: [] };
      for (let i = flat.indexOf(n); i >= 0; i = flat.indexOf(n, i + 1)) g.ats.push(i);
      g.names.set(n, (g.names.get(n) ?? 0) + g.ats.length);
      groups.set(key, g);
    }
  }
}

/** Short forms (市中心医院) join the one group whose name they end. */
function addShortForms(groups: Map<string, Group>, cands: Candidate[]): void {
  for (const c of cands) {
    if (!isShortForm(c.text) || isFullName(c.text)) continue;
    const owners = [...groups.values()].filter((g) => [...g.names.keys()].some((n) => n.endsWith(c.text) && n !== c.text));
    if (owners.length === 1) {
      owners[0].names.set(c.text, (owners[0].names.get(c.text) ?? 0) + 1);
      owners[0].ats.push(c.at);
    }
  }
}

/** Whether any of the names stands in the head (title, subtitle, column) or opens a heading. */
function namedInHead(doc: SourceDocument): (names: string[]) => boolean {
  const headText = [doc.head.title, doc.head.subtitle, doc.head.column].filter(Boolean).join('\n');
  const headings = doc.blocks.filter((b) => b.kind === 'heading').map(headingText);
  return (names) => names.some((n) => headText.includes(n)) || names.some((n) => headings.some((h) => h.startsWith(n)));
}

/** A group's name: the most used full form without a province prefix; ties go to the longer. */
function groupName(names: [string, number][]): string {
  const full = names.filter(([n]) => isFullName(n));
  const pick = [...full].sort(
    (a, b) => Number(withoutProvince(b[0]) === b[0]) - Number(withoutProvince(a[0]) === a[0]) || b[1] - a[1] || b[0].length - a[0].length,
  )[0];
  return pick ? pick[0] : names[0][0];
}

/**
 * The archive's hospital these names stand for: one of its own names (name or
 * alias, a province prefix or 中医院/中医医院 aside). A generic part two
 * hospitals share (市中心医院 of 随州市中心医院 and 衢州市中心医院) never matches.
 */
function matchKnown(names: string[], known: KnownHospital[]): KnownHospital | undefined {
  const keys = new Set(names.map(groupKey));
  return known.find((h) => [h.name, ...h.aliases].some((n) => n && !isShortForm(n) && keys.has(groupKey(n))));
}

export function findHospitals(doc: SourceDocument, flat: string, known: KnownHospital[]): HospitalProposal[] {
  const cands = hospitalCandidates(flat);
  const groups = groupFullNames(cands);
  mergePrefixedNames(groups);
  addKnownAliases(groups, flat, known);
  addShortForms(groups, cands);
  const inHead = namedInHead(doc);
  const anyNamed = [...groups.values()].some((g) => inHead([...g.names.keys()]));
  const most = Math.max(0, ...[...groups.values()].map((g) => g.ats.length));
  const proposals = [...groups.values()].map((g): HospitalProposal => {
    const names = [...g.names.entries()];
    const name = groupName(names);
    const aliases = names.map(([n]) => n).filter((n) => n !== name);
    const mentions = g.ats.length;
    const all = [name, ...aliases];
    const existing = matchKnown(all, known);
    return {
      name: existing?.name ?? name,
      aliases: existing ? all.filter((n) => n !== existing.name) : aliases,
      mentions,
      existing: existing?.id,
      // Named in the title or a heading; failing that, the most named one (at least twice).
      about: anyNamed ? inHead(all) : mentions === most && mentions >= 2,
      firstAt: Math.min(...g.ats),
    };
  });
  proposals.sort((a, b) => Number(b.about) - Number(a.about) || a.firstAt - b.firstAt);
  return proposals;
}
