/**
 * Synthetic archives for the scale benchmark (`npm run bench:scale`, issue #9).
 *
 * `generateArchive({ reports, seed, corpus })` returns the files of a complete
 * `content/` folder — sources, articles, hospitals, people, measures — that the
 * real schema accepts, plus the names it invented (for query sets). Pure and
 * deterministic: the same options give byte-identical files (a seeded PRNG,
 * no clock, no file system), so runs on different days are comparable.
 *
 * What it imitates: each report gets its own OCR'd source text and a curated
 * article made from it, the way `docs/curation.md` describes. The running text
 * is recombined from the real sources' sentences and clauses (numbers
 * re-drawn), interleaved with sentences about generated hospitals, people and
 * measures. The source carries the OCR defects (a page-head line, a paragraph
 * broken mid-sentence, a doubled word, a misread character, half-width commas)
 * that the article's corrections (校勘记) undo, so every correction's
 * `original`, every fact's `quote`, every role's `quote` and every measure's
 * `description` is really in the cited source. Facts the text does not state
 * (some provinces) are marked `inferred` and say they are synthetic.
 *
 * Three article shapes, in the proportions of the curated archive: a single
 * report on one hospital; an editor's note with branch secretaries' essays
 * (sections of kind `editor-note` and `essay`); a feature profiling several
 * hospitals (sections of kind `profile`).
 */
import { Scalar, stringify } from 'yaml';
import { PROVINCES } from '../../src/content-model/provinces.ts';

export interface SyntheticOptions {
  /** Number of reports (articles); each has its own source. */
  reports: number;
  /** PRNG seed; the default is the one the published figures use. */
  seed?: number;
  /** Texts to draw sentences from: the real sources (and/or curated bodies). */
  corpus: string[];
  /** Names to blank out of corpus sentences (the real hospitals), so generated names stay the only hospital names. */
  avoid?: string[];
}

export interface SyntheticArchive {
  /** Path under `content/` → file text, e.g. `articles/r00001-linchuan-central.md`. */
  files: Map<string, string>;
  /** What the generator invented, for building query sets. */
  names: {
    hospitals: string[];
    aliases: string[];
    people: string[];
    measures: string[];
    cities: string[];
    /** Names made the same way but used nowhere (absent-term queries). */
    unused: string[];
  };
  counts: { articles: number; sources: number; hospitals: number; people: number; measures: number; sections: number; corrections: number };
}

export const DEFAULT_SEED = 20240609;

// ---------------------------------------------------------------------------
// PRNG (mulberry32) and helpers

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const chance = (rng: Rng, p: number) => rng() < p;
function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}
const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(rng() * 16)]).join('');
const CN_DIGITS = '〇一二三四五六七八九';
export function chineseNumeral(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN_DIGITS[n];
  if (n < 20) return `十${CN_DIGITS[n % 10]}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}

// ---------------------------------------------------------------------------
// Name material (characters with their pinyin, for ASCII ids)

const SURNAMES = '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 闫yan 段duan 雷lei 侯hou 龙long 史shi 陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan 覃qin 武wu 戴dai 莫mo 孔kong 向xiang 汤tang';
const GIVEN = '伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan 涛tao 明ming 超chao 秀xiu 霞xia 平ping 刚gang 桂gui 英ying 华hua 玉yu 兰lan 萍ping 红hong 建jian 文wen 辉hui 力li 斌bin 宇yu 浩hao 凯kai 鹏peng 飞fei 云yun 峰feng 波bo 宁ning 欣xin 琳lin 婷ting 雪xue 慧hui 晶jing 颖ying 倩qian 楠nan 蕾lei 薇wei 瑶yao 鑫xin 博bo 昊hao 晨chen 阳yang 海hai 春chun 国guo 志zhi 德de 永yong 庆qing 松song 光guang 成cheng 东dong 亮liang 俊jun';
const PLACE = '安an 宁ning 平ping 阳yang 山shan 江jiang 河he 湖hu 川chuan 城cheng 泉quan 源yuan 丰feng 盛sheng 兴xing 隆long 昌chang 德de 庆qing 福fu 寿shou 永yong 长chang 清qing 明ming 新xin 东dong 西xi 南nan 北bei 云yun 水shui 石shi 金jin 玉yu 宝bao 华hua 嘉jia 泰tai 康kang 乐le 顺shun 临lin 兰lan 桂gui 梅mei 松song 柳liu 桃tao 莲lian 溪xi 峰feng 岭ling 屏ping 坪ping 林lin 营ying 洲zhou 沙sha 鹤he 凤feng 龙long 通tong 靖jing 绥sui 岳yue 榆yu';

type Syl = [string, string];
const syllables = (s: string): Syl[] => s.split(' ').map((x) => [x[0], x.slice(1)]);
const SURNAME = syllables(SURNAMES);
const GIVEN_SYL = syllables(GIVEN);
const PLACE_SYL = syllables(PLACE);

const HOSPITAL_KINDS = [
  { suffix: '中心医院', slug: 'central', alias: '中心医院', level: ['三级甲等', '三级乙等'], category: '综合医院', city: true },
  { suffix: '人民医院', slug: 'peoples', alias: '人医', level: ['三级甲等', '二级甲等'], category: '综合医院', city: true },
  { suffix: '第一人民医院', slug: 'first-peoples', alias: '一院', level: ['三级甲等'], category: '综合医院', city: true },
  { suffix: '第二人民医院', slug: 'second-peoples', alias: '二院', level: ['三级乙等', '二级甲等'], category: '综合医院', city: true },
  { suffix: '中医医院', slug: 'tcm', alias: '中医院', level: ['三级甲等', '二级甲等'], category: '中医医院', city: true },
  { suffix: '中西医结合医院', slug: 'integrated', alias: '中西医', level: ['二级甲等'], category: '中西医结合医院', city: true },
  { suffix: '妇幼保健院', slug: 'mch', alias: '妇幼', level: ['二级甲等', '三级乙等'], category: '妇幼保健院', city: true },
  { suffix: '人民医院', slug: 'county-peoples', alias: '县医院', level: ['二级甲等', '二级乙等'], category: '综合医院', city: false },
  { suffix: '中医院', slug: 'county-tcm', alias: '', level: ['二级甲等'], category: '中医医院', city: false },
  { suffix: '镇卫生院', slug: 'township', alias: '', level: ['一级'], category: '乡镇卫生院', city: false },
] as const;

const NEWSPAPER_SUFFIX = ['日报', '晚报', '卫生健康报'];
const NATIONAL_PAPERS = ['健康报', '中国人口报', '医药卫生报', '中国中医药报'];
const COLUMNS = ['【党建引领】', '【高质量发展】', '【基层党建】', '【支部风采】', '健康中国 党建先行', '聚焦公立医院高质量发展', '【我为群众办实事】'];
const SLOGANS = [
  '党建引领 勇毅前行', '以高质量党建引领高质量发展', '党建赋能 医路同行', '守初心 担使命 护健康', '凝心聚力促发展',
  '红色引擎驱动医院发展', '把支部建在科室上', '党旗飘扬在抗疫一线', '做百姓家门口的健康卫士', '让党建与业务同频共振',
  '筑牢战斗堡垒 彰显先锋本色', '以党建之“魂”铸发展之“基”', '深化党建品牌建设', '践行初心使命 办好人民满意医院',
];
const SUBHEADINGS = [
  '强化政治引领，把牢发展方向', '创新服务理念，彰显党员先锋本色', '丰富党建活动载体，凝聚发展合力', '坚持党建与业务深度融合',
  '弘扬清风正气，涵养廉洁操守', '聚焦群众需求，改善就医体验', '加强人才培养，夯实学科基础', '落实党委领导下的院长负责制',
  '推进智慧医院建设', '下沉优质资源，服务基层群众', '抓党建 促业务 提服务', '创先争优作奉献 凝心聚力促发展',
  '多维度发力让患者就医舒心又安心', '以党建品牌建设提升服务水平', '强化责任担当，筑牢安全防线', '深化医联体建设，助力分级诊疗',
];
const TOPICS = ['高质量发展', '党建业务融合', '为民服务', '清廉医院建设', '学科建设'];
const BRANCHES = ['门诊党支部', '外科第一党支部', '外科第二党支部', '内科第一党支部', '内科第二党支部', '行政第一党支部', '行政第二党支部', '护理党支部', '医技党支部', '后勤保障党支部', '离退休党支部', '药学党支部'];
const DEPARTMENTS = ['心内科', '神经内科', '普外科', '骨科', '儿科', '妇产科', '急诊科', '重症医学科', '呼吸与危重症医学科', '肿瘤科', '康复医学科', '感染性疾病科', '眼科', '耳鼻咽喉科', '麻醉科', '护理部'];
const MEASURE_A = ['红色', '先锋', '暖心', '领航', '铸魂', '聚力', '清风', '杏林', '仁心', '惠民', '连心', '初心', '担当', '护航', '同心', '薪火', '青春', '健康', '匠心', '星火', '守护', '筑梦', '立德', '强基', '扬帆', '启航', '民生', '廉洁', '书香', '阳光'];
const MEASURE_B = ['引擎', '堡垒', '驿站', '家园', '课堂', '纽带', '桥梁', '使者', '卫士', '港湾', '方舟', '灯塔', '行动', '计划', 'e站', '名片', '先锋岗', '服务队', '示范岗', '联盟'];
const MEASURE_KINDS = [
  ['工程', 'programme'], ['品牌', 'brand'], ['机制', 'mechanism'], ['模式', 'model'], ['活动', 'campaign'], ['制度', 'system'], ['服务', 'service'], ['战略', 'strategy'],
] as const;
/** OCR confusions: the right character → what the OCR read. */
const MISREADS: Record<string, string> = { 已: '己', 未: '末', 入: '人', 日: '曰', 干: '千', 土: '士', 天: '夭', 办: '力', 治: '冶', 拔: '拨' };

// ---------------------------------------------------------------------------
// Corpus

interface Corpus {
  sentences: string[];
  clauses: string[];
}

const CJK = /\p{Script=Han}/u;

/** Cuts texts into clean sentences (ending 。！？) and clauses (between ，；). */
export function prepareCorpus(texts: string[], avoid: string[] = []): Corpus {
  const sentences = new Set<string>();
  const clauses = new Set<string>();
  const names = [...avoid].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  for (const text of texts) {
    for (let line of text.split('\n')) {
      line = line.replace(/^#+\s*/, '').replace(/\*\*|__/g, '').replace(/[<>[\]_`|*#\\]/g, '').trim();
      if (line.startsWith('□') || line.startsWith('▲') || line.length < 12) continue;
      for (const name of names) line = line.split(name).join('医院');
      for (const raw of line.match(/[^。！？]+[。！？]/gu) ?? []) {
        const s = raw.replace(/\s+/g, '').replace(/^[”’」』）)]+/, '');
        const han = [...s].filter((c) => CJK.test(c)).length;
        if (s.length < 12 || s.length > 140 || han < s.length * 0.6 || /[~～$&]|http|www/.test(s)) continue;
        if (/^[\d一二三四五六七八九十（(]/.test(s) || /[“‘「][^”’」]*$/.test(s) || /^[^“‘「]*[”’」]/.test(s)) continue;
        sentences.add(s);
        for (const c of s.slice(0, -1).split(/[，；：]/)) {
          if (c.length >= 5 && c.length <= 28 && !/[“”‘’「」《》（）()]/.test(c)) clauses.add(c);
        }
      }
    }
  }
  if (sentences.size < 20 || clauses.size < 20) throw new Error(`corpus too small: ${sentences.size} sentences, ${clauses.size} clauses`);
  return { sentences: [...sentences].sort(), clauses: [...clauses].sort() };
}

// ---------------------------------------------------------------------------
// Entities

interface Hospital {
  id: string;
  name: string;
  aliases: string[];
  short: string;
  province: (typeof PROVINCES)[number];
  city: string;
  county?: string;
  level: string;
  category: string;
  founded?: number;
  provinceStated: boolean;
  intro: string;
  /** Source of the first article that introduces it: its facts cite this. */
  home?: string;
  secretary?: string;
  president?: string;
}

interface Person {
  id: string;
  name: string;
  roles: { kind: string; title: string; branch?: string; hospital: string; source: string; quote: string }[];
}

interface MeasureEntry {
  id: string;
  name: string;
  core: string;
  hospital: string;
  kind: string;
  description: string;
  source: string;
  article: string;
  section?: string;
}

interface CorrectionDraft {
  kind: string;
  original: string;
  reading: string;
  note?: string;
  global?: boolean;
}

/** One sentence of a paragraph: the article's reading, the source's text, the corrections between them. */
interface Piece {
  /** The article text, with `\u0001k\u0001` where the mark of `corr[k]` goes. */
  body: string;
  src: string;
  corr: CorrectionDraft[];
  /** Sentence from the corpus, free to carry a defect. */
  filler?: boolean;
}

interface Block {
  /** `p` running text, `h` heading (Markdown level), `furniture` page furniture (source only), `caption`. */
  type: 'p' | 'h' | 'furniture' | 'caption';
  level?: number;
  pieces: Piece[];
}

// ---------------------------------------------------------------------------

export function generateArchive(options: SyntheticOptions): SyntheticArchive {
  const n = Math.max(1, Math.floor(options.reports));
  const rng = mulberry32((options.seed ?? DEFAULT_SEED) ^ Math.imul(n, 0x9e3779b1));
  const corpus = prepareCorpus(options.corpus, options.avoid);
  const files = new Map<string, string>();
  const usedNames = new Set<string>();
  const usedIds = new Set<string>();

  const uniqueId = (base: string) => {
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    usedIds.add(id);
    return id;
  };

  // --- places and hospitals
  const provinces = PROVINCES.filter((p) => !['taiwan', 'hongkong', 'macau'].includes(p.id));
  const placeName = (len: number): Syl => {
    const syl = Array.from({ length: len }, () => pick(rng, PLACE_SYL));
    return [syl.map((s) => s[0]).join(''), syl.map((s) => s[1]).join('')];
  };
  const fresh = (make: () => Syl): Syl => {
    for (;;) {
      const s = make();
      if (!usedNames.has(s[0])) {
        usedNames.add(s[0]);
        return s;
      }
    }
  };
  const cityCount = Math.max(2, Math.ceil(n / 10));
  const cities = Array.from({ length: cityCount }, () => {
    const [stem, py] = fresh(() => placeName(2));
    return { stem, py, name: `${stem}市`, province: pick(rng, provinces), counties: [] as Syl[] };
  });

  const hospitalCount = Math.max(3, Math.round(n / 4));
  const hospitals: Hospital[] = [];
  const hospitalNames = new Set<string>();
  while (hospitals.length < hospitalCount) {
    const kind = pick(rng, HOSPITAL_KINDS);
    const city = pick(rng, cities);
    let county: Syl | undefined;
    if (!kind.city || chance(rng, 0.4)) {
      county = city.counties.length > 0 && chance(rng, 0.5) ? pick(rng, city.counties) : fresh(() => placeName(2));
      if (!city.counties.includes(county)) city.counties.push(county);
    }
    const countyName = county ? `${county[0]}${chance(rng, 0.5) ? '县' : '区'}` : undefined;
    let name: string;
    let slugPlace: string;
    if (kind.slug === 'township') {
      const [town, townPy] = fresh(() => placeName(2));
      name = `${countyName}${town}${kind.suffix}`;
      slugPlace = `${county![1]}-${townPy}`;
    } else if (kind.city) {
      name = `${city.name}${kind.suffix}`;
      slugPlace = city.py;
    } else {
      name = `${countyName}${kind.suffix}`;
      slugPlace = county![1];
    }
    if (hospitalNames.has(name)) continue;
    hospitalNames.add(name);
    const stem = kind.city ? city.stem : county![0];
    const aliases = kind.alias && chance(rng, 0.5) ? [`${stem}${kind.alias}`] : [];
    const provinceStated = chance(rng, 0.8);
    const founded = chance(rng, 0.7) ? int(rng, 1900, 2005) : undefined;
    const level = pick(rng, kind.level);
    const place = `${city.name}${countyName ?? ''}`;
    const intro =
      `${name}${provinceStated ? `位于${city.province.name}${place}` : `地处${place}`}` +
      `${founded ? `，始建于${founded}年` : ''}，是一所${level}${kind.category}。`;
    hospitals.push({
      id: uniqueId(`${slugPlace}-${kind.slug}`),
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
    });
  }
  shuffle(rng, hospitals);

  // --- people
  const people = new Map<string, Person>();
  const newPersonName = (): Syl =>
    fresh(() => {
      const s = pick(rng, SURNAME);
      const g = Array.from({ length: chance(rng, 0.7) ? 2 : 1 }, () => pick(rng, GIVEN_SYL));
      return [s[0] + g.map((x) => x[0]).join(''), `${s[1]}-${g.map((x) => x[1]).join('')}`];
    });
  const addPerson = (role: Person['roles'][number]): Person => {
    const [name, py] = newPersonName();
    const p: Person = { id: uniqueId(py), name, roles: [role] };
    people.set(p.id, p);
    return p;
  };

  // --- measures
  const measures: MeasureEntry[] = [];
  const usedMeasureIds = new Set<string>();

  // --- text helpers
  const renumber = (s: string) => s.replace(/\d+(?:\.\d+)?/g, (m) => {
    if (/^(19|20)\d\d$/.test(m)) return String(int(rng, 2012, 2023));
    const digits = m.replace('.', '').length;
    const v = String(int(rng, 1, 10 ** Math.min(digits, 5) - 1));
    return m.includes('.') ? `${v.slice(0, -1) || '0'}.${v.slice(-1)}` : v;
  });
  const fillerSentence = (): string => {
    if (chance(rng, 0.55)) return renumber(pick(rng, corpus.sentences));
    const k = int(rng, 2, 4);
    return `${Array.from({ length: k }, () => pick(rng, corpus.clauses)).join('，')}。`;
  };
  const filler = (): Piece => {
    const s = fillerSentence();
    return { body: s, src: s, corr: [], filler: true };
  };
  const plain = (s: string): Piece => ({ body: s, src: s, corr: [] });
  const para = (pieces: Piece[]): Block => ({ type: 'p', pieces });
  const fillerPara = (extra: Piece[] = [], min = 2, max = 5): Block => {
    const pieces = Array.from({ length: int(rng, min, max) }, filler);
    for (const e of extra) pieces.splice(int(rng, 0, pieces.length), 0, e);
    return para(pieces);
  };

  const mention = (h: Hospital, source: string, kind: 'party-secretary' | 'president'): Piece => {
    const title = kind === 'party-secretary' ? '党委书记' : '院长';
    let id = kind === 'party-secretary' ? h.secretary : h.president;
    if (!id) {
      const p = addPerson({ kind, title, hospital: h.id, source, quote: '' });
      id = p.id;
      if (kind === 'party-secretary') h.secretary = id;
      else h.president = id;
    }
    const p = people.get(id)!;
    const s = `${h.short}${title}${p.name}${pick(rng, ['表示', '介绍', '说', '强调'])}，${pick(rng, corpus.clauses)}。`;
    if (!p.roles[0].quote) p.roles[0].quote = `${title}${p.name}`;
    return plain(s);
  };

  const clinician = (h: Hospital, source: string): Piece => {
    const dept = pick(rng, DEPARTMENTS);
    const title = `${dept}${pick(rng, ['主任', '护士长', '副主任医师'])}`;
    const p = addPerson({ kind: 'clinician', title, hospital: h.id, source, quote: '' });
    p.roles[0].quote = `${title}${p.name}`;
    return plain(`${title}${p.name}${pick(rng, ['带领团队', '主动请缨', '坚守岗位'])}，${pick(rng, corpus.clauses)}。`);
  };

  const measureIndex = new Map<string, number>();
  const measure = (h: Hospital, source: string, article: string, section?: string): Piece => {
    const core = `${pick(rng, MEASURE_A)}${pick(rng, MEASURE_B)}`;
    const [suffix, kind] = pick(rng, MEASURE_KINDS);
    const name = `“${core}”${suffix}`;
    const s = `${pick(rng, ['医院', '院党委', h.short, '支部'])}${pick(rng, ['创新实施', '着力打造', '深入开展', '探索建立'])}${name}，${pick(rng, corpus.clauses)}。`;
    if (!measureIndex.has(core)) measureIndex.set(core, measureIndex.size + 1);
    let id = `${h.id}-m${measureIndex.get(core)}-${kind}`;
    for (let k = 2; usedMeasureIds.has(id); k++) id = `${h.id}-m${measureIndex.get(core)}-${kind}-${k}`;
    usedMeasureIds.add(id);
    measures.push({ id, name, core, hospital: h.id, kind, description: s, source, article, section });
    return plain(s);
  };

  /** Running text about a hospital: its intro sentence, people, measures, filler, subheadings. */
  const hospitalBlocks = (
    h: Hospital,
    source: string,
    article: string,
    section: string | undefined,
    paragraphs: number,
    opts: { subheadings: boolean; intro: boolean },
  ): Block[] => {
    h.home ??= source;
    const extras: Piece[][] = Array.from({ length: paragraphs }, () => []);
    const somewhere = () => extras[int(rng, 0, paragraphs - 1)];
    somewhere().push(mention(h, source, 'party-secretary'));
    if (chance(rng, 0.5)) somewhere().push(mention(h, source, 'president'));
    if (chance(rng, 0.3)) somewhere().push(clinician(h, source));
    const nMeasures = int(rng, 1, 3);
    for (let i = 0; i < nMeasures; i++) somewhere().push(measure(h, source, article, section));
    const subs = shuffle(rng, [...SUBHEADINGS]);
    const blocks: Block[] = [];
    for (let i = 0; i < paragraphs; i++) {
      if (opts.subheadings && i > 0 && i % 3 === 1) {
        const k = Math.ceil(i / 3);
        blocks.push({ type: 'h', level: 3, pieces: [plain(`${chineseNumeral(k)}、${subs[k % subs.length]}`)] });
      }
      const b = fillerPara(extras[i], 2, 4);
      if (i === 0 && opts.intro) b.pieces.unshift(plain(h.intro));
      blocks.push(b);
    }
    if (chance(rng, 0.15)) {
      const caption = `▲ ${h.short}${pick(rng, ['开展义诊活动', '党员志愿服务队', '主题党日活动', '医院外景'])}`;
      blocks.splice(int(rng, 1, blocks.length), 0, { type: 'caption', pieces: [plain(caption)] });
    }
    return blocks;
  };

  let corrections = 0;
  let sections = 0;
  const articleIds: string[] = [];

  // Each hospital leads at least one report; the rest pick hospitals at random.
  const leads = Array.from({ length: n }, (_, i) => (i < hospitals.length ? hospitals[i] : pick(rng, hospitals)));
  const profiled = new Set<string>();

  for (let i = 0; i < n; i++) {
    const lead = leads[i];
    const sourceId = `${String(i % 1000).padStart(3, '0')}_${hex(rng, 16)}`;
    const id = uniqueId(`r${String(i + 1).padStart(5, '0')}-${lead.id}`.slice(0, 60).replace(/-+$/, ''));
    articleIds.push(id);
    const shape = i < hospitals.length ? (chance(rng, 0.85) ? 'report' : 'essays') : pick(rng, ['report', 'report', 'report', 'report', 'report', 'report', 'essays', 'essays', 'profiles']);
    const year = int(rng, 2016, 2024);
    const month = int(rng, 1, 12);
    const day = int(rng, 1, 28);
    const precision = pick(rng, ['day', 'day', 'month', 'year']);
    const dateText = `${year}年${month}月${day}日`;
    const provinceShort = lead.province.short;
    const newspaper = chance(rng, 0.6) ? `${provinceShort}${pick(rng, NEWSPAPER_SUFFIX)}` : pick(rng, NATIONAL_PAPERS);
    const page = int(rng, 1, 8);
    const masthead = `${newspaper} ${dateText} 星期${'一二三四五六日'[int(rng, 0, 6)]} 第${page}版`;
    const column = chance(rng, 0.6) ? pick(rng, COLUMNS) : undefined;
    const reporter = newPersonName()[0];
    const byline = chance(rng, 0.7) ? `□本报记者 ${reporter} 通讯员 ${newPersonName()[0]}` : undefined;

    let title: string;
    let subtitle: string | undefined;
    let series: { name: string; number: number } | undefined;
    const hospitalIds = [lead.id];
    const sectionDefs: Record<string, unknown>[] = [];
    const blocks: Block[] = [];
    if (byline) blocks.push(para([plain(byline)]));

    if (shape === 'report') {
      const slogan = pick(rng, SLOGANS);
      if (chance(rng, 0.5)) title = `${lead.name}：${slogan}`;
      else {
        title = slogan;
        subtitle = `——${lead.name}${pick(rng, ['以党建引领高质量发展', '党建工作纪实', '办实事纪实', '创建党建品牌纪实'])}`;
      }
      blocks.push(...hospitalBlocks(lead, sourceId, id, undefined, int(rng, 8, 14), { subheadings: true, intro: true }));
    } else if (shape === 'essays') {
      const topic = pick(rng, TOPICS);
      const number = int(rng, 1, 9);
      series = { name: `支部书记谈${topic}`, number };
      title = pick(rng, SLOGANS);
      subtitle = `——${lead.name}“支部书记谈${topic}”之${chineseNumeral(number)}`;
      sectionDefs.push({ id: 'editor-note', heading: '【编者按】', kind: 'editor-note', hospital: lead.id });
      blocks.push({ type: 'h', level: 2, pieces: [plain('【编者按】')] }, fillerPara([], 3, 5));
      const branches = shuffle(rng, [...BRANCHES]).slice(0, int(rng, 3, 4));
      const headings = shuffle(rng, [...SUBHEADINGS]);
      branches.forEach((branch, k) => {
        const secretaryTitle = `${branch}书记`;
        const line = `${lead.name}${branch}书记 `;
        const p = addPerson({ kind: 'branch-secretary', title: secretaryTitle, branch, hospital: lead.id, source: sourceId, quote: '' });
        p.roles[0].quote = `${line}${p.name}`;
        const sid = `essay-${k + 1}`;
        sectionDefs.push({ id: sid, heading: headings[k], kind: 'essay', hospital: lead.id, branch, secretary: p.id });
        blocks.push({ type: 'h', level: 2, pieces: [plain(headings[k])] }, para([plain(`${line}${p.name}`)]));
        // The hospital's intro sentence once, in the first essay.
        blocks.push(...hospitalBlocks(lead, sourceId, id, sid, int(rng, 4, 6), { subheadings: false, intro: k === 0 }));
      });
    } else {
      const number = int(rng, 1, 9);
      series = { name: '党建品牌单位风采展示', number };
      title = `党建引领 ${pick(rng, SLOGANS)}`;
      subtitle = `——党建品牌单位风采展示（${chineseNumeral(number)}）`;
      const others = shuffle(rng, hospitals.filter((h) => h.id !== lead.id && h.province.id === lead.province.id && h.home)).slice(0, int(rng, 2, 4));
      const featured = [lead, ...others];
      for (const h of featured) {
        if (!hospitalIds.includes(h.id)) hospitalIds.push(h.id);
        profiled.add(h.id);
        const heading = `${h.name} ${pick(rng, SLOGANS)}`;
        sectionDefs.push({ id: h.id, heading, kind: 'profile', hospital: h.id });
        blocks.push({ type: 'h', level: 2, pieces: [plain(heading)] }, ...hospitalBlocks(h, sourceId, id, h.id, int(rng, 3, 5), { subheadings: false, intro: true }));
      }
    }

    // --- defects in the source, corrections in the article
    const fillers = blocks.flatMap((b) => (b.type === 'p' ? b.pieces.filter((p) => p.filler) : []));
    const take = () => fillers.splice(int(rng, 0, fillers.length - 1), 1)[0];
    // page-head line printed between two paragraphs (always)
    const paraIdx = blocks.map((b, k) => (b.type === 'p' ? k : -1)).filter((k) => k > 1);
    const at = paraIdx.length > 1 ? pick(rng, paraIdx.slice(0, -1)) : blocks.length - 1;
    const furniture: CorrectionDraft = { kind: 'furniture', original: masthead, reading: '', note: '版面页眉（报名、日期、版次），删。' };
    blocks[at].pieces.push({ body: '\u00010\u0001', src: '', corr: [furniture] });
    blocks.splice(at + 1, 0, { type: 'furniture', pieces: [{ body: '', src: masthead, corr: [] }] });
    if (chance(rng, 0.5) && fillers.length) {
      const s = take();
      const cut = int(rng, 4, Math.max(4, s.body.length - 5));
      if (s.body.length > 10 && CJK.test(s.body[cut - 1]) && CJK.test(s.body[cut])) {
        s.src = `${s.body.slice(0, cut)}\n\n${s.body.slice(cut)}`;
        s.corr.push({ kind: 'paragraph-join', original: `${s.body.slice(cut - 4, cut)}\n\n${s.body.slice(cut, cut + 4)}`, reading: s.body.slice(cut - 4, cut + 4), note: '句中断段，今合并。' });
      }
    }
    if (chance(rng, 0.35) && fillers.length) {
      const s = take();
      const m = /\p{Script=Han}{2}/u.exec(s.body.slice(3));
      if (m) {
        const k = m.index + 3;
        const w = m[0];
        s.src = `${s.body.slice(0, k + 2)}${w}${s.body.slice(k + 2)}`;
        s.corr.push({ kind: 'doubled', original: `${s.body.slice(k - 3, k)}${w}${w}${s.body.slice(k + 2, k + 4)}`, reading: `${s.body.slice(k - 3, k)}${w}${s.body.slice(k + 2, k + 4)}` });
        s.body = `${s.body.slice(0, k + 2)}\u0001${s.corr.length - 1}\u0001${s.body.slice(k + 2)}`;
      }
    }
    if (chance(rng, 0.3) && fillers.length) {
      const s = take();
      let k = -1;
      for (let j = 3; j < s.body.length - 4 && k < 0; j++) if (s.body[j] in MISREADS) k = j;
      if (k > 0) {
        const wrong = MISREADS[s.body[k]];
        s.src = `${s.body.slice(0, k)}${wrong}${s.body.slice(k + 1)}`;
        s.corr.push({ kind: 'misread', original: s.body.slice(k - 3, k) + wrong + s.body.slice(k + 1, k + 4), reading: s.body.slice(k - 3, k + 4) });
        s.body = `${s.body.slice(0, k + 1)}\u0001${s.corr.length - 1}\u0001${s.body.slice(k + 1)}`;
      }
    }
    if (chance(rng, 0.2) && fillers.length) {
      const s = take();
      if (s.body.includes('，')) {
        s.src = s.body.replaceAll('，', ',');
        s.corr.push({ kind: 'punctuation', original: ',', reading: '，', global: true, note: '原文夹用半角逗号，今统一为全角。' });
      }
    }
    if (chance(rng, 0.1) && fillers.length) {
      const s = take();
      if (s.body.length > 12) {
        const q = s.body.slice(2, 10);
        s.corr.push({ kind: 'query', original: q, reading: q, note: '此处文意不明，今照录存疑（合成数据）。' });
        s.body = `${s.body.slice(0, 10)}\u0001${s.corr.length - 1}\u0001${s.body.slice(10)}`;
      }
    }

    // --- assemble: correction ids in reading order, body Markdown, source text
    const corrList: Record<string, unknown>[] = [];
    const bodyParts: string[] = [];
    const srcParts: string[] = [];
    if (column) srcParts.push(column);
    srcParts.push(title);
    if (subtitle) srcParts.push(subtitle);
    for (const b of blocks) {
      const text = b.pieces
        .map((p) => {
          const ids = p.corr.map((c) => {
            corrList.push({ id: `c${corrList.length + 1}`, ...c });
            return `c${corrList.length}`;
          });
          return p.body.replace(/\u0001(\d+)\u0001/g, (_, k: string) => `[[${ids[Number(k)]}]]`);
        })
        .join('');
      const src = b.pieces.map((p) => p.src).join('');
      srcParts.push(src);
      if (b.type === 'furniture') continue;
      if (b.type === 'h') bodyParts.push(`${'#'.repeat(b.level ?? 2)} ${text}`);
      else if (b.type === 'caption') bodyParts.push(`<p class="caption">${text}</p>`);
      else bodyParts.push(text);
    }
    corrections += corrList.length;
    sections += sectionDefs.length;

    const dateValue = precision === 'day' ? `${year}-${pad2(month)}-${pad2(day)}` : precision === 'month' ? `${year}-${pad2(month)}` : String(year);
    const frontmatter: Record<string, unknown> = {
      title,
      ...(subtitle && { subtitle }),
      ...(column && { column }),
      ...(series && { series }),
      newspaper: { value: newspaper, quote: masthead.split(' ')[0] },
      ...(byline && { byline }),
      date:
        precision === 'year' && chance(rng, 0.5)
          ? { value: quoted(String(year)), inferred: `版头日期为${dateText}，此处只记年份（合成数据，用以覆盖年份精度）。`, quote: dateText }
          : { value: quoted(dateValue), quote: dateText },
      page: `第${page}版`,
      source: sourceId,
      hospitals: hospitalIds,
      ...(sectionDefs.length > 0 && { sections: sectionDefs }),
      corrections: corrList,
    };
    files.set(`articles/${id}.md`, `---\n${yamlText(frontmatter)}---\n\n${bodyParts.join('\n\n')}\n`);
    files.set(`sources/${sourceId}.txt`, `${srcParts.join('\n\n')}\n`);
  }

  // --- hospitals, people, measures
  for (const h of hospitals) {
    const source = h.home!;
    const fact = (value: unknown, quote: string) => ({ value, source, quote });
    const place = `${h.city}${h.county ?? ''}`;
    const data: Record<string, unknown> = {
      name: h.name,
      aliases: h.aliases,
      province: h.provinceStated
        ? fact(h.province.name, `位于${h.province.name}${place}`)
        : { value: h.province.name, source, inferred: `文中只写“${place}”，未写省份；${h.city}属${h.province.name}是生成器的设定（合成数据，非事实）。`, quote: `地处${place}` },
      city: fact(h.city, h.provinceStated ? `位于${h.province.name}${place}` : `地处${place}`),
      ...(h.county && { county: fact(h.county, place) }),
      level: fact(h.level, `是一所${h.level}${h.category}`),
      category: fact(h.category, `是一所${h.level}${h.category}`),
      ...(h.founded && { founded: fact(h.founded, `始建于${h.founded}年`) }),
    };
    files.set(`hospitals/${h.id}.yaml`, yamlText(data));
  }
  for (const p of people.values()) {
    const roles = p.roles.map((r) => ({ kind: r.kind, title: r.title, ...(r.branch && { branch: r.branch }), hospital: r.hospital, source: r.source, quote: r.quote }));
    files.set(`people/${p.id}.yaml`, yamlText({ name: p.name, roles }));
  }
  for (const m of measures) {
    files.set(
      `measures/${m.id}.yaml`,
      yamlText({ name: m.name, hospital: m.hospital, kind: m.kind, description: m.description, source: m.source, article: m.article, ...(m.section && { section: m.section }) }),
    );
  }

  // Names made the same way but never written: queries for them must find nothing.
  const unused: string[] = [];
  for (let k = 0; k < 40; k++) {
    unused.push(newPersonName()[0]);
    const [stem] = fresh(() => placeName(2));
    unused.push(`${stem}市${pick(rng, HOSPITAL_KINDS).suffix}`);
  }

  return {
    files,
    names: {
      hospitals: hospitals.map((h) => h.name),
      aliases: hospitals.flatMap((h) => h.aliases),
      people: [...people.values()].map((p) => p.name),
      measures: [...new Set(measures.map((m) => m.core))],
      cities: cities.map((c) => c.name),
      unused,
    },
    counts: { articles: n, sources: n, hospitals: hospitals.length, people: people.size, measures: measures.length, sections, corrections },
  };
}

const pad2 = (x: number) => String(x).padStart(2, '0');

/** A string YAML 1.1 readers (Astro's) must not turn into a date or number. */
function quoted(value: string): Scalar {
  const s = new Scalar(value);
  s.type = 'QUOTE_DOUBLE';
  return s;
}

function yamlText(data: unknown): string {
  return stringify(data, { lineWidth: 0, flowCollectionPadding: false });
}
