/**
 * How to cite an archived article: GB/T 7714-2015 (the Chinese standard),
 * BibTeX (biblatex, `entrysubtype = newspaper`) and RIS (`TY - NEWS`).
 * Pure functions of plain data, so each format is unit-tested.
 *
 * Inferred facts follow GB/T 7714's convention of square brackets
 * (`[2023]`, `[出版者不详]`), so a citation never presents a guess as printed.
 */

import { invertedName } from './names.ts';

export interface CitationInput {
  id: string;
  title: string;
  subtitle?: string;
  authors: string[];
  newspaper?: { value: string; inferred?: string };
  date: { value: string; precision: 'year' | 'month' | 'day'; inferred?: string };
  page?: string;
  url: string;
}

const BYLINE_ROLES = /(?:□|■|本报|全媒体|特约|见习)?(?:记者|通讯员|特约记者|实习生|编辑|撰稿|摄影)|[□■]|随州日报|本报/gu;

/**
 * Names in a byline as printed: "□本报记者 邹欣芮 特约记者 张威 通讯员 杨玲玲 赵聪"
 * gives [邹欣芮, 张威, 杨玲玲, 赵聪]. A trailing credit in parentheses,
 * "(陈春伟 朱少荣)", gives its names too.
 */
export function bylineAuthors(byline: string | undefined): string[] {
  if (!byline) return [];
  return byline
    .replace(/[()（）]/g, ' ')
    .replace(BYLINE_ROLES, ' ')
    .split(/[\s、，,]+/u)
    .map((s) => s.trim())
    .filter((s) => /^\p{Script=Han}{2,4}$/u.test(s));
}

function gbDate(date: CitationInput['date']): string {
  return date.inferred ? `[${date.value}]` : date.value;
}

export function fullTitle(input: CitationInput): string {
  if (!input.subtitle) return input.title;
  const sub = input.subtitle.replace(/^[—–-]+/u, '');
  return `${input.title}：${sub}`;
}

/** One paragraph of an article: its ordinal on the page (第N段) and its id, the URL fragment. */
export interface ParagraphLocator {
  ordinal: number;
  id: string;
}

/**
 * GB/T 7714-2015 §8, newspaper article, online: 作者. 题名[N/OL]. 报纸名, 日期(版次). URL.
 * With a paragraph, `citeParagraph` of that.
 */
export function formatGbt7714(input: CitationInput, paragraph?: ParagraphLocator): string {
  const authors = input.authors.length > 3 ? [...input.authors.slice(0, 3), '等'] : input.authors;
  const who = authors.length > 0 ? `${authors.join(', ')}. ` : '';
  const paper = input.newspaper ? (input.newspaper.inferred ? `[${input.newspaper.value}]` : input.newspaper.value) : '[出版者不详]';
  const page = input.page ? `(${input.page})` : '';
  const article = `${who}${fullTitle(input)}[N/OL]. ${paper}, ${gbDate(input.date)}${page}. ${input.url}.`;
  return paragraph ? citeParagraph(article, paragraph) : article;
}

/**
 * An article's GB/T 7714 citation narrowed to one of its paragraphs. The
 * paragraph stands where the standard puts the cited pages of a serial
 * (`年, 卷(期): 页码`), after a colon — `日期(版次): 第N段` — and the URL points
 * at it (`#p-…`); the standard has no paragraph locator of its own. Works on
 * the citation text (it ends `. URL.`, and a URL has no spaces), so the page
 * derives it from the citation it shows and ships no citation data.
 */
export function citeParagraph(articleCitation: string, paragraph: ParagraphLocator): string {
  const at = articleCitation.lastIndexOf('. ');
  const url = articleCitation.slice(at + 2, -1);
  return `${articleCitation.slice(0, at)}: 第${paragraph.ordinal}段. ${url}#${paragraph.id}.`;
}

function bibEscape(text: string): string {
  return text.replace(/([{}\\&%$#_])/g, '\\$1');
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** What a reference manager files beside the citation: the report's lede as its abstract, tags (reference-manager.ts). */
export interface ReferenceExtras {
  abstract?: string;
  keywords?: string[];
}

/**
 * A newspaper article as biblatex documents it (`@article` with
 * `entrysubtype = {newspaper}`, `date`), with the fields classic BibTeX
 * requires (`journal`, `year`, `month` as its macro), so neither warns. The
 * newspaper is in `journal` alone: biblatex reads it as `journaltitle` (its
 * alias), and where both are given biber rejects `journal` as a field its
 * data model does not know, and Zotero files the second as the journal's
 * abbreviation. The newspaper's name, where the source does not give it, is
 * GB/T 7714's [出版者不详]. The language is `langid` (biblatex's name for
 * hyphenation and localisation) and no `language`: biblatex's standard styles
 * print that field as it stands, "zh-CN" in every reference, and have no
 * localisation key for Chinese. The evidence for an inferred date or newspaper goes
 * to `annotation`, the lede to `abstract` and the tags to `keywords`, which no
 * standard style prints and Zotero imports.
 */
export function formatBibtex(input: CitationInput, extra: ReferenceExtras = {}): string {
  const [year, month] = input.date.value.split('-');
  const paper = input.newspaper?.value ?? '[出版者不详]';
  const fields: [string, string | undefined][] = [
    ['title', fullTitle(input)],
    ['author', input.authors.length > 0 ? input.authors.join(' and ') : undefined],
    ['journal', paper],
    ['date', input.date.value],
    ['year', year],
    ['pages', input.page],
    ['url', input.url],
    ['langid', 'chinese'],
    ['annotation', notes(input).join(' ') || undefined],
    ['abstract', extra.abstract],
    ['keywords', extra.keywords?.length ? extra.keywords.join(', ') : undefined],
  ];
  const body = fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `  ${k} = {${k === 'url' ? v : bibEscape(v)}},`);
  // A month macro, unbraced, is what classic BibTeX styles print as a month name; biblatex reads it too.
  if (month) body.push(`  month = ${BIBTEX_MONTHS[Number(month) - 1]},`);
  return `@article{${input.id},\n  entrysubtype = {newspaper},\n${body.join('\n')}\n}\n`;
}

function notes(input: CitationInput): string[] {
  const out: string[] = [];
  if (input.date.inferred) out.push(`日期系推定：${input.date.inferred}`);
  if (input.newspaper?.inferred) out.push(`报纸名系推定：${input.newspaper.inferred}`);
  if (!input.newspaper) out.push('报纸名原文未载。');
  return out;
}

/**
 * RIS, one tag per line, CRLF as the format's reference implementations write
 * it; an author is `姓, 名` (names.ts), the lede is `AB`, each tag a `KW`.
 */
export function formatRis(input: CitationInput, extra: ReferenceExtras = {}): string {
  const [y, m, d] = input.date.value.split('-');
  const da = `${y}/${m ?? ''}/${d ?? ''}/`;
  const lines: [string, string | undefined][] = [
    ['TY', 'NEWS'],
    ['TI', fullTitle(input)],
    ...input.authors.map((a): [string, string] => ['AU', invertedName(a)]),
    ['T2', input.newspaper?.value],
    ['PY', y],
    ['DA', da],
    ['SP', input.page],
    ['UR', input.url],
    ['LA', 'zh-CN'],
    ['AB', extra.abstract],
    ...(extra.keywords ?? []).map((k): [string, string] => ['KW', k]),
    ...notes(input).map((n): [string, string] => ['N1', n]),
    ['ID', input.id],
    ['ER', ''],
  ];
  return lines
    .filter((l): l is [string, string] => l[1] !== undefined)
    .map(([tag, value]) => `${tag}  - ${value}`.trimEnd())
    .join('\r\n')
    .concat('\r\n');
}

/**
 * The tags reference managers read from the page head. Zotero's Embedded
 * Metadata translator takes Highwire `citation_*` tags for the fields, and
 * Dublin Core and PRISM for what Highwire cannot say: `DC.type` makes the
 * item a newspaper article (a `citation_journal_title` would force a journal
 * article, so there is none), `prism.publicationName` is its newspaper.
 * Authors are `姓, 名` (names.ts), which Zotero keeps as a person's two name fields.
 */
export function highwireTags(input: CitationInput, extra: ReferenceExtras = {}): { name: string; content: string }[] {
  const date = input.date.value.replaceAll('-', '/');
  return [
    { name: 'citation_title', content: fullTitle(input) },
    ...input.authors.map((a) => ({ name: 'citation_author', content: invertedName(a) })),
    { name: 'citation_publication_date', content: date },
    { name: 'citation_date', content: date },
    ...(input.page ? [{ name: 'citation_firstpage', content: input.page }] : []),
    { name: 'citation_language', content: 'zh-CN' },
    { name: 'citation_public_url', content: input.url },
    ...(extra.abstract ? [{ name: 'citation_abstract', content: extra.abstract }] : []),
    ...(extra.keywords ?? []).map((k) => ({ name: 'citation_keywords', content: k })),
    { name: 'DC.type', content: 'newspaperArticle' },
    { name: 'DC.language', content: 'zh-CN' },
    ...(input.newspaper ? [{ name: 'prism.publicationName', content: input.newspaper.value }] : []),
  ];
}

/**
 * The citation data of an article entry (its frontmatter as parsed by the
 * schema), with its authors as `articleAuthors` (authors.ts) finds them.
 */
export function citationFor(id: string, data: any, url: string, authors: string[]): CitationInput {
  return {
    id,
    title: data.title,
    subtitle: data.subtitle,
    authors,
    newspaper: data.newspaper ? { value: data.newspaper.value, inferred: data.newspaper.inferred } : undefined,
    date: { value: data.date.value.value, precision: data.date.value.precision, inferred: data.date.inferred },
    page: data.page,
    url,
  };
}
