/**
 * The files of a synthetic archive as the real `content/` folder holds them:
 * an article's Markdown (YAML frontmatter, body with `[[cN]]` correction
 * marks) and its source's OCR text from the same blocks, and the YAML of
 * hospitals, people and measures.
 */
import { stringify } from 'yaml';
import { correctionMark } from '../../src/content-model/correction-marks.ts';
import type { Hospital } from './hospitals.ts';
import type { MeasureEntry } from './measures.ts';
import type { Person } from './people.ts';
import { chance, type Rng } from './random.ts';
import type { ReportContent, ReportHeader } from './report.ts';
import type { Block } from './text.ts';

export interface ReportFiles {
  /** The article's Markdown file. */
  article: string;
  /** The source's text file. */
  source: string;
  corrections: number;
}

/** The corrections, numbered in reading order, each piece's marks replaced by `[[cN]]`; body blocks; source blocks. */
function assemble(content: ReportContent, column: string | undefined) {
  const corrections: Record<string, unknown>[] = [];
  const body: string[] = [];
  const source: string[] = [column, content.title, content.subtitle].filter((line): line is string => !!line);
  for (const b of content.blocks) {
    const text = b.pieces
      .map((p) => {
        const ids = p.corr.map((c) => {
          corrections.push({ id: `c${corrections.length + 1}`, ...c });
          return `c${corrections.length}`;
        });
        // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0001 is the placeholder the body generator puts around a correction's index, a character no report text holds.
        return p.body.replace(/\u0001(\d+)\u0001/g, (_, k: string) => correctionMark(ids[Number(k)]));
      })
      .join('');
    source.push(b.pieces.map((p) => p.src).join(''));
    if (b.type !== 'furniture') body.push(markdownBlock(b, text));
  }
  return { corrections, body, source };
}

function markdownBlock(b: Block, text: string): string {
  if (b.type === 'h') return `${'#'.repeat(b.level ?? 2)} ${text}`;
  if (b.type === 'caption') return `<p class="caption">${text}</p>`;
  return text;
}

const pad2 = (x: number) => String(x).padStart(2, '0');

/** The article's date field: the masthead's date, at the header's precision; some year-only dates are marked inferred. */
function dateField(rng: Rng, h: ReportHeader) {
  const value =
    h.precision === 'day'
      ? `${h.year}-${pad2(h.month)}-${pad2(h.day)}`
      : h.precision === 'month'
        ? `${h.year}-${pad2(h.month)}`
        : String(h.year);
  if (h.precision === 'year' && chance(rng, 0.5)) {
    return { value: String(h.year), inferred: `版头日期为${h.dateText}，此处只记年份（合成数据，用以覆盖年份精度）。`, quote: h.dateText };
  }
  return { value, quote: h.dateText };
}

/** The article's Markdown and its source's text, after the defects are in. */
export function reportFiles(rng: Rng, h: ReportHeader, content: ReportContent): ReportFiles {
  const { corrections, body, source } = assemble(content, h.column);
  const { title, subtitle, series, hospitalIds, sections } = content;
  const frontmatter: Record<string, unknown> = {
    title,
    ...(subtitle && { subtitle }),
    ...(h.column && { column: h.column }),
    ...(series && { series }),
    newspaper: { value: h.newspaper, quote: h.masthead.split(' ')[0] },
    ...(h.byline && { byline: h.byline }),
    date: dateField(rng, h),
    page: `第${h.page}版`,
    source: h.sourceId,
    hospitals: hospitalIds,
    ...(sections.length > 0 && { sections }),
    corrections,
  };
  return {
    article: `---\n${yamlText(frontmatter)}---\n\n${body.join('\n\n')}\n`,
    source: `${source.join('\n\n')}\n`,
    corrections: corrections.length,
  };
}

/** A hospital's entry: every fact quotes its intro sentence in the source of the report that introduced it. */
export function hospitalYaml(h: Hospital): string {
  const source = h.home!;
  const fact = (value: unknown, quote: string) => ({ value, source, quote });
  const place = `${h.city}${h.county ?? ''}`;
  const located = h.provinceStated ? `位于${h.province.name}${place}` : `地处${place}`;
  return yamlText({
    name: h.name,
    aliases: h.aliases,
    province: h.provinceStated
      ? fact(h.province.name, located)
      : {
          value: h.province.name,
          source,
          inferred: `文中只写“${place}”，未写省份；${h.city}属${h.province.name}是生成器的设定（合成数据，非事实）。`,
          quote: located,
        },
    city: fact(h.city, located),
    ...(h.county && { county: fact(h.county, place) }),
    level: fact(h.level, `是一所${h.level}${h.category}`),
    category: fact(h.category, `是一所${h.level}${h.category}`),
    ...(h.founded && { founded: fact(h.founded, `始建于${h.founded}年`) }),
  });
}

export function personYaml(p: Person): string {
  const roles = p.roles.map((r) => ({
    kind: r.kind,
    title: r.title,
    ...(r.branch && { branch: r.branch }),
    hospital: r.hospital,
    source: r.source,
    quote: r.quote,
  }));
  return yamlText({ name: p.name, roles });
}

export function measureYaml(m: MeasureEntry): string {
  return yamlText({
    name: m.name,
    hospital: m.hospital,
    kind: m.kind,
    description: m.description,
    source: m.source,
    article: m.article,
    ...(m.section && { section: m.section }),
  });
}

/**
 * YAML 1.2 text that a YAML 1.1 reader (Astro's frontmatter parser) reads the same: yaml's `compat` schema quotes
 * the strings 1.1 would turn into something else, e.g. the date `"2021-07-05"` (a timestamp in 1.1) and the year `"2021"`.
 */
function yamlText(data: unknown): string {
  return stringify(data, { lineWidth: 0, flowCollectionPadding: false, compat: 'yaml-1.1' });
}
