/**
 * One synthetic report: its newspaper, date and page (the masthead its source
 * prints), and its text in one of three shapes, in the proportions of the
 * curated archive: a single report on one hospital; an editor's note with
 * branch secretaries' essays (sections of kind `editor-note` and `essay`); a
 * feature profiling several hospitals of one province (sections of kind
 * `profile`). Some reports also mention another hospital in passing (a
 * partner, a visit) without being about it, as real reports do: relevance
 * must rank the reports about a hospital above those (`npm run bench:rank`).
 */
import type { Context } from './context.ts';
import { hospitalBlocks } from './hospital-text.ts';
import type { Hospital } from './hospitals.ts';
import { chance, hex, int, mulberry32, pick, shuffle } from './random.ts';
import { fillerPara, para, plain, type Block } from './text.ts';
import { BRANCHES, chineseNumeral, COLUMNS, NATIONAL_PAPERS, NEWSPAPER_SUFFIX, SLOGANS, SUBHEADINGS, TOPICS } from './vocabulary.ts';

export interface ReportHeader {
  sourceId: string;
  /** The article's id. */
  id: string;
  shape: 'report' | 'essays' | 'profiles';
  year: number;
  month: number;
  day: number;
  /** How much of the date the article records. */
  precision: 'day' | 'month' | 'year';
  /** The date as the masthead prints it, e.g. `2021年7月5日`. */
  dateText: string;
  newspaper: string;
  page: number;
  /** The page-head line of the source: newspaper, date, weekday, page. */
  masthead: string;
  column?: string;
  byline?: string;
}

export interface ReportContent {
  title: string;
  subtitle?: string;
  series?: { name: string; number: number };
  hospitalIds: string[];
  /** The frontmatter's `sections`. */
  sections: Record<string, unknown>[];
  blocks: Block[];
}

const SHAPES = ['report', 'report', 'report', 'report', 'report', 'report', 'essays', 'essays', 'profiles'] as const;

/** The `i`-th report's bibliographic data; `first` when it is the first report on its lead hospital. */
export function reportHeader({ rng, namer }: Context, i: number, lead: Hospital, first: boolean): ReportHeader {
  const sourceId = `${String(i % 1000).padStart(3, '0')}_${hex(rng, 16)}`;
  const id = namer.uniqueId(`r${String(i + 1).padStart(5, '0')}-${lead.id}`.slice(0, 60).replace(/-+$/, ''));
  // A hospital's first report is never a feature: a feature profiles hospitals already introduced.
  const shape = first ? (chance(rng, 0.85) ? 'report' : 'essays') : pick(rng, SHAPES);
  const year = int(rng, 2016, 2024);
  const month = int(rng, 1, 12);
  const day = int(rng, 1, 28);
  const precision = pick(rng, ['day', 'day', 'month', 'year'] as const);
  const dateText = `${year}年${month}月${day}日`;
  const newspaper = chance(rng, 0.6) ? `${lead.province.short}${pick(rng, NEWSPAPER_SUFFIX)}` : pick(rng, NATIONAL_PAPERS);
  const page = int(rng, 1, 8);
  const masthead = `${newspaper} ${dateText} 星期${'一二三四五六日'[int(rng, 0, 6)]} 第${page}版`;
  const column = chance(rng, 0.6) ? pick(rng, COLUMNS) : undefined;
  const reporter = namer.person()[0];
  const byline = chance(rng, 0.7) ? `□本报记者 ${reporter} 通讯员 ${namer.person()[0]}` : undefined;
  return { sourceId, id, shape, year, month, day, precision, dateText, newspaper, page, masthead, column, byline };
}

/** The report's title, sections and running text, in its header's shape. */
export function reportContent(ctx: Context, header: ReportHeader, lead: Hospital, hospitals: Hospital[]): ReportContent {
  const where = { source: header.sourceId, article: header.id };
  const content =
    header.shape === 'report'
      ? singleReport(ctx, lead, where)
      : header.shape === 'essays'
        ? essays(ctx, lead, where)
        : profiles(ctx, lead, hospitals, where);
  if (header.byline) content.blocks.unshift(para([plain(header.byline)]));
  const mention = passingMention(header, content.hospitalIds, hospitals);
  if (mention) content.blocks.push(mention);
  return content;
}

const MENTIONS = [
  (name: string) => `医院还与${name}签订医联体合作协议，双方专家定期坐诊带教。`,
  (name: string) => `近日，${name}党委一行来院交流党建工作经验。`,
  (name: string) => `在全市卫生健康系统党建工作推进会上，${name}等单位作了交流发言。`,
];

/**
 * A paragraph naming a hospital the report is not about, in one report of
 * three. Drawn from its own generator seeded by the report's id, so the rest
 * of the archive is what it would be without it.
 */
function passingMention(header: ReportHeader, about: string[], hospitals: Hospital[]): Block | undefined {
  let seed = 0;
  for (const c of header.id) seed = (Math.imul(seed, 31) + c.charCodeAt(0)) >>> 0;
  const rng = mulberry32(seed);
  const others = hospitals.filter((h) => h.home && !about.includes(h.id));
  if (others.length === 0 || !chance(rng, 1 / 3)) return undefined;
  return para([plain(pick(rng, MENTIONS)(pick(rng, others).name))]);
}

interface Where {
  source: string;
  article: string;
}

function singleReport(ctx: Context, lead: Hospital, where: Where): ReportContent {
  const { rng } = ctx;
  const slogan = pick(rng, SLOGANS);
  const byName = chance(rng, 0.5);
  const title = byName ? `${lead.name}：${slogan}` : slogan;
  const subtitle = byName
    ? undefined
    : `——${lead.name}${pick(rng, ['以党建引领高质量发展', '党建工作纪实', '办实事纪实', '创建党建品牌纪实'])}`;
  const blocks = hospitalBlocks(ctx, lead, where, int(rng, 8, 14), { subheadings: true, intro: true });
  return { title, subtitle, hospitalIds: [lead.id], sections: [], blocks };
}

/** An editor's note, then three or four essays by branch secretaries of the lead hospital. */
function essays(ctx: Context, lead: Hospital, where: Where): ReportContent {
  const { rng, people } = ctx;
  const topic = pick(rng, TOPICS);
  const number = int(rng, 1, 9);
  const series = { name: `支部书记谈${topic}`, number };
  const title = pick(rng, SLOGANS);
  const subtitle = `——${lead.name}“支部书记谈${topic}”之${chineseNumeral(number)}`;
  const sections: Record<string, unknown>[] = [{ id: 'editor-note', heading: '【编者按】', kind: 'editor-note', hospital: lead.id }];
  const blocks: Block[] = [{ type: 'h', level: 2, pieces: [plain('【编者按】')] }, fillerPara(ctx, [], 3, 5)];
  const branches = shuffle(rng, [...BRANCHES]).slice(0, int(rng, 3, 4));
  const headings = shuffle(rng, [...SUBHEADINGS]);
  branches.forEach((branch, k) => {
    const line = `${lead.name}${branch}书记 `;
    const p = people.add({ kind: 'branch-secretary', title: `${branch}书记`, branch, hospital: lead.id, source: where.source, quote: '' });
    p.roles[0].quote = `${line}${p.name}`;
    const section = `essay-${k + 1}`;
    sections.push({ id: section, heading: headings[k], kind: 'essay', hospital: lead.id, branch, secretary: p.id });
    blocks.push({ type: 'h', level: 2, pieces: [plain(headings[k])] }, para([plain(`${line}${p.name}`)]));
    // The hospital's intro sentence once, in the first essay.
    blocks.push(...hospitalBlocks(ctx, lead, { ...where, section }, int(rng, 4, 6), { subheadings: false, intro: k === 0 }));
  });
  return { title, subtitle, series, hospitalIds: [lead.id], sections, blocks };
}

/** A feature on the lead hospital and two to four others of its province that earlier reports introduced. */
function profiles(ctx: Context, lead: Hospital, hospitals: Hospital[], where: Where): ReportContent {
  const { rng } = ctx;
  const number = int(rng, 1, 9);
  const series = { name: '党建品牌单位风采展示', number };
  const title = `党建引领 ${pick(rng, SLOGANS)}`;
  const subtitle = `——党建品牌单位风采展示（${chineseNumeral(number)}）`;
  const others = shuffle(
    rng,
    hospitals.filter((h) => h.id !== lead.id && h.province.id === lead.province.id && h.home),
  ).slice(0, int(rng, 2, 4));
  const hospitalIds = [lead.id];
  const sections: Record<string, unknown>[] = [];
  const blocks: Block[] = [];
  for (const h of [lead, ...others]) {
    if (!hospitalIds.includes(h.id)) hospitalIds.push(h.id);
    const heading = `${h.name} ${pick(rng, SLOGANS)}`;
    sections.push({ id: h.id, heading, kind: 'profile', hospital: h.id });
    blocks.push(
      { type: 'h', level: 2, pieces: [plain(heading)] },
      ...hospitalBlocks(ctx, h, { ...where, section: h.id }, int(rng, 3, 5), { subheadings: false, intro: true }),
    );
  }
  return { title, subtitle, series, hospitalIds, sections, blocks };
}
