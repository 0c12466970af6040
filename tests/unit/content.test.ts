/**
 * The curated content against its sources: no sentence lost, every
 * correction true, every quoted fact really in its source, every cross
 * reference resolvable. Runs on the content files without a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { correctionMark, correctionMarkIds } from '../../src/content-model/correction-marks.ts';
import { checkCorrections, checkSource, readingForm } from '../../src/content-model/fidelity.ts';
import { findIntegrityProblems } from '../../src/content-model/integrity.ts';
import { articleSchema, hospitalSchema, measureSchema, personSchema } from '../../src/content-model/schema.ts';
import { listSourceIds, readSource, SOURCES_DIR } from '../../src/content-model/sources.ts';
import { loadContent, type RawArticle, type RawEntry } from '../helpers/content.ts';
import { descriptionProblems, nameProblems, textForm } from '../helpers/measure-description.ts';
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
    expect(
      existsSync(SHARED_SOURCES),
      `${SHARED_SOURCES} is missing: the team's sources must sit beside the project, at ../shared/sources`,
    ).toBe(true);
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
  it('every hospital an article or section reports on has an entry, named in that article’s source', () => {
    const byId = new Map(hospitals.map((h) => [h.id, h]));
    const problems = articles.flatMap((a) => {
      const named = new Set<string>([...a.data.hospitals, ...(a.data.sections ?? []).map((s: any) => s.hospital).filter(Boolean)]);
      const source = readingForm(readSource(a.data.source));
      return [...named].flatMap((id) => {
        const h = byId.get(id);
        if (!h) return [`${a.file}: hospital ${id} has no entry in content/hospitals/`];
        const names: string[] = [h.data.name, ...(h.data.aliases ?? [])];
        return names.some((n) => source.includes(readingForm(n)))
          ? []
          : [`${a.file}: ${h.data.name} (${id}) is not named in ${a.data.source}`];
      });
    });
    expect(problems).toEqual([]);
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
        .filter((c: any) => !c.global && !UNMARKED_KINDS.has(c.kind) && !correctionMarkIds(a.body).includes(c.id))
        .map((c: any) => `${a.file}: ${c.id} (${c.kind}) has no ${correctionMark(c.id)} mark`),
    );
    expect(unmarked).toEqual([]);
  });

  it('are numbered in reading order', () => {
    const disorder = articles.flatMap((a) => {
      const order = correctionMarkIds(a.body).map((id) => Number(id.slice(1)));
      return order.some((n, i) => i > 0 && n < order[i - 1]) ? [`${a.file}: marks in order ${order.join(',')}`] : [];
    });
    expect(disorder).toEqual([]);
  });
});

describe('stated facts quote their source', () => {
  const inSource = (source: string, quote: string) => readingForm(readSource(source)).includes(readingForm(quote));

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
        return fact?.quote !== undefined && !inSource(a.data.source, fact.quote)
          ? [`${a.file}: ${f}.quote "${fact.quote}" is not in the source`]
          : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('people', () => {
    const problems = people.flatMap((p) =>
      (p.data.roles ?? []).flatMap((r: any, i: number) => {
        const out: string[] = [];
        if (!inSource(r.source, r.quote)) out.push(`${p.file}: roles[${i}].quote "${r.quote}" is not in ${r.source}`);
        if (!readingForm(r.quote).includes(readingForm(p.data.name))) out.push(`${p.file}: roles[${i}].quote does not name ${p.data.name}`);
        return out;
      }),
    );
    expect(problems).toEqual([]);
  });
});

/** A measure's description quotes its article (so a sentence a recorded column move rejoined can be quoted whole). */
describe('measures are named and described for a reader', () => {
  it('each name is the programme’s name and each description a whole passage that says more than the name', () => {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const problems = measures.flatMap((m) => {
      const article = byId.get(m.data.article)!;
      const breakOffs = (article.data.corrections ?? []).filter((c: any) => c.kind === 'query').map((c: any) => readingForm(c.original));
      return [
        ...nameProblems(m.data.name),
        ...descriptionProblems(m.data.name, m.data.description, textForm(article.bodyText), breakOffs),
      ].map((p) => `${m.file}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  describe('the rules catch each defect', () => {
    const article = textForm('医院党委推行“书记查房制”，\n每月一次，查找问题。\n“1457”战略。');
    it('a verb phrase for a name', () => {
      expect(nameProblems('推行“书记查房制”')).toHaveLength(1);
      expect(nameProblems('“书记查房制”')).toEqual([]);
    });
    it('a description that stops mid-sentence, starts mid-clause, only names it or is not in the article', () => {
      expect(descriptionProblems('“书记查房制”', '医院党委推行“书记查房制”，每月一次，查找问题。', article)).toEqual([]);
      expect(descriptionProblems('“书记查房制”', '医院党委推行“书记查房制”，每月一次', article)).toEqual([
        'description stops mid-sentence ("…房制”，每月一次"): run it to the 。！？ or ； that ends it',
      ]);
      expect(descriptionProblems('“书记查房制”', '党委推行“书记查房制”，每月一次，查找问题。', article)).toEqual([
        'description starts mid-clause (after "医院"): start where the clause starts',
      ]);
      expect(descriptionProblems('“1457”战略', '“1457”战略。', article)).toEqual([
        'description only names it: quote the passage that says what it is',
      ]);
      expect(descriptionProblems('“书记查房制”', '医院党委推行“书记查房制”，每周一次，查找问题。', article)[0]).toBe(
        'description is not a verbatim passage of its article',
      );
    });
    it('a description may end where the printed text breaks off, if a 存疑 correction records it', () => {
      const cut = textForm('努力建设成为');
      expect(descriptionProblems('医联体', '努力建设成为', cut, [])).toContain(
        'description stops mid-sentence ("…努力建设成为"): run it to the 。！？ or ； that ends it',
      );
      expect(descriptionProblems('医联体', '努力建设成为', cut, ['努力建设成为'])).toEqual([]);
    });
  });
});

describe('references', () => {
  it('name entries that exist and agree with their article (the build’s own check)', () => {
    const entries = (list: RawEntry[]) => list.map((e) => ({ id: e.id, filePath: e.file, data: e.data }));
    expect(
      findIntegrityProblems({
        articles: entries(articles),
        hospitals: entries(hospitals),
        people: entries(people),
        measures: entries(measures),
      }),
    ).toEqual([]);
  });

  it('every hospital is reported by some article', () => {
    const reported = new Set(articles.flatMap((a) => a.data.hospitals));
    expect(hospitals.map((h) => h.id).filter((id) => !reported.has(id))).toEqual([]);
  });
});
