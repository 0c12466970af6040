/**
 * The archive's data downloads (`/data/*.json`, `*.csv`). Each record type is
 * a Zod schema whose field descriptions document it: the `/data/` page, the
 * JSON Schema files and the tests all read these, so the docs cannot drift
 * from the data.
 */
import { z } from 'astro/zod';
import type { Archive, ArticleView, HospitalView, MeasureView, PersonView } from '../model/archive.ts';
import { SIMILAR_SHOWN } from '../model/similar-measures.ts';
import { refId } from '../content-model/integrity.ts';
import { provinceByName } from '../content-model/provinces.ts';
import { ID_PATTERN } from '../content-model/schema.ts';
import { SOURCE_ID_PATTERN } from '../content-model/sources.ts';
import { articleAuthors } from './authors.ts';
import { toCsv, type CsvValue } from './csv.ts';

const text = (doc: string) => z.string().min(1).describe(doc);
const maybe = (doc: string) => z.string().min(1).nullable().describe(doc);
const list = (doc: string) => z.array(z.string().min(1)).describe(doc);
/** An entry's id: ASCII, as in its file name and URL. */
const entryId = (doc: string) => z.string().regex(ID_PATTERN).describe(doc);
const idList = (doc: string) => z.array(z.string().regex(ID_PATTERN)).describe(doc);
const maybeId = (doc: string) => z.string().regex(ID_PATTERN).nullable().describe(doc);
const absolute = (doc: string) => z.url().describe(doc);
const sourceIdField = (doc: string) => z.string().regex(SOURCE_ID_PATTERN).describe(doc);

export const exportSchemas = {
  articles: z.strictObject({
    id: entryId('文章编号（ASCII），亦为网址的一部分'),
    url: absolute('文章页面的绝对网址'),
    title: text('标题（原文）'),
    subtitle: maybe('副标题（原文）'),
    column: maybe('栏目或版头（原文）'),
    series: maybe('系列名'),
    series_number: z.int().min(1).nullable().describe('系列中的序号'),
    newspaper: maybe('报纸名；原文未载则为空'),
    newspaper_inferred: maybe('报纸名系推定时的依据；原文明载则为空'),
    date: z
      .string()
      .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/)
      .describe('日期：YYYY、YYYY-MM 或 YYYY-MM-DD'),
    date_precision: z.enum(['year', 'month', 'day']).describe('日期精度：year 年、month 月、day 日'),
    date_inferred: maybe('日期系推定时的依据；原文明载则为空'),
    page: maybe('版次'),
    byline: maybe('署名（原文）'),
    authors: list('作者：署名中的人名；无署名时为各篇署名文章的作者'),
    source: sourceIdField('OCR 原文编号（文件名）'),
    source_url: absolute('OCR 原文页面的绝对网址'),
    hospitals: idList('所涉医院编号'),
    provinces: idList('所涉省级行政区编号'),
    sections: z
      .array(
        z.strictObject({
          id: z.string(),
          heading: z.string(),
          kind: z.string(),
          hospital: z.string().nullable(),
          unit: z.string().nullable(),
          branch: z.string().nullable(),
          secretary: z.string().nullable(),
        }),
      )
      .describe('分节：编号、标题、类别、医院、下属单位、支部、支部书记（CSV 中只给节数）'),
    corrections: z
      .array(z.strictObject({ id: z.string(), kind: z.string(), original: z.string(), reading: z.string(), note: z.string().nullable() }))
      .describe('校勘记：编号、类别、原文、今作、说明（CSV 中只给条数）'),
  }),
  hospitals: z.strictObject({
    id: entryId('医院编号（ASCII）'),
    url: absolute('医院页面的绝对网址'),
    name: text('全称'),
    aliases: list('文中所用简称'),
    province: text('省级行政区全称'),
    province_id: entryId('省级行政区编号'),
    province_inferred: maybe('省份系推定时的依据；原文明载则为空'),
    city: maybe('城市'),
    county: maybe('区县'),
    level: maybe('等级，如三级甲等'),
    category: maybe('类别，如中医医院、乡镇卫生院'),
    founded: z.int().min(1).nullable().describe('始建年份'),
    articles: idList('报道此院的文章编号'),
    people: idList('此院人物编号'),
    measures: idList('此院举措编号'),
  }),
  people: z.strictObject({
    id: entryId('人物编号（ASCII）'),
    url: absolute('人物页面的绝对网址'),
    name: text('姓名（原文）'),
    note: maybe('编者按语，如姓名存疑时的可能读法；无则为空'),
    readings: z.array(z.string().min(2)).describe('姓名存疑时的其他读法（检索也按这些读法查到此人）；无则为空数组'),
    roles: z
      .array(
        z.strictObject({
          kind: z.string(),
          title: z.string(),
          branch: z.string().nullable(),
          hospital: z.string().nullable(),
          source: z.string(),
          quote: z.string(),
        }),
      )
      .describe('身份：类别、原文职务、支部、医院、出处及原文引句'),
    hospitals: idList('所在医院编号'),
    articles: idList('提及此人的文章编号'),
  }),
  measures: z.strictObject({
    id: entryId('举措编号（ASCII）'),
    url: absolute('举措页面的绝对网址'),
    name: text('名称'),
    hospital: entryId('医院编号'),
    kind: text('类别：brand 品牌、programme 工程、mechanism 机制、strategy 战略、model 模式、campaign 活动、system 制度、service 服务举措'),
    description: text('原文所述（逐字引用）'),
    source: sourceIdField('OCR 原文编号'),
    article: entryId('出处文章编号'),
    section: maybeId('出处分节编号'),
    similar: idList(`他院名称相近的举措编号：最相近的至多 ${SIMILAR_SHOWN} 项，最相近者在前`),
    similar_count: z.int().min(0).describe('他院名称相近的举措总数（可多于 similar 所列）'),
  }),
} as const;

export type ExportName = keyof typeof exportSchemas;
export type ExportRecord<N extends ExportName> = z.output<(typeof exportSchemas)[N]>;

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

type Url = (path: string) => string;

function articleRecord(a: ArticleView, url: Url, archive: Archive): ExportRecord<'articles'> {
  const d = a.entry.data;
  const date = d.date.value;
  return {
    id: a.id,
    url: url(`/articles/${a.id}/`),
    title: d.title,
    subtitle: orNull(d.subtitle),
    column: orNull(d.column),
    series: orNull(d.series?.name),
    series_number: orNull(d.series?.number),
    newspaper: orNull(d.newspaper?.value),
    newspaper_inferred: orNull(d.newspaper?.inferred),
    date: date.value,
    date_precision: date.precision,
    date_inferred: orNull(d.date.inferred),
    page: orNull(d.page),
    byline: orNull(d.byline),
    authors: articleAuthors(archive, a),
    source: d.source,
    source_url: url(`/sources/${d.source}/`),
    hospitals: a.hospitals,
    provinces: a.provinces,
    sections: a.sections.map((s) => ({
      id: s.id,
      heading: s.heading,
      kind: s.kind,
      hospital: orNull(s.hospital),
      unit: orNull(s.unit),
      branch: orNull(s.branch),
      secretary: orNull(s.secretary),
    })),
    corrections: d.corrections.map((c: any) => ({
      id: c.id,
      kind: c.kind,
      original: c.original,
      reading: c.reading,
      note: orNull(c.note),
    })),
  };
}

function hospitalRecord(h: HospitalView, url: Url): ExportRecord<'hospitals'> {
  const d = h.entry.data;
  return {
    id: h.id,
    url: url(`/hospitals/${h.id}/`),
    name: d.name,
    aliases: d.aliases ?? [],
    province: d.province.value,
    province_id: provinceByName(d.province.value)!.id,
    province_inferred: orNull(d.province.inferred),
    city: orNull(d.city?.value),
    county: orNull(d.county?.value),
    level: orNull(d.level?.value),
    category: orNull(d.category?.value),
    founded: orNull(d.founded?.value),
    articles: [...new Set(h.articles.map((m) => m.article))],
    people: h.people.map((p) => p.id),
    measures: h.measures,
  };
}

function personRecord(p: PersonView, url: Url): ExportRecord<'people'> {
  return {
    id: p.id,
    url: url(`/people/${p.id}/`),
    name: p.entry.data.name,
    note: orNull(p.entry.data.note),
    readings: p.entry.data.readings,
    roles: p.entry.data.roles.map((r: any) => ({
      kind: r.kind,
      title: r.title,
      branch: orNull(r.branch),
      hospital: orNull(refId(r.hospital)),
      source: r.source,
      quote: r.quote,
    })),
    hospitals: p.hospitals,
    articles: [...new Set(p.mentions.map((m) => m.article))],
  };
}

function measureRecord(m: MeasureView, url: Url): ExportRecord<'measures'> {
  const d = m.entry.data;
  return {
    id: m.id,
    url: url(`/measures/${m.id}/`),
    name: d.name,
    hospital: refId(d.hospital)!,
    kind: d.kind,
    description: d.description,
    source: d.source,
    article: refId(d.article)!,
    section: orNull(d.section),
    similar: m.similar,
    similar_count: m.similarCount,
  };
}

/** Every record of every download, from the archive model; `url(path)` makes absolute URLs. */
export function exportRecords(archive: Archive, url: Url): { [N in ExportName]: ExportRecord<N>[] } {
  return {
    articles: archive.articles.map((a) => articleRecord(a, url, archive)),
    hospitals: [...archive.hospitals.values()].map((h) => hospitalRecord(h, url)),
    people: [...archive.people.values()].map((p) => personRecord(p, url)),
    measures: [...archive.measures.values()].map((m) => measureRecord(m, url)),
  };
}

/** One row per record: lists joined with "；", nested lists given as counts. */
export function exportCsv<N extends ExportName>(name: N, records: ExportRecord<N>[]): string {
  const columns = Object.keys(exportSchemas[name].shape);
  const rows = records.map((record) =>
    Object.fromEntries(
      Object.entries(record).map(([key, value]): [string, CsvValue] => {
        if (!Array.isArray(value)) return [key, value as CsvValue];
        return [key, value.every((v) => typeof v === 'string') ? value.join('；') : value.length];
      }),
    ),
  );
  return toCsv(columns, rows);
}

/** Field documentation for the /data/ page: name and description, in schema order. */
export function exportFields(name: ExportName): { field: string; doc: string }[] {
  return Object.entries(exportSchemas[name].shape).map(([field, schema]) => ({ field, doc: (schema as z.ZodType).description ?? '' }));
}
