/**
 * The scale benchmark's synthetic archives (tools/synthetic/generate.ts) are valid
 * content: 20 generated reports pass the real schemas, the cross-reference
 * check and the Markdown pipeline, every quote and correction is true to its
 * generated source, and the output is a pure function of the seed.
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
import { normalizeText } from '../../src/content-model/fidelity.ts';
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
      const id = path.slice(folder.length + 1).replace(/\.(md|yaml)$/, '');
      const parsed = path.endsWith('.md') ? parseFrontmatter(text) : { frontmatter: parseYaml(text), content: '' };
      return { id, filePath: `content/${path}`, data: parsed.frontmatter as any, body: parsed.content };
    });
const source = (id: string) => archive.files.get(`sources/${id}.txt`)!;
const inSource = (id: string, text: string) => normalizeText(source(id)).includes(normalizeText(text));

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
  it('has every kind of entry, one source per report', () => {
    expect(archive.counts).toMatchObject({ articles: 20, sources: 20 });
    for (const folder of ['articles', 'sources', 'hospitals', 'people', 'measures']) expect(entries(folder).length).toBeGreaterThan(0);
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
    const set = { articles: entries('articles'), hospitals: entries('hospitals'), people: entries('people'), measures: entries('measures') };
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
        if (c.reading && !c.global && !a.body.replace(/\[\[c\d+\]\]/g, '').includes(c.reading)) bad.push(`${a.id} ${c.id}: reading not in body`);
      }
    }
    for (const h of entries('hospitals')) {
      for (const key of ['province', 'city', 'county', 'level', 'category', 'founded']) {
        const f = h.data[key];
        if (f?.quote && !inSource(f.source, f.quote)) bad.push(`${h.id}.${key}: ${f.quote}`);
      }
    }
    for (const p of entries('people')) for (const r of p.data.roles) if (!inSource(r.source, r.quote) || !r.quote.includes(p.data.name)) bad.push(`${p.id}: ${r.quote}`);
    for (const m of entries('measures')) if (!inSource(m.data.source, m.data.description)) bad.push(`${m.id}: ${m.data.description}`);
    expect(bad).toEqual([]);
  });

  it('is deterministic: the same seed gives the same files, another seed others', () => {
    const again = generate();
    expect([...again.files]).toEqual([...archive.files]);
    expect([...generate(8).files]).not.toEqual([...archive.files]);
  });
});
