/**
 * Proposes the entities a source reports: hospitals (matched against the
 * collection or new), people named in a role, named measures, the date and
 * the newspaper. Every proposal carries the sentence it came from. Pure.
 */
import { headingText, type Block, type SourceDocument } from './document.ts';
import { placesIn, provinceOfName, type PlaceHit } from './places.ts';
import { normalizeText, sentenceAt, stripMarkup } from './text.ts';
import type { MEASURE_KINDS, ROLE_KINDS } from '../../src/content-model/schema.ts';

export interface KnownHospital {
  id: string;
  name: string;
  aliases: string[];
  province?: string;
}

export interface Evidence {
  /** Verbatim words of the source (one line, whitespace aside). */
  quote: string;
  /** Why the tool proposes the value. */
  inferred: string;
}

export interface HospitalProposal {
  /** Names as the text writes them; `name` is the most used full form. */
  name: string;
  aliases: string[];
  mentions: number;
  /** An existing entry this matches, by name or alias. */
  existing?: string;
  /** Named in the title, a heading or often enough to be what the article is about. */
  about: boolean;
  firstAt: number;
  province?: { value: string } & Evidence;
  city?: { value: string } & Evidence;
  county?: { value: string } & Evidence;
  level?: { value: string } & Evidence;
  category?: { value: string } & Evidence;
  founded?: { value: number } & Evidence;
}

export interface PersonProposal {
  name: string;
  roles: {
    kind: keyof typeof ROLE_KINDS;
    title: string;
    branch?: string;
    /** Index into the hospital proposals. */
    hospital?: number;
    quote: string;
    at: number;
  }[];
  /** The name's length was decided by the words after it, not by punctuation: check it. */
  uncertain: boolean;
}

export interface MeasureProposal {
  name: string;
  kind: keyof typeof MEASURE_KINDS;
  description: string;
  hospital?: number;
  at: number;
  /** Words of the name used for its id. */
  core: string;
}

export interface SectionProposal {
  block: number;
  heading: string;
  kind: 'essay' | 'profile' | 'editor-note' | 'report';
  hospital?: number;
  branch?: string;
  /** Index into the people proposals. */
  secretary?: number;
}

export interface DateProposal {
  value: string;
  quote?: string;
  inferred: string;
}

export interface Entities {
  hospitals: HospitalProposal[];
  people: PersonProposal[];
  measures: MeasureProposal[];
  sections: SectionProposal[];
  date?: DateProposal;
  newspaper?: { value: string } & Evidence;
  byline?: string;
}

const SUFFIX = /(社区卫生服务中心|卫生服务中心|妇幼保健院|保健院|卫生院|医院)/gu;
/** Characters a hospital name does not run back over. */
const STOP = new Set([...'的在与和及是为到了由对将把被从向让给于等该我其各每与并或且以又也都就还即则而已经所']);
const LEADING_VERBS =
  /^(?:来自|走进|来到|借助|融入|重温|位于|成立|落户|加入|组建|牵头|邀请|联合|依托|作为|推动|支持|选派|前往|入选|荣获|获得|建设|打造|创建|推进|帮扶|携手|签约|对口|派驻|下派|联系|共建|率先|成功|举办|开展|实现|包括|其中|目前|如今|近年来|同时|此外|据悉|其|赴|向|到|在)+/u;
const GENERIC = /(^本院|水平|学院型|一流|知名|满意|清廉|平安|智慧|品牌|公立|县级|市级|省级|区级|三甲|二甲|甲等|乙等|三级|二级|一级|乡镇|综合医院|首家|大型|优质|定点|附属医院$|人民满意|示范|先进|分院|^医院$)/u;
const PLACE_START = /^(?:\p{Script=Han}{2,7}?(?:省|自治区|市|县|区|州|盟|旗))/u;
const UNIVERSITY = /^\p{Script=Han}{2,}(?:医科大学|大学|医学院)/u;

function typeKey(name: string): string {
  return name.replace(/中医医院$/, '中医院');
}

/** Drops a leading province name: 江西省高安市中医医院 → 高安市中医医院. */
function withoutProvince(name: string): string {
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

export function findHospitals(doc: SourceDocument, flat: string, known: KnownHospital[]): HospitalProposal[] {
  const cands = hospitalCandidates(flat);
  const groups = new Map<string, Group>();
  const keyOf = (name: string) => typeKey(withoutProvince(name));
  for (const c of cands) {
    if (!isFullName(c.text)) continue;
    const key = keyOf(c.text);
    const g: Group = groups.get(key) ?? { names: new Map(), firstAt: c.at, ats: [] };
    g.names.set(c.text, (g.names.get(c.text) ?? 0) + 1);
    g.ats.push(c.at);
    groups.set(key, g);
  }
  // A name that only adds words before another full name (来自随州市中心医院) is that name.
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
  // Known hospitals named by an alias that is not a full name (锦医一院) still count.
  for (const h of known) {
    for (const n of [h.name, ...h.aliases]) {
      if (!n || isFullName(n) || !flat.includes(n)) continue;
      const key = keyOf(h.name);
      const g: Group = groups.get(key) ?? { names: new Map(), firstAt: flat.indexOf(n), ats: [] };
      for (let i = flat.indexOf(n); i >= 0; i = flat.indexOf(n, i + 1)) g.ats.push(i);
      g.names.set(n, (g.names.get(n) ?? 0) + g.ats.length);
      groups.set(key, g);
    }
  }
  // Short forms (市中心医院) join the one group whose name they end.
  for (const c of cands) {
    if (!isShortForm(c.text) || isFullName(c.text)) continue;
    const owners = [...groups.values()].filter((g) => [...g.names.keys()].some((n) => n.endsWith(c.text) && n !== c.text));
    if (owners.length === 1) {
      owners[0].names.set(c.text, (owners[0].names.get(c.text) ?? 0) + 1);
      owners[0].ats.push(c.at);
    }
  }
  const headText = [doc.head.title, doc.head.subtitle, doc.head.column].filter(Boolean).join('\n');
  const headings = doc.blocks.filter((b) => b.kind === 'heading').map(headingText);
  const proposals: HospitalProposal[] = [];
  const named = (g: Group) => [...g.names.keys()];
  const inHeadOrHeading = (all: string[]) =>
    all.some((n) => headText.includes(n)) || all.some((n) => headings.some((h) => h.startsWith(n)));
  const anyNamed = [...groups.values()].some((g) => inHeadOrHeading(named(g)));
  const most = Math.max(0, ...[...groups.values()].map((g) => g.ats.length));
  for (const g of groups.values()) {
    const names = [...g.names.entries()];
    const full = names.filter(([n]) => isFullName(n));
    // The name: the most used full form without a province prefix; ties go to the longer.
    const pick = [...full].sort((a, b) => Number(withoutProvince(b[0]) === b[0]) - Number(withoutProvince(a[0]) === a[0]) || b[1] - a[1] || b[0].length - a[0].length)[0];
    const name = pick ? pick[0] : names[0][0];
    const aliases = names.map(([n]) => n).filter((n) => n !== name);
    const mentions = g.ats.length;
    const all = [name, ...aliases];
    const existing = known.find((h) => [h.name, ...h.aliases].some((n) => all.includes(n)));
    proposals.push({
      name: existing?.name ?? name,
      aliases: existing ? all.filter((n) => n !== existing.name) : aliases,
      mentions,
      existing: existing?.id,
      // Named in the title or a heading; failing that, the most named one (at least twice).
      about: anyNamed ? inHeadOrHeading(all) : mentions === most && mentions >= 2,
      firstAt: Math.min(...g.ats),
    });
  }
  proposals.sort((a, b) => Number(b.about) - Number(a.about) || a.firstAt - b.firstAt);
  return proposals;
}

/** The clause (between punctuation) of `flat` around [at, end): a short verbatim quote. */
export function clauseAround(flat: string, at: number, end = at + 1): string {
  let s = at;
  while (s > 0 && !/[，。；！？,;!?\n]/.test(flat[s - 1])) s--;
  let e = end;
  while (e < flat.length && !/[，。；！？,;!?\n]/.test(flat[e])) e++;
  const raw = flat.slice(s, e).trim();
  const clean = raw.replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
  // Markup is dropped only where the words still stand in the source as they are.
  return clean !== raw && clean.length >= 2 && normalizeText(flat).includes(normalizeText(clean)) ? clean : raw;
}

/** The sentence of `flat` around position `at`, on one line. */
export function sentenceOf(flat: string, at: number): string {
  return sentenceAt(flat, at).text;
}

const LEVEL = /(三级甲等|三级乙等|二级甲等|二级乙等|一级甲等|三甲|二甲)/u;
const FOUNDED = /(?:始建于|建于|成立于|创建于|创办于|始创于|组建于)(\d{4})年/u;

export function hospitalFacts(h: HospitalProposal, flat: string, scope: (at: number) => boolean, places: (PlaceHit & { at: number })[]) {
  const names = [h.name, ...h.aliases];
  const firstName = names.map((n) => ({ n, at: flat.indexOf(n) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0];
  const nameQuote = firstName ? clauseAround(flat, firstName.at, firstName.at + firstName.n.length) : h.name;
  const own = provinceOfName(h.name) ?? names.map(provinceOfName).find(Boolean);
  if (own) {
    const how =
      own.kind === 'province'
        ? `院名含省名“${own.place}”`
        : own.kind === 'city'
          ? `${own.place}是${own.province}辖地级市（导入工具的地名表），院名含“${own.place}”`
          : `${own.place}是${own.province}辖区县（导入工具的地名表），院名含“${own.place}”`;
    h.province = { value: own.province, quote: nameQuote, inferred: `导入工具推定，待核：${how}。` };
  } else {
    // The province the text names most often (a province or a prefecture-level city).
    const tally = new Map<string, (PlaceHit & { at: number })[]>();
    for (const p of places) tally.set(p.province, [...(tally.get(p.province) ?? []), p]);
    const best = [...tally.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    if (best) {
      const first = best[1][0];
      h.province = {
        value: best[0],
        quote: clauseAround(flat, first.at, first.at + first.place.length),
        inferred: `导入工具推定，待核：院名不含地名；文中提到“${first.place}”（${best[0]}${best[1].length > 1 ? `，共${best[1].length}处` : ''}），医院当在${best[0]}。`,
      };
    }
  }
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
  // Level and founding year: the first sentence in the hospital's scope that states them.
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
  const category = /中医/.test(h.name)
    ? '中医医院'
    : /社区卫生服务中心$/.test(h.name)
      ? '社区卫生服务中心'
      : /(镇|乡)(中心)?卫生院$/.test(h.name)
        ? '乡镇卫生院'
        : undefined;
  if (category) h.category = { value: category, quote: nameQuote, inferred: `导入工具推定，待核：据院名“${h.name}”。` };
  else {
    for (const m of flat.matchAll(/综合医院/gu)) {
      if (!scope(m.index)) continue;
      h.category = { value: '综合医院', quote: clauseAround(flat, m.index, m.index + 4), inferred: '导入工具据此句提取，待核。' };
      break;
    }
  }
}

const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
]);

const ROLE =
  /(党支部书记|党总支书记|党委副书记|党委书记|纪委书记|副院长|执行院长|院长|副主任|主任|护士长|市委书记|县委书记|区委书记|市长|县长|区长|负责人)/gu;
/** Words that follow a name in a role phrase (陈琳表示, 钱进代表, 杜海云讲党课). */
const AFTER_NAME =
  /^(?:介绍|表示|代表|讲|为|的|在|带领|率|及|和|与|耐心|指出|说|强调|等|同志|主持|出席|参加|一行|对|向|是|担任|作|做|到|来|去|就|也|都|已|曾|告诉|认为|提出|要求|坦言|感慨|回忆|谈到|称|领|组织|深入|亲自|带队|陪同|上台|接受|获|荣获|被|与|、|，|。|；|：|,|;|:|\s|$)/u;

function roleKind(role: string): PersonProposal['roles'][number]['kind'] {
  if (/党支部书记|党总支书记/.test(role)) return 'branch-secretary';
  if (role === '党委书记') return 'party-secretary';
  if (role === '院长' || role === '执行院长') return 'president';
  if (/副院长|党委副书记|纪委书记|负责人/.test(role)) return 'leader';
  if (/[市县区]委书记|[市县区]长$/.test(role)) return 'official';
  if (/主任|护士长/.test(role)) return 'clinician';
  return 'other';
}

/** A name right after a role: two or three Han characters, decided by what follows. */
export function nameAfter(text: string, at: number): { name: string; uncertain: boolean } | undefined {
  let i = at;
  if (text[i] === ' ' || text[i] === '\u3000') i++;
  const run = /^\p{Script=Han}{2,4}/u.exec(text.slice(i));
  if (!run || !SURNAMES.has(run[0][0])) return undefined;
  const rest = (n: number) => text.slice(i + n);
  // A name standing alone at the end of its line (a byline: …党支部书记 陈国旗).
  const lineEnd = /^\p{Script=Han}{2,3}[ \t]*(?:\n|$)/u.exec(text.slice(i));
  if (lineEnd) return { name: lineEnd[0].trim(), uncertain: false };
  for (const n of [2, 3]) {
    if (run[0].length >= n && AFTER_NAME.test(rest(n)) && !(n === 2 && run[0].length >= 3 && /^[\p{Script=Han}]的/u.test(rest(2)))) {
      return { name: run[0].slice(0, n), uncertain: !/^[，。；：、,;:\s]|^$/u.test(rest(n)) };
    }
  }
  return undefined;
}

export function findPeople(flat: string, hospitals: HospitalProposal[], hospitalAt: (at: number) => number | undefined): PersonProposal[] {
  const people = new Map<string, PersonProposal>();
  for (const m of flat.matchAll(ROLE)) {
    const role = m[1];
    const after = nameAfter(flat, m.index + role.length);
    if (!after) continue;
    // The title runs back to the hospital's name or to punctuation.
    let s = m.index;
    while (s > 0 && m.index - s < 14 && /\p{Script=Han}/u.test(flat[s - 1]) && !STOP.has(flat[s - 1])) s--;
    let prefix = flat.slice(s, m.index);
    let hospital: number | undefined;
    for (const [hi, h] of hospitals.entries()) {
      for (const n of [h.name, ...h.aliases].sort((a, b) => b.length - a.length)) {
        const k = prefix.lastIndexOf(n);
        if (k >= 0 && (hospital === undefined || k + n.length > 0)) {
          prefix = prefix.slice(k + n.length);
          hospital = hi;
          break;
        }
      }
      if (hospital !== undefined) break;
    }
    prefix = prefix.replace(/^(?:邀请|以|由|请|经|据|和|与|及|其中|同时|该院|本院|我院|医院|全院|院)+/u, '');
    if (/[市县区]委书记|[市县区]长/.test(role)) prefix = '';
    const title = prefix + role;
    const kind = roleKind(role);
    if (kind === 'leader' && role === '负责人') continue;
    const hospitalIndex = kind === 'official' ? undefined : (hospital ?? hospitalAt(m.index));
    const end = m.index + role.length + (flat[m.index + role.length] === ' ' ? 1 : 0) + after.name.length;
    const quote = clauseAround(flat, s, end);
    const branch = kind === 'branch-secretary' ? title.replace(/书记$/, '') : undefined;
    const p = people.get(after.name) ?? { name: after.name, roles: [], uncertain: true };
    p.uncertain &&= after.uncertain;
    if (!p.roles.some((r) => r.title === title && r.hospital === hospitalIndex)) {
      p.roles.push({ kind, title, ...(branch ? { branch } : {}), hospital: hospitalIndex, quote, at: m.index });
    }
    people.set(after.name, p);
  }
  return [...people.values()];
}

const MEASURE_SUFFIX: [RegExp, MeasureProposal['kind']][] = [
  [/品牌$/u, 'brand'],
  [/(工程|项目)$/u, 'programme'],
  [/机制$/u, 'mechanism'],
  [/战略$/u, 'strategy'],
  [/模式$/u, 'model'],
  [/(活动|行动)$/u, 'campaign'],
  [/(制度|标准|体系|制)$/u, 'system'],
  [/服务$/u, 'service'],
];

function measureKind(name: string): MeasureProposal['kind'] | undefined {
  return MEASURE_SUFFIX.find(([re]) => re.test(name))?.[1];
}

export function findMeasures(flat: string, hospitalAt: (at: number) => number | undefined): MeasureProposal[] {
  const found = new Map<string, MeasureProposal>();
  const add = (name: string, core: string, at: number) => {
    const kind = measureKind(name);
    if (!kind) return;
    const key = normalizeText(name.replace(/[“”"]/g, '')) + '|' + hospitalAt(at);
    if (found.has(key)) return;
    found.set(key, { name, kind, description: sentenceOf(flat, at), hospital: hospitalAt(at), at, core });
  };
  // “三抢三让”工作机制, “党建+专科联盟”品牌, “1457”战略, “六有”标准
  for (const m of flat.matchAll(/“([^“”\n]{2,20})”((?:工作|党建|服务|管理|实践|主题|新)?(?:机制|模式|品牌|工程|战略|制度|活动|行动|标准|体系|项目))/gu)) {
    add(`“${m[1]}”${m[2]}`, m[1], m.index);
  }
  // “铸魂工程”, “杏林红·健康高安”党建品牌 (already), “书记查房制”
  for (const m of flat.matchAll(/“([^“”\n]{2,16}(?:工程|品牌|机制|模式|战略|行动|计划|制))”/gu)) {
    add(m[1], m[1].replace(/(工程|品牌|机制|模式|战略|行动|计划|制)$/u, ''), m.index + 1);
  }
  // 铸魂工程、聚力工程、暖心工程 in a list
  for (const m of flat.matchAll(/(?<=[、：:，]|^)([\p{Script=Han}\d]{2,8}工程)(?=[、。，；])/gmu)) {
    add(m[1], m[1].replace(/工程$/, ''), m.index);
  }
  return [...found.values()].sort((a, b) => a.at - b.at);
}

/** Years the text names that say when it was written (not a founding year, a plan's range or a title in 《》). */
export function findDate(flat: string, furnitureDates: { text: string }[]): DateProposal | undefined {
  const head = furnitureDates[0];
  if (head) {
    const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(head.text)!;
    return {
      value: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`,
      quote: head.text,
      inferred: '导入工具推定，待核：日期取自版面上的日期行（页眉）。',
    };
  }
  let best: { year: number; at: number } | undefined;
  for (const m of flat.matchAll(/(?<!\d)(\d{4})年/gu)) {
    const year = Number(m[1]);
    if (year < 1949 || year > 2100) continue;
    const before = flat.slice(Math.max(0, m.index - 4), m.index);
    const after = flat.slice(m.index + 5, m.index + 8);
    if (/(始建于|建于|成立于|创建于|创办于|组建于)$/.test(before)) continue;
    if (/[—–\-至到~～]$/.test(before) || /^[—–\-至到~～]/.test(after)) continue;
    const open = flat.lastIndexOf('《', m.index);
    if (open >= 0 && flat.indexOf('》', open) > m.index) continue;
    if (!best || year > best.year) best = { year, at: m.index };
  }
  if (!best) return undefined;
  return {
    value: String(best.year),
    quote: clauseAround(flat, best.at, best.at + 5),
    inferred: `导入工具推定，待核：报纸未署日期；文中所记最晚的年份是${best.year}年（见所引），报道当不早于此年。请据原报或文中事件核定年月。`,
  };
}

export function findNewspaper(flat: string): ({ value: string } & Evidence) | undefined {
  const m = /(\p{Script=Han}{2,8}(?:日报|晚报|时报|报))(?:社)?(?:全媒体|融媒体|首席)?记者/u.exec(flat);
  if (!m || /^本报/.test(m[1])) return undefined;
  return { value: m[1], quote: clauseAround(flat, m.index, m.index + m[0].length), inferred: '导入工具推定，待核：据署名中的报社记者。' };
}

export function findByline(doc: SourceDocument): string | undefined {
  const b = doc.blocks.find((x) => x.kind === 'byline');
  if (!b) return undefined;
  return b.text
    .split('\n')
    .map((l) => l.trim())
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Sections: a heading followed by a secretary's byline (an essay), or a heading that starts with a hospital's name (a profile). */
export function findSections(doc: SourceDocument, hospitals: HospitalProposal[], people: PersonProposal[]): SectionProposal[] {
  const out: SectionProposal[] = [];
  const blocks = doc.blocks.filter((b) => b.index >= doc.head.bodyStart && !doc.head.blocks.includes(b.index));
  blocks.forEach((b, k) => {
    if (b.kind !== 'heading') return;
    const heading = headingText(b);
    const next = blocks[k + 1];
    if (/^【(编者按|阅读提示|编者的话)】/.test(heading)) {
      out.push({ block: b.index, heading, kind: 'editor-note' });
      return;
    }
    const byline = next && (next.kind === 'label' || next.kind === 'byline') ? stripMarkup(next.text) : '';
    const sec = /(\S*?党(?:总)?支部)书记\s*(\p{Script=Han}{2,3})$/u.exec(byline);
    if (sec) {
      const person = people.findIndex((p) => p.name === sec[2]);
      const hospital = hospitals.findIndex((h) => [h.name, ...h.aliases].some((n) => sec[1].startsWith(n)));
      const hname = hospital >= 0 ? [hospitals[hospital].name, ...hospitals[hospital].aliases].find((n) => sec[1].startsWith(n)) : undefined;
      out.push({
        block: b.index,
        heading,
        kind: 'essay',
        hospital: hospital >= 0 ? hospital : undefined,
        branch: hname ? sec[1].slice(hname.length) : sec[1],
        secretary: person >= 0 ? person : undefined,
      });
      return;
    }
    const first = heading.split(/\s+/)[0].replace(/[：:]$/, '');
    const hospital = hospitals.findIndex((h) => [h.name, ...h.aliases].includes(first));
    if (hospital >= 0 && heading.includes(' ')) out.push({ block: b.index, heading, kind: 'profile', hospital });
  });
  return out;
}

/** The hospital a position of the text is about: its section's, or the article's only one. */
export function hospitalScope(doc: SourceDocument, sections: SectionProposal[], hospitals: HospitalProposal[], blockAt: (at: number) => Block | undefined) {
  const about = hospitals.map((h, i) => (h.about ? i : -1)).filter((i) => i >= 0);
  return (at: number): number | undefined => {
    const block = blockAt(at);
    if (block) {
      const section = [...sections].reverse().find((s) => s.block <= block.index && s.hospital !== undefined);
      if (section) return section.hospital;
    }
    return about.length === 1 ? about[0] : about.length > 0 && sections.every((s) => s.hospital === undefined) ? about[0] : undefined;
  };
}

export { placesIn };
