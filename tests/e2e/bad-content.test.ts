/**
 * A content file that breaks the schema or a cross reference stops the real
 * build, and the output names the file, the field and what is wrong. Each
 * case builds a throw-away project: the archive's code with the small valid
 * fixture content plus one defect.
 *
 * Every message is pinned in tests/unit/content-errors.test.ts through the
 * same schemas, error map, id rule, cross-reference check and Markdown
 * pipeline. The builds here prove each of those stages is wired into the
 * build, one defect a stage: the schema (with the error map), the entry ids,
 * the cross references and the Markdown pipeline; and that a draft is
 * validated but not published.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildOutcome } from '../../tools/shared/build-site.ts';
import { ROOT } from '../helpers/sites.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/minimal-content');
const projects: string[] = [];

/** A project sharing the archive's code, with the fixture content and `edit` applied. */
function project(edit: (content: string) => void): string {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, '.tmp/bad-content-'));
  projects.push(dir);
  for (const name of ['src', 'node_modules', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    symlinkSync(join(ROOT, name), join(dir, name));
  }
  cpSync(FIXTURES, join(dir, 'content'), { recursive: true });
  symlinkSync(join(ROOT, 'content/sources'), join(dir, 'content/sources'));
  edit(join(dir, 'content'));
  return dir;
}

function build(dir: string): BuildOutcome {
  return buildSite({ OUT_DIR: join(dir, 'dist') }, dir);
}

function rewrite(file: string, from: string | RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(file, next);
}

/** A second article, a copy of the fixture's, marked as a draft and then changed by `edit`. */
function addDraft(content: string, edit: (text: string) => string = (text) => text) {
  const text = readFileSync(join(content, 'articles/test-article.md'), 'utf8').replace(/^---\n/, '---\ndraft: true\n');
  writeFileSync(join(content, 'articles/test-draft.md'), edit(text));
}

afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

describe('the build', () => {
  it('succeeds on the valid fixture content, and validates a draft without publishing it', () => {
    const dir = project((c) => addDraft(c));
    const result = build(dir);
    expect(result.output).toContain('Complete!');
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'dist/articles/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist/articles/test-article/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist/articles/test-draft/index.html'))).toBe(false);
    // Built without SITE_URL: one warning names it, and absolute URLs are the local preview's, never a stranger's domain.
    expect(result.output.match(/SITE_URL is not set/g)).toHaveLength(1);
    expect(readFileSync(join(dir, 'dist/rss.xml'), 'utf8')).toContain('<link>http://localhost:4321/articles/test-article/</link>');
  });

  it('stops on a schema error, in a draft too, naming the file and the field', () => {
    const result = build(project((c) => addDraft(c, (text) => text.replace(/^title: .*\n/m, ''))));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('articles → test-draft data does not match collection schema');
    expect(result.output).toContain('title: required field is missing (expected string)');
    expect(result.output).toMatch(/content\/articles\/test-draft\.md/);
  });

  it('stops on a file name that cannot be an id', () => {
    const result = build(project((c) => cpSync(join(c, 'hospitals/test-hospital.yaml'), join(c, 'hospitals/随州.yaml'))));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/hospitals/随州.yaml: the file name "随州" is the entry\'s id and URL, so it must be ASCII');
  });

  it('stops on a reference to a hospital that does not exist', () => {
    const result = build(
      project((c) => rewrite(join(c, 'articles/test-article.md'), 'hospitals: [test-hospital]', 'hospitals: [test-hospitl]')),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('content/articles/test-article.md: hospitals[0]: "test-hospitl" names no entry in content/hospitals/');
  });

  it('stops on a correction mark with no correction, naming the file', () => {
    const result = build(project((c) => rewrite(join(c, 'articles/test-article.md'), '[[c1]]', '[[c2]]')));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('correction mark [[c2]] names no entry in `corrections`');
    expect(result.output).toContain('content/articles/test-article.md');
  });
});
