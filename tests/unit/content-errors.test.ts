/**
 * Every way a content file can be wrong gets a message that names the field
 * and says what is wrong and what is allowed. Each message is pinned here,
 * through the schemas, error map, id rule, cross-reference check and Markdown
 * pipeline the build uses; `tests/e2e/bad-content.test.ts` shows each of those
 * stages stops the build with its messages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { withReadableErrors } from '../../src/content-model/error-map.ts';
import { articleSchema, hospitalSchema, measureSchema, personSchema } from '../../src/content-model/schema.ts';
import { entryIdFromPath } from '../../src/content-model/entry-id.ts';
import { findIntegrityProblems } from '../../src/content-model/integrity.ts';
import { markdownOptions } from '../../src/markdown/pipeline.ts';
import { ROOT } from '../helpers/sites.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/minimal-content');
const ref = () => z.string();
const schemas = {
  articles: withReadableErrors(articleSchema(ref)),
  hospitals: withReadableErrors(hospitalSchema()),
  people: withReadableErrors(personSchema(ref)),
  measures: withReadableErrors(measureSchema(ref)),
};

function fixture(file: string): any {
  const raw = readFileSync(join(FIXTURES, file), 'utf8');
  return file.endsWith('.md') ? parseFrontmatter(raw).frontmatter : parseYaml(raw);
}

/** Messages as Astro prints them under the file: `field.path: message`. */
async function problems(collection: keyof typeof schemas, data: unknown): Promise<string[]> {
  const result = await schemas[collection].safeParseAsync(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const article = () => fixture('articles/test-article.md');
const hospital = () => fixture('hospitals/test-hospital.yaml');

describe('the fixtures themselves', () => {
  it('are valid, so each case below fails for its one defect', async () => {
    expect(await problems('articles', article())).toEqual([]);
    expect(await problems('hospitals', hospital())).toEqual([]);
    expect(await problems('people', fixture('people/zhang-zhenjian.yaml'))).toEqual([]);
    expect(await problems('measures', fixture('measures/test-hospital-red-flag.yaml'))).toEqual([]);
  });
});

describe('schema errors name the field and say what is wrong', () => {
  it('a missing required field', async () => {
    const { title, ...rest } = article();
    expect(await problems('articles', rest)).toMatchInlineSnapshot(`
      [
        "title: required field is missing (expected string)",
      ]
    `);
  });

  it('a misspelt field', async () => {
    const { title, ...rest } = article();
    expect(await problems('articles', { ...rest, titel: title })).toMatchInlineSnapshot(`
      [
        "title: required field is missing (expected string)",
        "titel: unknown field "titel": check the spelling, or see src/content-model/schema.ts for the fields this entry takes",
      ]
    `);
    const { name, ...other } = hospital();
    expect(await problems('hospitals', { ...other, nmae: name })).toMatchInlineSnapshot(`
      [
        "name: required field is missing (expected string)",
        "nmae: unknown field "nmae": check the spelling, or see src/content-model/schema.ts for the fields this entry takes",
      ]
    `);
  });

  it('a province that is not a provincial-level division', async () => {
    const h = hospital();
    h.province.value = '湖北';
    expect(await problems('hospitals', h)).toMatchInlineSnapshot(`
      [
        "province.value: "湖北" is not one of China's provincial-level divisions; write the full name, e.g. 陕西省, 重庆市, 广西壮族自治区",
      ]
    `);
  });

  it('a malformed date', async () => {
    for (const value of ['2021-02-30', '21-06', '2021/06']) {
      expect(await problems('articles', { ...article(), date: { value, inferred: '推定' } })).toEqual([
        `date.value: "${value}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023, 2023-06, 2023-06-15)`,
      ]);
    }
  });

  it('a full date YAML read as a timestamp', async () => {
    // Unquoted, the frontmatter parser the build uses turns 2021-02-30 into a timestamp (2021-03-02).
    const raw = readFileSync(join(FIXTURES, 'articles/test-article.md'), 'utf8').replace(/^ {2}value: 2021$/m, '  value: 2021-02-30');
    expect(await problems('articles', parseFrontmatter(raw).frontmatter)).toMatchInlineSnapshot(`
      [
        "date.value: write a full date in quotes, e.g. "2021-06-09": unquoted, YAML turns it into a timestamp and silently rolls an impossible date over",
      ]
    `);
  });

  it('a source id that is not a source file', async () => {
    expect(await problems('articles', { ...article(), source: '009_0dfbbe1d1ffe3c64' })).toMatchInlineSnapshot(`
      [
        "source: "009_0dfbbe1d1ffe3c64" names no file in content/sources/ (no 009_0dfbbe1d1ffe3c64.txt)",
      ]
    `);
    expect(await problems('articles', { ...article(), source: '002' })).toMatchInlineSnapshot(`
      [
        "source: "002" is not a source id; a source id looks like "000_804ee4f55abab6f2"",
      ]
    `);
  });

  it('a duplicate section or correction id', async () => {
    const a = article();
    a.sections.push({ ...a.sections[0], heading: '提质量优服务 护航健康担使命' });
    a.corrections.push({ ...a.corrections[0] });
    expect(await problems('articles', a)).toMatchInlineSnapshot(`
      [
        "sections.1.id: duplicate id "part-one" (also sections[0])",
        "corrections.1.id: duplicate id "c1" (also corrections[0])",
      ]
    `);
  });

  it('a kind that is not one of the allowed kinds', async () => {
    const a = article();
    a.corrections[0].kind = 'doubling';
    expect(await problems('articles', a)).toMatchInlineSnapshot(`
      [
        "corrections.0.kind: "doubling" is not allowed; use one of: misread, doubled, lacuna, furniture, duplicate, column-order, paragraph-join, punctuation, caption, query",
      ]
    `);
    expect(await problems('measures', { ...fixture('measures/test-hospital-red-flag.yaml'), kind: 'campagin' })).toMatchInlineSnapshot(`
      [
        "kind: "campagin" is not allowed; use one of: brand, programme, mechanism, strategy, model, campaign, system, service",
      ]
    `);
  });

  it('a fact with neither a quote nor the evidence for an inference', async () => {
    const h = hospital();
    delete h.province.inferred;
    expect(await problems('hospitals', h)).toMatchInlineSnapshot(`
      [
        "province.quote: give \`quote\` (the sentence that states it) or, if the text does not state it, \`inferred\` (the evidence)",
      ]
    `);
  });

  it('an article about no hospital', async () => {
    expect(await problems('articles', { ...article(), hospitals: [] })).toMatchInlineSnapshot(`
      [
        "hospitals: needs at least 1 item",
      ]
    `);
  });

  it('a value of the wrong type', async () => {
    expect(await problems('hospitals', { ...hospital(), aliases: '市中心医院' })).toMatchInlineSnapshot(`
      [
        "aliases: expected array, found "市中心医院"",
      ]
    `);
  });

  it('a person note that is not a remark', async () => {
    const person = () => fixture('people/zhang-zhenjian.yaml');
    expect(await problems('people', { ...person(), note: '  ' })).toMatchInlineSnapshot(`
      [
        "note: must not be empty: write the remark, or leave \`note\` out",
      ]
    `);
    expect(await problems('people', { ...person(), note: ['钱远坤'] })).toMatchInlineSnapshot(`
      [
        "note: expected string, found a list",
      ]
    `);
  });

  it('a section id that is not ASCII', async () => {
    const a = article();
    a.sections[0].id = '第一部分';
    expect(await problems('articles', a)).toMatchInlineSnapshot(`
      [
        "sections.0.id: must be an ASCII id: lower-case letters, digits and single hyphens, e.g. "chen-guoqi"",
      ]
    `);
  });
});

describe('file names are ids', () => {
  it('must be ASCII', () => {
    expect(() => entryIdFromPath('content/hospitals/随州.yaml', new Map())).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/hospitals/随州.yaml: the file name "随州" is the entry's id and URL, so it must be ASCII: lower-case letters, digits and single hyphens (e.g. ankang-central.yaml)]`,
    );
  });

  it('may not repeat', () => {
    const seen = new Map<string, string>();
    entryIdFromPath('content/hospitals/suizhou.yaml', seen);
    expect(() => entryIdFromPath('content/hospitals/suizhou.yml', seen)).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/hospitals/suizhou.yml: duplicate id "suizhou": content/hospitals/suizhou.yaml has the same id. Rename one of the files.]`,
    );
  });
});

describe('cross references', () => {
  const content = () => ({
    articles: [{ id: 'test-article', filePath: 'content/articles/test-article.md', data: article() }],
    hospitals: [{ id: 'test-hospital', filePath: 'content/hospitals/test-hospital.yaml', data: hospital() }],
    people: [{ id: 'zhang-zhenjian', filePath: 'content/people/zhang-zhenjian.yaml', data: fixture('people/zhang-zhenjian.yaml') }],
    measures: [
      {
        id: 'test-hospital-red-flag',
        filePath: 'content/measures/test-hospital-red-flag.yaml',
        data: fixture('measures/test-hospital-red-flag.yaml'),
      },
    ],
  });

  it('hold in the fixtures', () => expect(findIntegrityProblems(content())).toEqual([]));

  it('to a hospital that does not exist', () => {
    const c = content();
    c.articles[0].data.hospitals = ['no-such-hospital'];
    c.people[0].data.roles[0].hospital = 'no-such-hospital';
    expect(findIntegrityProblems(c)).toMatchInlineSnapshot(`
      [
        "content/articles/test-article.md: hospitals[0]: "no-such-hospital" names no entry in content/hospitals/",
        "content/articles/test-article.md: sections[0].hospital: "test-hospital" is not in the article's hospitals",
        "content/people/zhang-zhenjian.yaml: roles[0].hospital: "no-such-hospital" names no entry in content/hospitals/",
        "content/measures/test-hospital-red-flag.yaml: hospital: "test-hospital" is not among the hospitals of article "test-article"",
      ]
    `);
  });

  it('to a person, article or section that does not exist', () => {
    const c = content();
    c.articles[0].data.sections[0].secretary = 'nobody';
    c.measures[0].data.section = 'no-section';
    expect(findIntegrityProblems(c)).toMatchInlineSnapshot(`
      [
        "content/articles/test-article.md: sections[0].secretary: "nobody" names no entry in content/people/",
        "content/measures/test-hospital-red-flag.yaml: section: "no-section" is not a section of article "test-article"",
      ]
    `);
    c.measures[0].data.article = 'no-article';
    expect(findIntegrityProblems(c)).toContain(
      'content/measures/test-hospital-red-flag.yaml: article: "no-article" names no entry in content/articles/',
    );
  });
});

describe('the article body', () => {
  async function render(file: string, body: string, frontmatter: any) {
    const processor = await createMarkdownProcessor(markdownOptions as any);
    return processor.render(body, { frontmatter, fileURL: new URL(`file:///project/${file}`) } as any);
  }

  it('may only mark corrections the frontmatter records', async () => {
    const { frontmatter, content } = parseFrontmatter(readFileSync(join(FIXTURES, 'articles/test-article.md'), 'utf8'));
    await expect(
      render('content/articles/test-article.md', `${content}\n再见[[c7]]。`, frontmatter),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: Failed to parse Markdown file "/project/content/articles/test-article.md":
      /project/content/articles/test-article.md: correction mark [[c7]] names no entry in \`corrections\`. Add the correction or remove the mark.]
    `);
  });

  it('must contain the heading of every declared section', async () => {
    const { frontmatter } = parseFrontmatter(readFileSync(join(FIXTURES, 'articles/test-article.md'), 'utf8'));
    await expect(
      render('content/articles/test-article.md', '## 另一个标题\n\n正文新技术[[c1]]。', frontmatter),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: Failed to parse Markdown file "/project/content/articles/test-article.md":
      /project/content/articles/test-article.md: sections[0].heading "夯根基强管理 党建引领促发展" matches no heading in the body. A section starts at a Markdown heading whose text equals its \`heading\`.]
    `);
  });
});
