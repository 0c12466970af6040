/**
 * The curated content against its sources: no sentence lost, every
 * correction true, every quoted fact really in its source, every cross
 * reference resolvable. Runs on the content files without a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { checkCorrections, checkSource, normalizeText } from '../../src/content-model/fidelity.ts';
import { articleSchema, hospitalSchema, measureSchema, personSchema } from '../../src/content-model/schema.ts';
import { listSourceIds, readSource, SOURCES_DIR } from '../../src/content-model/sources.ts';
import { loadContent, type RawArticle, type RawEntry } from '../helpers/content.ts';
import { ROOT } from '../helpers/sites.ts';

const SHARED_SOURCES = join(ROOT, '../shared/sources');
/** Kinds whose place in the text is not one spot, so they carry no `[[cN]]` mark. */
const UNMARKED_KINDS = new Set(['paragraph-join', 'column-order']);

const stubReference = () => z.string();
let articles: RawArticle[];
let hospitals: RawEntry[];
let people: RawEntry[];
let measures: RawEntry[];

beforeAll(async () => {
  ({ articles, hospitals, people, measures } = await loadContent());
});

function schemaErrors(entries: RawEntry[], schema: z.ZodType): string[] {
  return entries.flatMap((e) => {
    const result = schema.safeParse(e.data);
    return result.success ? [] : result.error.issues.map((i) => `${e.file}: ${i.path.join('.')}: ${i.message}`);
  });
}

describe('sources', () => {
  it('are the team’s sources, byte for byte', () => {
    if (!existsSync(SHARED_SOURCES)) return; // a clone without ../shared carries its own copy
    expect(listSourceIds()).toEqual(listSourceIds(SHARED_SOURCES));
    for (const id of listSourceIds()) {
      expect(readSource(id), id).toBe(readFileSync(join(SHARED_SOURCES, `${id}.txt`), 'utf8'));
    }
  });

  it('each have at least one published article (not a draft)', () => {
    const covered = new Set(articles.filter((a) => !a.data.draft).map((a) => a.data.source));
    expect(listSourceIds().filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('hospitals', () => {
  it('include every institution the five sources report on', () => {
    const names = hospitals.map((h) => h.data.name).sort();
    expect(names).toEqual(
      [
        '安康市中心医院',
        '本溪市中心医院',
        '锦州医科大学附属第一医院',
        '随州市中心医院',
        '高安市中医医院',
        '大足区人民医院',
        '綦江区中医院',
        '大足区邮亭中心卫生院',
        '大足区国梁镇卫生院',
        '垫江县中医院',
        '奉节县兴隆镇中心卫生院',
        '重庆市巴南区南泉街道社区卫生服务中心',
        '秀山县龙池镇中心卫生院',
      ].sort(),
    );
  });
});

describe('content files match their schemas', () => {
  it('articles', () => expect(schemaErrors(articles, articleSchema(stubReference))).toEqual([]));
  it('hospitals', () => expect(schemaErrors(hospitals, hospitalSchema())).toEqual([]));
  it('people', () => expect(schemaErrors(people, personSchema(stubReference))).toEqual([]));
  it('measures', () => expect(schemaErrors(measures, measureSchema(stubReference))).toEqual([]));
});

describe('no sentence of a source is lost', () => {
  for (const id of listSourceIds(SOURCES_DIR)) {
    it(id, () => {
      const mine = articles.filter((a) => a.data.source === id && !a.data.draft);
      const rendered = mine.map((a) => a.renderedText).join('\n');
      const corrections = mine.flatMap((a) => a.data.corrections ?? []);
      const missing = checkSource(readSource(id), rendered, corrections)
        .filter((u) => u.status === 'missing')
        .map((u) => `line ${u.line}: ${u.text}`);
      expect(missing).toEqual([]);
    });
  }
});

describe('corrections', () => {
  it('quote the source and match the body', () => {
    const problems = articles.flatMap((a) =>
      checkCorrections(readSource(a.data.source), a.bodyText, a.data.corrections ?? []).map((p) => `${a.file} ${p.id}: ${p.problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('are marked in the body where they apply', () => {
    const unmarked = articles.flatMap((a) =>
      (a.data.corrections ?? [])
        .filter((c: any) => !c.global && !UNMARKED_KINDS.has(c.kind) && !a.body.includes(`[[${c.id}]]`))
        .map((c: any) => `${a.file}: ${c.id} (${c.kind}) has no [[${c.id}]] mark`),
    );
    expect(unmarked).toEqual([]);
  });

  it('are numbered in reading order', () => {
    const disorder = articles.flatMap((a) => {
      const order = [...a.body.matchAll(/\[\[c(\d+)\]\]/g)].map((m) => Number(m[1]));
      return order.some((n, i) => i > 0 && n < order[i - 1]) ? [`${a.file}: marks in order ${order.join(',')}`] : [];
    });
    expect(disorder).toEqual([]);
  });
});

describe('stated facts quote their source', () => {
  const inSource = (source: string, quote: string) => normalizeText(readSource(source)).includes(normalizeText(quote));

  function factProblems(file: string, data: Record<string, any>): string[] {
    return Object.entries(data).flatMap(([field, value]) =>
      value && typeof value === 'object' && 'value' in value && value.quote !== undefined && !inSource(value.source, value.quote)
        ? [`${file}: ${field}.quote "${value.quote}" is not in ${value.source}`]
        : [],
    );
  }

  it('hospitals', () => expect(hospitals.flatMap((h) => factProblems(h.file, h.data))).toEqual([]));

  it('articles', () => {
    const problems = articles.flatMap((a) =>
      ['date', 'newspaper'].flatMap((f) => {
        const fact = a.data[f];
        return fact?.quote !== undefined && !inSource(a.data.source, fact.quote) ? [`${a.file}: ${f}.quote "${fact.quote}" is not in the source`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('people', () => {
    const problems = people.flatMap((p) =>
      (p.data.roles ?? []).flatMap((r: any, i: number) => {
        const out: string[] = [];
        if (!inSource(r.source, r.quote)) out.push(`${p.file}: roles[${i}].quote "${r.quote}" is not in ${r.source}`);
        if (!normalizeText(r.quote).includes(normalizeText(p.data.name))) out.push(`${p.file}: roles[${i}].quote does not name ${p.data.name}`);
        return out;
      }),
    );
    expect(problems).toEqual([]);
  });

  it('measures', () => {
    const problems = measures.flatMap((m) =>
      inSource(m.data.source, m.data.description) ? [] : [`${m.file}: description is not in ${m.data.source}`],
    );
    expect(problems).toEqual([]);
  });
});

describe('references', () => {
  const ids = (entries: RawEntry[]) => new Set(entries.map((e) => e.id));

  it('sections name hospitals of their article, and secretaries who exist', () => {
    const peopleIds = ids(people);
    const problems = articles.flatMap((a) =>
      (a.data.sections ?? []).flatMap((s: any) => [
        ...(s.hospital && !a.data.hospitals.includes(s.hospital) ? [`${a.file}: section ${s.id} hospital ${s.hospital} is not in hospitals`] : []),
        ...(s.secretary && !peopleIds.has(s.secretary) ? [`${a.file}: section ${s.id} secretary ${s.secretary} has no entry`] : []),
      ]),
    );
    expect(problems).toEqual([]);
  });

  it('measures point at an article of the same source and one of its sections', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const problems = measures.flatMap((m) => {
      const article = byId.get(m.data.article);
      if (!article) return [`${m.file}: article ${m.data.article} does not exist`];
      const out: string[] = [];
      if (article.data.source !== m.data.source) out.push(`${m.file}: source ${m.data.source} is not ${m.data.article}'s source`);
      if (m.data.section && !(article.data.sections ?? []).some((s: any) => s.id === m.data.section)) {
        out.push(`${m.file}: section ${m.data.section} is not a section of ${m.data.article}`);
      }
      if (!article.data.hospitals.includes(m.data.hospital)) out.push(`${m.file}: hospital ${m.data.hospital} is not among ${m.data.article}'s hospitals`);
      return out;
    });
    expect(problems).toEqual([]);
  });

  it('every hospital is reported by some article', () => {
    const reported = new Set(articles.flatMap((a) => a.data.hospitals));
    expect(hospitals.map((h) => h.id).filter((id) => !reported.has(id))).toEqual([]);
  });
});
