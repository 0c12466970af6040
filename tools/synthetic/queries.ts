/**
 * A generated query set for one synthetic archive, in the format of
 * ../shared/search-eval (`{ id, category, q, match }`), with the expected
 * pages computed like eval.mjs does: a page is expected when its normalized
 * text contains every `match` term.
 *
 * Categories follow the public set: hospital (full names), alias, person,
 * measure (programme names), word (2–3 characters), phrase (4–8 characters
 * cut anywhere in the running text), traditional (a Simplified term typed in
 * Traditional characters), multi (two terms), latin, single (one character)
 * and absent (generated names that occur nowhere). Only queries expecting at
 * most `cap` pages are kept, the same cap at every size, so that the result
 * lists stay pageable and every size is asked equally selective questions.
 */
import { mulberry32, pick, type Rng } from './random.ts';
import { evalNormalize, type TruthPage } from '../shared/search-truth.ts';

export interface Query {
  id: string;
  category: string;
  q: string;
  match: string[];
  expected?: string[];
}

/** Simplified → Traditional for the characters the generated text uses most. */
const S2T: Record<string, string> = Object.fromEntries(
  [
    '医醫',
    '院院',
    '党黨',
    '区區',
    '县縣',
    '务務',
    '卫衛',
    '疗療',
    '护護',
    '员員',
    '书書',
    '记記',
    '发發',
    '质質',
    '优優',
    '体體',
    '业業',
    '学學',
    '会會',
    '实實',
    '为為',
    '这這',
    '个個',
    '们們',
    '时時',
    '对對',
    '开開',
    '关關',
    '门門',
    '经經',
    '过過',
    '还還',
    '进進',
    '动動',
    '长長',
    '东東',
    '华華',
    '国國',
    '与與',
    '义義',
    '乡鄉',
    '镇鎮',
    '专專',
    '设設',
    '认認',
    '论論',
    '让讓',
    '诊診',
    '药藥',
    '级級',
    '综綜',
    '织織',
    '组組',
    '领領',
    '导導',
    '带帶',
    '头頭',
    '强強',
    '创創',
    '检檢',
    '营營',
    '龙龍',
    '凤鳳',
    '兴興',
    '宁寧',
    '丰豐',
    '泽澤',
    '湾灣',
    '阳陽',
    '云雲',
    '杨楊',
    '刘劉',
    '陈陳',
    '张張',
    '赵趙',
    '吴吳',
    '郑鄭',
    '谢謝',
    '韩韓',
    '冯馮',
    '邓鄧',
    '肖蕭',
    '丽麗',
    '伟偉',
    '军軍',
    '艳豔',
    '娟娟',
    '辉輝',
    '鹏鵬',
    '飞飛',
    '宾賓',
    '颖穎',
    '晓曉',
    '庆慶',
    '风風',
    '机機',
    '制製',
    '战戰',
    '计計',
    '划劃',
    '线線',
    '联聯',
    '盟盟',
    '红紅',
    '铸鑄',
    '聚聚',
    '驿驛',
    '桥橋',
    '卫衛',
    '队隊',
    '岗崗',
    '纽紐',
    '锋鋒',
    '灯燈',
    '压壓',
    '标標',
    '准準',
    '建建',
    '围圍',
    '绩績',
    '效效',
    '贯貫',
    '彻徹',
    '坚堅',
    '传傳',
    '统統',
    '态態',
    '热熱',
    '爱愛',
    '众眾',
    '满滿',
    '意意',
  ].map((p) => [p[0], p[1]]),
);

export function toTraditional(s: string): string {
  return [...s].map((c) => S2T[c] ?? c).join('');
}

const HAN_RUN = /\p{Script=Han}+/gu;

function randomSubstring(rng: Rng, text: string, minLen: number, maxLen: number): string | undefined {
  const runs = text.match(HAN_RUN)?.filter((r) => r.length >= minLen);
  if (!runs?.length) return undefined;
  const run = runs[Math.floor(rng() * runs.length)];
  const len = Math.min(run.length, minLen + Math.floor(rng() * (maxLen - minLen + 1)));
  const at = Math.floor(rng() * (run.length - len + 1));
  return run.slice(at, at + len);
}

export interface Names {
  hospitals: string[];
  aliases: string[];
  people: string[];
  measures: string[];
  unused: string[];
}

/**
 * How the search page reads a query beyond substrings (docs/search.md), for
 * a truth that asks what it promises: punctuation that only joins words is
 * skipped on both sides, and a term that is a name of a hospital or person
 * finds every page with any of its names (`alternatives`, from the built
 * site's names table).
 */
export interface TruthRules {
  alternatives?: (term: string) => string[] | undefined;
  skipJoining?: boolean;
}

/** The punctuation docs/search.md says only joins words: 、 “” ‘’ 《》 「」 『』 · " '. */
export const JOINING = /[、“”‘’《》「」『』·"']/gu;

/** Pages as the truth compares them under `rules`: without joining punctuation when it is skipped. Once per page set. */
export function truthTexts(pages: TruthPage[], rules: TruthRules): TruthPage[] {
  return rules.skipJoining ? pages.map((p) => ({ url: p.url, text: p.text.replace(JOINING, '') })) : pages;
}

/** Pages (in `truthTexts` form) that hold every term of `match`, or for a name any of its names. */
export function expectedPages(match: string[], pages: TruthPage[], rules: TruthRules = {}): string[] {
  const form = (s: string) => (rules.skipJoining ? evalNormalize(s).replace(JOINING, '') : evalNormalize(s));
  const terms = match.map((t) => (rules.alternatives?.(t) ?? [t]).map(form));
  return pages.filter((p) => terms.every((names) => names.some((n) => p.text.includes(n)))).map((p) => p.url);
}

/** Queries of one category, each new and expecting 1 to `cap` pages (`absent` ones: none), numbered within their category. */
class QuerySet {
  readonly queries: Query[] = [];
  private readonly seen = new Set<string>();
  private readonly pages: TruthPage[];
  private readonly cap: number;
  private readonly rules: TruthRules;

  constructor(pages: TruthPage[], cap: number, rules: TruthRules) {
    this.pages = truthTexts(pages, rules);
    this.cap = cap;
    this.rules = rules;
  }

  /** Up to `want` queries of `category` from `make` (which may give up on a try), in at most `tries` tries. */
  fill(category: string, want: number, make: () => [string, string[]?] | undefined, tries = want * 40): void {
    let got = 0;
    for (let i = 0; i < tries && got < want; i++) {
      const made = make();
      if (made && this.add(category, made[0], made[1])) got++;
    }
  }

  private add(category: string, q: string, match: string[] = [q]): boolean {
    if (!q || this.seen.has(q)) return false;
    const expected = expectedPages(match, this.pages, this.rules);
    if (category === 'absent' ? expected.length > 0 : expected.length === 0 || expected.length > this.cap) return false;
    this.seen.add(q);
    this.queries.push({
      id: `${category}-${this.queries.filter((x) => x.category === category).length + 1}`,
      category,
      q,
      match,
      expected,
    });
    return true;
  }
}

/** Latin tokens of the pages that never occur inside a longer Latin token (so substring truth is word truth). */
function latinTokens(pages: TruthPage[]): string[] {
  const latin = new Set<string>();
  for (const p of pages.slice(0, 2000)) for (const m of p.text.matchAll(/[a-z]+/g)) latin.add(m[0]);
  return [...latin].filter((t) => t.length >= 2 && ![...latin].some((o) => o !== t && o.includes(t))).sort();
}

/** About 160 queries; deterministic for a given seed, names and pages. */
export function generateQueries(names: Names, pages: TruthPage[], opts: { seed?: number; cap?: number; rules?: TruthRules } = {}): Query[] {
  const rng = mulberry32(opts.seed ?? 9);
  const set = new QuerySet(pages, opts.cap ?? 100, opts.rules ?? {});
  const text = () => pick(rng, pages).text;
  /** A run of `min`–`max` Chinese characters cut anywhere in a random page's text. */
  const cut = (min: number, max: number) => (): [string] | undefined => {
    const w = randomSubstring(rng, text(), min, max);
    return w ? [w] : undefined;
  };
  set.fill('hospital', 20, () => [pick(rng, names.hospitals)]);
  if (names.aliases.length) set.fill('alias', 10, () => [pick(rng, names.aliases)]);
  set.fill('person', 20, () => [pick(rng, names.people)]);
  set.fill('measure', 15, () => [pick(rng, names.measures)]);
  set.fill('word', 20, cut(2, 3));
  set.fill('phrase', 30, cut(4, 8));
  set.fill('traditional', 15, () => {
    const source = rng() < 0.5 ? pick(rng, names.hospitals) : randomSubstring(rng, text(), 3, 6);
    if (!source) return undefined;
    const t = toTraditional(source);
    return t === source ? undefined : [t, [source]];
  });
  set.fill('multi', 10, () => {
    const page = text();
    const a = randomSubstring(rng, page, 2, 4);
    const b = randomSubstring(rng, page, 2, 4);
    return a && b && !a.includes(b) && !b.includes(a) ? [`${a} ${b}`, [a, b]] : undefined;
  });
  const tokens = latinTokens(pages);
  set.fill('latin', 5, () => (tokens.length ? [pick(rng, tokens).toUpperCase()] : undefined));
  set.fill('single', 5, cut(1, 1));
  set.fill('absent', 10, () => [pick(rng, names.unused)]);
  return set.queries;
}
