/**
 * The archive's content model, as plain Zod schemas. `src/content.config.ts`
 * binds them to collections; unit tests use them directly with a stand-in
 * for Astro's `reference()`.
 *
 * Provenance is part of the model: a fact the text states carries `quote`,
 * the sentence that states it; a fact the text does not state carries
 * `inferred`, the evidence and reasoning. Nothing is recorded without one.
 */
import { z } from 'astro/zod';
import { PROVINCE_NAMES } from './provinces.ts';
import { isSourceId, SOURCE_ID_PATTERN } from './sources.ts';

/** Builds the schema of a reference to another collection (Astro's `reference`). */
export type ReferenceFactory = (collection: 'articles' | 'hospitals' | 'people' | 'measures') => z.ZodType<any>;

/** Entry ids are ASCII so URLs survive any host and base path. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const asciiId = z.string().regex(ID_PATTERN, {
  error: 'must be an ASCII id: lower-case letters, digits and single hyphens, e.g. "chen-guoqi"',
});

export const sourceId = z.string().superRefine((value, ctx) => {
  if (!SOURCE_ID_PATTERN.test(value)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a source id; a source id looks like "000_804ee4f55abab6f2"` });
  } else if (!isSourceId(value)) {
    ctx.addIssue({ code: 'custom', message: `"${value}" names no file in content/sources/ (no ${value}.txt)` });
  }
});

const provinceName = z.string().refine((name) => PROVINCE_NAMES.includes(name), {
  error: (issue) =>
    `"${String(issue.input)}" is not one of China's provincial-level divisions; write the full name, e.g. 陕西省, 重庆市, 广西壮族自治区`,
});

const provenance = {
  /** The sentence (or part of it) in the source that states the fact, verbatim. */
  quote: z.string().min(2).optional(),
  /** For facts the text does not state: the evidence and the reasoning. */
  inferred: z.string().min(2).optional(),
};

function needsProvenance(fact: { quote?: string; inferred?: string }, ctx: z.RefinementCtx) {
  if (fact.quote === undefined && fact.inferred === undefined) {
    ctx.addIssue({
      code: 'custom',
      message: 'give `quote` (the sentence that states it) or, if the text does not state it, `inferred` (the evidence)',
      path: ['quote'],
    });
  }
}

/** A fact about a hospital, person or measure: it says which source supports it. */
export function fact<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, source: sourceId, ...provenance }).superRefine(needsProvenance);
}

/** A fact about an article: its evidence is the article's own source. */
export function articleFact<T extends z.ZodType>(value: T) {
  return z.strictObject({ value, ...provenance }).superRefine(needsProvenance);
}

export type DatePrecision = 'year' | 'month' | 'day';

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the precision is read off the form. */
export const partialDate = z.union([z.string(), z.number(), z.date()]).transform((input, ctx) => {
  if (input instanceof Date) {
    // YAML reads an unquoted 2021-06-09 as a timestamp, and rolls an
    // impossible 2021-02-30 over to 2 March without a word.
    ctx.addIssue({
      code: 'custom',
      message:
        'write a full date in quotes, e.g. "2021-06-09": unquoted, YAML turns it into a timestamp and silently rolls an impossible date over',
    });
    return z.NEVER;
  }
  const value = String(input);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const bad = () => {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023, 2023-06, 2023-06-15)`,
    });
    return z.NEVER;
  };
  if (!m) return bad();
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return bad();
  if (d) {
    const probe = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (probe.getUTCMonth() !== Number(mo) - 1 || probe.getUTCDate() !== Number(d)) return bad();
  }
  const precision: DatePrecision = d ? 'day' : mo ? 'month' : 'year';
  return { value, year: Number(y), precision };
});

export const CORRECTION_KINDS = {
  misread: '误字',
  doubled: '衍文',
  lacuna: '脱文',
  furniture: '删版面杂项',
  duplicate: '删重复段落',
  'column-order': '恢复栏序',
  'paragraph-join': '合并断段',
  punctuation: '标点规范',
  caption: '图注归位',
  /** A doubtful reading kept as it is and flagged; `reading` equals `original`. */
  query: '存疑',
} as const;
export type CorrectionKind = keyof typeof CORRECTION_KINDS;

export const correction = z.strictObject({
  /** `c1`, `c2`, …; the body marks the place with `[[c1]]`. */
  id: z.string().regex(/^c[1-9]\d*$/, { error: 'must be c1, c2, …' }),
  kind: z.enum(Object.keys(CORRECTION_KINDS) as [CorrectionKind, ...CorrectionKind[]]),
  /** What the source has, verbatim (line breaks as `\n`). */
  original: z.string().min(1),
  /** What the article body has instead; empty when the text was removed. */
  reading: z.string(),
  /** Why, in a sentence, when the kind does not say it all. */
  note: z.string().optional(),
  /** The change applies throughout the article (e.g. half-width commas made full-width), not at one place. */
  global: z.boolean().optional(),
});

export const SECTION_KINDS = {
  'editor-note': '编者按',
  essay: '支部书记谈',
  report: '报道',
  profile: '单位风采',
  sidebar: '专栏',
} as const;

export function sectionSchema(reference: ReferenceFactory) {
  return z.strictObject({
    id: asciiId,
    /** The heading in the body where the section starts, as written there. */
    heading: z.string().min(1),
    kind: z.enum(Object.keys(SECTION_KINDS) as [keyof typeof SECTION_KINDS, ...(keyof typeof SECTION_KINDS)[]]),
    hospital: reference('hospitals').optional(),
    /** A part of the hospital the section is about, e.g. 第三医院. */
    unit: z.string().optional(),
    /** The party branch the section speaks for, e.g. 门诊党支部. */
    branch: z.string().optional(),
    secretary: reference('people').optional(),
  });
}

function uniqueIds(items: { id: string }[], ctx: z.RefinementCtx, field: string) {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', message: `duplicate id "${item.id}" (also ${field}[${first}])`, path: [field, i, 'id'] });
    } else seen.set(item.id, i);
  });
}

export function articleSchema(reference: ReferenceFactory) {
  return z
    .strictObject({
      /** An imported entry not yet reviewed: validated, but not published. */
      draft: z.boolean().default(false),
      title: z.string().min(1),
      subtitle: z.string().optional(),
      /** 栏目 or 专题 the paper ran it under, e.g. 党建引领. */
      column: z.string().optional(),
      /** A numbered series, e.g. 支部书记谈高质量发展 之三. */
      series: z.strictObject({ name: z.string(), number: z.number().int().positive().optional() }).optional(),
      newspaper: articleFact(z.string().min(1)).optional(),
      byline: z.string().optional(),
      /** The byline's people, each with the role printed before the name (本报记者, 通讯员); without it, names are read from `byline`. */
      authors: z
        .array(z.strictObject({ name: z.string().min(1), role: z.string().min(1).optional() }))
        .min(1)
        .optional(),
      date: articleFact(partialDate),
      page: z.string().optional(),
      source: sourceId,
      hospitals: z.array(reference('hospitals')).min(1),
      sections: z.array(sectionSchema(reference)).default([]),
      corrections: z.array(correction).default([]),
    })
    .superRefine((article, ctx) => {
      uniqueIds(article.sections, ctx, 'sections');
      uniqueIds(article.corrections, ctx, 'corrections');
    });
}

export function hospitalSchema() {
  return z.strictObject({
    name: z.string().min(2),
    /** Short names the texts use, e.g. 锦医一院. */
    aliases: z.array(z.string()).default([]),
    province: fact(provinceName),
    city: fact(z.string()).optional(),
    /** District or county. */
    county: fact(z.string()).optional(),
    /** e.g. 三级甲等. */
    level: fact(z.string()).optional(),
    /** e.g. 综合医院, 中医医院, 乡镇卫生院. */
    category: fact(z.string()).optional(),
    founded: fact(z.number().int().min(1800).max(2100)).optional(),
    /** Parts named in the texts, e.g. 第三医院 of 安康市中心医院. */
    units: z.array(z.strictObject({ id: asciiId, name: z.string() })).default([]),
  });
}

export const ROLE_KINDS = {
  'branch-secretary': '党支部书记',
  'party-secretary': '党委书记',
  president: '院长',
  leader: '院领导',
  clinician: '医务人员',
  official: '党政领导',
  other: '其他',
} as const;

export function personSchema(reference: ReferenceFactory) {
  return z.strictObject({
    /** The name as printed, even where it is doubtful. */
    name: z.string().min(2),
    /**
     * The archive's own remark on the person, shown on their page: e.g. that the
     * printed name is probably a misreading, with the likely reading.
     */
    note: z.string().trim().min(1, { error: 'must not be empty: write the remark, or leave `note` out' }).optional(),
    /**
     * Other readings of a doubtful printed name, e.g. the likely one the
     * `note` gives: search finds the person by them too. Never shown as the
     * name, and never in the text.
     */
    readings: z.array(z.string().trim().min(2)).default([]),
    roles: z
      .array(
        z.strictObject({
          kind: z.enum(Object.keys(ROLE_KINDS) as [keyof typeof ROLE_KINDS, ...(keyof typeof ROLE_KINDS)[]]),
          /** The title as the text gives it, e.g. 门诊党支部书记, 耳鼻咽喉科主任. */
          title: z.string(),
          branch: z.string().optional(),
          hospital: reference('hospitals').optional(),
          unit: z.string().optional(),
          source: sourceId,
          quote: z.string().min(2),
        }),
      )
      .min(1),
  });
}

export const MEASURE_KINDS = {
  brand: '品牌',
  programme: '工程',
  mechanism: '机制',
  strategy: '战略',
  model: '模式',
  campaign: '活动',
  system: '制度',
  service: '服务举措',
} as const;

export function measureSchema(reference: ReferenceFactory) {
  return z.strictObject({
    name: z.string().min(1),
    hospital: reference('hospitals'),
    kind: z.enum(Object.keys(MEASURE_KINDS) as [keyof typeof MEASURE_KINDS, ...(keyof typeof MEASURE_KINDS)[]]),
    /** What it is, in the source's own words (verbatim). */
    description: z.string().min(2),
    source: sourceId,
    article: reference('articles'),
    section: asciiId.optional(),
  });
}
