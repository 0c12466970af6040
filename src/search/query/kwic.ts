/**
 * The concordance (KWIC: key word in context) without the DOM: one row per
 * hit the result list marks (`pageHits`, the same matching), with about 20
 * characters of the page's printed text either side, the place it links to
 * (`linkFor`: its paragraph, else its heading or section), the orders a reader can sort by, and the rows as CSV and JSON.
 * `src/browser/search/kwic.ts` wires it to the search page.
 */
import { toCsv } from '../../cite/csv.ts';
import type { Hit, PageText } from './page-text.ts';
import type { KwicSort } from './state.ts';
import { anchorFor, anchorTitle, headingBreaks, linkFor, type AnchorRef } from './engine.ts';

/** Characters of context either side of a hit. */
export const KWIC_WIDTH = 20;

/** A result page, as the concordance reads it. */
export interface KwicPage {
  /** Pagefind's id. */
  id: string;
  /** The page's URL, base included, without a fragment. */
  url: string;
  title: string;
  /** Year(s) of the report, as the filters list them ('' when unknown). */
  year: string;
  /** Place in date order, oldest first. */
  rank: number;
  page: PageText;
  anchors: AnchorRef[];
  /** The page's hits, as `pageHits` finds them (ordered by position). */
  hits: Hit[];
}

export interface KwicRow {
  left: string;
  hit: string;
  right: string;
  title: string;
  /** The section or heading the hit stands under ('正文' outside any). */
  section: string;
  year: string;
  /** The page and the exact place: paragraph, heading or section. */
  url: string;
  /** For the date order and ties: the page's rank and the hit's offset in its text. */
  rank: number;
  at: number;
}

/** Where the page shows text the index leaves out (`GAP` in page-record.ts): context never runs across it. */
const GAP = '\u2029';

const isLow = (text: string, i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '');

/** Up to `n` characters (code points) of `text` before `at`, not before `floor`. */
function before(text: string, at: number, n: number, floor: number): number {
  let i = at;
  for (let k = 0; k < n && i > floor; k++) i -= i - 1 > floor && isLow(text, i - 1) ? 2 : 1;
  return i;
}

/** Up to `n` characters (code points) of `text` after `at`, not after `ceiling`. */
function after(text: string, at: number, n: number, ceiling: number): number {
  let i = at;
  for (let k = 0; k < n && i < ceiling; k++) i += i + 1 < ceiling && isLow(text, i + 1) ? 2 : 1;
  return i;
}

/** The page's printed text between two offsets, a space where a heading starts or ends (the indexed text has no whitespace there). */
function printed(text: string, from: number, to: number, breaks: Set<number>): string {
  let out = '';
  for (let i = from; i < to; i++) out += (i > from && breaks.has(i) ? ' ' : '') + text[i];
  return out.replace(/\s+/g, ' ');
}

/** The heading or section a hit stands under, by its title; paragraphs are places to link to, not names. */
function sectionName(p: KwicPage, first: number): string {
  const named = p.anchors.filter((a) => a.kind === 'section' || a.kind === 'heading');
  const anchor = anchorFor(named, first);
  return (anchor && anchorTitle(p.page, named, anchor)) || '正文';
}

/** One row per hit of the page. */
export function pageRows(p: KwicPage, width = KWIC_WIDTH): KwicRow[] {
  const { text } = p.page;
  const breaks = headingBreaks(p.page, p.anchors);
  return p.hits.map((h) => {
    const floor = text.lastIndexOf(GAP, h.from - 1) + 1;
    const gapAfter = text.indexOf(GAP, h.to);
    const ceiling = gapAfter < 0 ? text.length : gapAfter;
    const place = linkFor(p.anchors, h.first);
    return {
      left: printed(text, before(text, h.from, width, floor), h.from, breaks).trimStart(),
      hit: printed(text, h.from, h.to, breaks),
      right: printed(text, h.to, after(text, h.to, width, ceiling), breaks).trimEnd(),
      title: p.title,
      section: sectionName(p, h.first),
      year: p.year,
      url: place ? `${p.url}#${place}` : p.url,
      rank: p.rank,
      at: h.from,
    };
  });
}

/** Result pages read at once. */
export const KWIC_BATCH = 12;

/**
 * The concordance's pages, read in date order a batch at a time, and their
 * rows: the view reads only as far as the rows it shows need, so a term on
 * thousands of pages does not download them all for its first screen.
 */
export class KwicReader {
  /** How many of `order` are read. */
  read = 0;
  /** Pages read that gave rows (all do, unless the index and the text disagree). */
  pagesWithRows = 0;
  rows: KwicRow[] = [];

  readonly order: string[];
  private readonly rowsOf: (id: string, rank: number) => Promise<KwicRow[]>;
  private readonly isCurrent: () => boolean;
  private readonly batch: number;

  /**
   * `order`: the result pages, oldest first; `rowsOf`: a page's rows, given its
   * place in that order; `isCurrent`: false once a newer search has started.
   */
  constructor(order: string[], rowsOf: (id: string, rank: number) => Promise<KwicRow[]>, isCurrent: () => boolean, batch = KWIC_BATCH) {
    this.order = order;
    this.rowsOf = rowsOf;
    this.isCurrent = isCurrent;
    this.batch = batch;
  }

  get complete(): boolean {
    return this.read === this.order.length;
  }

  /** Reads until `enough` holds or every page is read, calling `progress` after each batch; false when a newer search took over. */
  async readUntil(enough: () => boolean, progress: () => void = () => {}): Promise<boolean> {
    while (!this.complete && !enough()) {
      const ids = this.order.slice(this.read, this.read + this.batch);
      const pages = await Promise.all(ids.map((id, i) => this.rowsOf(id, this.read + i)));
      if (!this.isCurrent()) return false;
      for (const rows of pages) {
        if (rows.length > 0) this.pagesWithRows++;
        this.rows.push(...rows);
      }
      this.read += ids.length;
      progress();
    }
    return true;
  }
}

/** Chinese order (pinyin); punctuation and spaces are not words, so 。党建 and 党建 sort by the character before. */
const collator = new Intl.Collator('zh-Hans-CN', { ignorePunctuation: true });
/** A concordance reads the left context from the hit outwards: right to left. */
const reversed = (s: string) => [...s].reverse().join('');

const byPlace = (a: KwicRow, b: KwicRow) => a.rank - b.rank || a.at - b.at;
const COMPARE: Record<KwicSort, (a: KwicRow, b: KwicRow) => number> = {
  date: byPlace,
  left: (a, b) => collator.compare(reversed(a.left), reversed(b.left)) || collator.compare(a.hit, b.hit) || byPlace(a, b),
  right: (a, b) => collator.compare(a.hit, b.hit) || collator.compare(a.right, b.right) || byPlace(a, b),
  article: (a, b) => collator.compare(a.title, b.title) || byPlace(a, b),
};

/** The rows in the chosen order; ties keep date order and the order in the page. */
export function sortRows(rows: KwicRow[], sort: KwicSort): KwicRow[] {
  return [...rows].sort(COMPARE[sort]);
}

/** The columns of a download, in order. */
export const KWIC_COLUMNS = ['left', 'hit', 'right', 'title', 'section', 'year', 'url'] as const;

function record(row: KwicRow): Record<(typeof KWIC_COLUMNS)[number], string> {
  return Object.fromEntries(KWIC_COLUMNS.map((c) => [c, row[c]])) as Record<(typeof KWIC_COLUMNS)[number], string>;
}

/** CSV for spreadsheets: UTF-8 BOM, a cell that starts with = + - @ cannot run as a formula (`src/cite/csv.ts`). */
export function kwicCsv(rows: KwicRow[]): string {
  return toCsv([...KWIC_COLUMNS], rows.map(record));
}

export interface KwicExport {
  query: string;
  sort: KwicSort;
  /** Occurrences: the number of rows. */
  total: number;
  /** Pages they stand on. */
  pages: number;
  rows: Record<(typeof KWIC_COLUMNS)[number], string>[];
}

export function kwicJson(query: string, sort: KwicSort, rows: KwicRow[]): string {
  const out: KwicExport = { query, sort, total: rows.length, pages: new Set(rows.map((r) => r.rank)).size, rows: rows.map(record) };
  return `${JSON.stringify(out, null, 1)}\n`;
}
