/**
 * The scale benchmark's synthetic archives (tools/synthetic/generate.ts) are valid
 * content: 20 generated reports hold the entries and names the generator
 * counts and lists, pass the real schemas, the cross-reference check and the
 * Markdown pipeline, every quote and correction is true to its generated
 * source, and the output is a pure function of the seed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { generateArchive, type SyntheticArchive } from '../../tools/synthetic/generate.ts';
import { findIntegrityProblems } from '../../src/content-model/integrity.ts';
import { markdownOptions } from '../../src/markdown/pipeline.ts';
import { readingForm } from '../../src/content-model/fidelity.ts';
import { ROOT } from '../helpers/sites.ts';

const corpus = readdirSync(join(ROOT, 'content/sources'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(ROOT, 'content/sources', f), 'utf8'));
const generate = (seed = 7) => generateArchive({ reports: 20, seed, corpus, avoid: ['安康市中心医院'] });

let archive: SyntheticArchive;
let dir: string;
const cwd = process.cwd();
const entries = (folder: string) =>
  [...archive.files]
    .filter(([path]) => path.startsWith(`${folder}/`))
    .map(([path, text]) => {
      const id = path.slice(folder.length + 1).replace(/\.(md|yaml|txt)$/, '');
      const parsed = path.endsWith('.md')
        ? parseFrontmatter(text)
        : path.endsWith('.yaml')
          ? { frontmatter: parseYaml(text), content: '' }
          : { frontmatter: {}, content: text };
      return { id, filePath: `content/${path}`, data: parsed.frontmatter as any, body: parsed.content };
    });
const source = (id: string) => archive.files.get(`sources/${id}.txt`)!;
const inSource = (id: string, text: string) => readingForm(source(id)).includes(readingForm(text));

beforeAll(() => {
  archive = generate();
  // The schema checks that a cited source exists in `<cwd>/content/sources/`: give it the generated ones.
  dir = mkdtempSync(join(tmpdir(), 'synthetic-'));
  mkdirSync(join(dir, 'content/sources'), { recursive: true });
  for (const [path, text] of archive.files) if (path.startsWith('sources/')) writeFileSync(join(dir, 'content', path), text);
  process.chdir(dir);
});

afterAll(() => {
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

describe('a synthetic archive of 20 reports', () => {
  it('writes one article and one source a report, one hospital for four reports, and as many entries as it counts', () => {
    const files = Object.fromEntries(
      ['articles', 'sources', 'hospitals', 'people', 'measures'].map((folder) => [folder, entries(folder).length]),
    );
    const { articles, sources, hospitals, people, measures } = archive.counts;
    expect({ articles, sources, hospitals }).toEqual({ articles: 20, sources: 20, hospitals: 5 });
    expect(files).toEqual({ articles, sources, hospitals, people, measures });
    expect(new Set(entries('articles').map((a) => a.data.source)).size).toBe(20);
    const sum = (key: string) => entries('articles').reduce((n, a) => n + (a.data[key]?.length ?? 0), 0);
    expect({ sections: sum('sections'), corrections: sum('corrections') }).toEqual({
      sections: archive.counts.sections,
      corrections: archive.counts.corrections,
    });
  });

  it('reports on every hospital, each with its party secretary', () => {
    const reported = new Set(entries('articles').flatMap((a) => a.data.hospitals));
    const led = new Set(
      entries('people').flatMap((p) => p.data.roles.filter((r: any) => r.kind === 'party-secretary').map((r: any) => r.hospital)),
    );
    const hospitals = entries('hospitals')
      .map((h) => h.id)
      .sort();
    expect([...reported].sort()).toEqual(hospitals);
    expect([...led].sort()).toEqual(hospitals);
  });

  it('writes, over 100 reports, all three shapes of article and every kind of defect', () => {
    const articles = [...generateArchive({ reports: 100, corpus }).files]
      .filter(([path]) => path.startsWith('articles/'))
      .map(([, text]) => parseFrontmatter(text).frontmatter as any);
    const kinds = (key: string) => [...new Set(articles.flatMap((a) => (a[key] ?? []).map((x: any) => x.kind)))].sort();
    expect(kinds('sections')).toEqual(['editor-note', 'essay', 'profile']);
    expect(kinds('corrections')).toEqual(['doubled', 'furniture', 'misread', 'paragraph-join', 'punctuation', 'query']);
  });

  it('lists the names it wrote, and names for absent-term queries that it wrote nowhere', () => {
    const names = (folder: string) =>
      entries(folder)
        .map((e) => e.data.name as string)
        .sort();
    const cores = [...new Set(names('measures').map((name) => /^“(.+)”/.exec(name)?.[1]))].sort();
    expect({
      hospitals: [...archive.names.hospitals].sort(),
      people: [...archive.names.people].sort(),
      measures: [...archive.names.measures].sort(),
    }).toEqual({
      hospitals: names('hospitals'),
      people: names('people'),
      measures: cores,
    });
    const sources = entries('sources')
      .map((e) => e.body)
      .join('\n');
    expect([...names('hospitals'), ...names('people'), ...cores].filter((name) => !sources.includes(name!))).toEqual([]);
    // Absent-term queries: no entry or city bears these names, and the hospital-like ones occur in no file at all.
    const written = new Set([...names('hospitals'), ...names('people'), ...archive.names.cities]);
    const everything = [...archive.files.values()].join('\n');
    expect(archive.names.unused).toHaveLength(80);
    expect(archive.names.unused.filter((name) => written.has(name) || (name.includes('市') && everything.includes(name)))).toEqual([]);
  });

  it('writes dates that a YAML 1.1 reader (Astro frontmatter) reads as text, not as a timestamp or a number', () => {
    const dates = entries('articles').map((a) => a.data.date.value);
    expect(dates.filter((value) => typeof value !== 'string')).toEqual([]);
    expect(dates.some((value) => /^\d{4}-\d\d-\d\d$/.test(value))).toBe(true);
  });

  it('passes the real schemas and the cross-reference check', async () => {
    // Imported after chdir: the source-id check resolves content/sources/ from the working directory at load time.
    const { articleSchema, hospitalSchema, measureSchema, personSchema } = await import('../../src/content-model/schema.ts');
    const ref = () => z.string();
    const schemas = { articles: articleSchema(ref), hospitals: hospitalSchema(), people: personSchema(ref), measures: measureSchema(ref) };
    const problems: string[] = [];
    for (const [folder, schema] of Object.entries(schemas)) {
      for (const e of entries(folder)) {
        const result = schema.safeParse(e.data);
        if (!result.success) problems.push(...result.error.issues.map((i) => `${e.filePath}: ${i.path.join('.')}: ${i.message}`));
      }
    }
    expect(problems).toEqual([]);
    expect(schemas.articles.safeParse({ ...entries('articles')[0].data, source: '999_0000000000000000' }).success).toBe(false);
    const set = {
      articles: entries('articles'),
      hospitals: entries('hospitals'),
      people: entries('people'),
      measures: entries('measures'),
    };
    expect(findIntegrityProblems(set)).toEqual([]);
  });

  it('renders through the Markdown pipeline: every section heading found, every mark known', async () => {
    const processor = await createMarkdownProcessor(markdownOptions as any);
    for (const a of entries('articles')) {
      const { code } = await processor.render(a.body, { frontmatter: a.data, fileURL: new URL(`file:///${a.filePath}`) } as any);
      for (const s of a.data.sections ?? []) expect(code).toContain(`id="${s.id}"`);
      const marked = [...a.body.matchAll(/\[\[(c\d+)\]\]/g)].map((m) => m[1]);
      const needMark = (a.data.corrections as any[]).filter((c) => !c.global && c.kind !== 'paragraph-join').map((c) => c.id);
      expect(marked.sort()).toEqual(needMark.sort());
    }
  });

  it('quotes only what its sources say, and its corrections undo real defects', () => {
    const bad: string[] = [];
    for (const a of entries('articles')) {
      for (const f of [a.data.newspaper, a.data.date]) if (f?.quote && !inSource(a.data.source, f.quote)) bad.push(`${a.id}: ${f.quote}`);
      for (const c of a.data.corrections) {
        if (!source(a.data.source).includes(c.original)) bad.push(`${a.id} ${c.id}: original not in source`);
        if (c.reading && !c.global && !a.body.replace(/\[\[c\d+\]\]/g, '').includes(c.reading))
          bad.push(`${a.id} ${c.id}: reading not in body`);
      }
    }
    for (const h of entries('hospitals')) {
      for (const key of ['province', 'city', 'county', 'level', 'category', 'founded']) {
        const f = h.data[key];
        if (f?.quote && !inSource(f.source, f.quote)) bad.push(`${h.id}.${key}: ${f.quote}`);
      }
    }
    for (const p of entries('people'))
      for (const r of p.data.roles) if (!inSource(r.source, r.quote) || !r.quote.includes(p.data.name)) bad.push(`${p.id}: ${r.quote}`);
    for (const m of entries('measures')) if (!inSource(m.data.source, m.data.description)) bad.push(`${m.id}: ${m.data.description}`);
    expect(bad).toEqual([]);
  });

  it('is deterministic: the same seed gives the same files, another seed others', () => {
    const again = generate();
    expect([...again.files]).toEqual([...archive.files]);
    expect([...generate(8).files]).not.toEqual([...archive.files]);
  });
});
