/**
 * A content file that breaks the schema or a cross reference stops the real
 * build, and the output names the file, the field and what is wrong. Each
 * case builds a throw-away project: the archive's code with the small valid
 * fixture content plus one defect.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/sites.ts';

const run = promisify(execFile);
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

/** Terminal colours (on under CI=true) would split the messages the tests look for. */
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

async function build(dir: string): Promise<{ ok: boolean; output: string }> {
  const env = { ...process.env, OUT_DIR: join(dir, 'dist'), NO_COLOR: '1', FORCE_COLOR: '0' };
  try {
    const { stdout, stderr } = await run(join(ROOT, 'node_modules/.bin/astro'), ['build'], { cwd: dir, env });
    return { ok: true, output: plain(stdout + stderr) };
  } catch (error: any) {
    return { ok: false, output: plain(`${error.stdout}${error.stderr}`) };
  }
}

function rewrite(file: string, from: string | RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(file, next);
}

afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

describe('the build', () => {
  it('succeeds on the valid fixture content', async () => {
    const result = await build(project(() => {}));
    expect(result.output).toContain('Complete!');
    expect(result.ok).toBe(true);
  });

  it('stops on a missing required field, naming file and field', async () => {
    const result = await build(project((c) => rewrite(join(c, 'articles/test-article.md'), /^title: .*\n/m, '')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('articles → test-article data does not match collection schema');
    expect(result.output).toContain('title: required field is missing (expected string)');
    expect(result.output).toMatch(/content\/articles\/test-article\.md/);
  });

  it('stops on a province that is not a provincial-level division', async () => {
    const result = await build(project((c) => rewrite(join(c, 'hospitals/test-hospital.yaml'), 'value: 湖北省', 'value: 湖北')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('province.value: "湖北" is not one of China\'s provincial-level divisions');
    expect(result.output).toMatch(/content\/hospitals\/test-hospital\.yaml/);
  });

  it('stops on a reference to a hospital that does not exist', async () => {
    const result = await build(project((c) => rewrite(join(c, 'articles/test-article.md'), 'hospitals: [test-hospital]', 'hospitals: [test-hospitl]')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/articles/test-article.md: hospitals[0]: "test-hospitl" names no entry in content/hospitals/');
  });

  it('stops on a correction mark with no correction', async () => {
    const result = await build(project((c) => rewrite(join(c, 'articles/test-article.md'), '[[c1]]', '[[c2]]')));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('correction mark [[c2]] names no entry in `corrections`');
    expect(result.output).toContain('content/articles/test-article.md');
  });

  it('stops on two files claiming one id', async () => {
    const result = await build(
      project((c) => cpSync(join(c, 'hospitals/test-hospital.yaml'), join(c, 'hospitals/test-hospital.yml'))),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/duplicate id "test-hospital": content\/hospitals\/test-hospital\.ya?ml has the same id/);
  });

  it.each([
    ['a malformed date', 'articles/test-article.md', /^ {2}value: 2021$/m, '  value: "2021-02-30"', 'date.value: "2021-02-30" is not a date'],
    ['an unquoted full date', 'articles/test-article.md', /^ {2}value: 2021$/m, '  value: 2021-02-30', 'date.value: write a full date in quotes'],
    ['a source id that is not a source file', 'articles/test-article.md', /^source: .*$/m, 'source: 009_0dfbbe1d1ffe3c64', 'source: "009_0dfbbe1d1ffe3c64" names no file in content/sources/'],
    ['a misspelt field', 'hospitals/test-hospital.yaml', /^name:/m, 'nmae:', 'nmae: unknown field "nmae"'],
    ['a kind that is not allowed', 'measures/test-hospital-red-flag.yaml', /^kind: campaign$/m, 'kind: campagin', 'kind: "campagin" is not allowed; use one of:'],
    ['a fact with no quote and no evidence', 'hospitals/test-hospital.yaml', /^ {2}inferred: .*\n/m, '', 'province.quote: give `quote`'],
    ['a section heading missing from the body', 'articles/test-article.md', '## 夯根基强管理 党建引领促发展', '## 另一个标题', 'sections[0].heading "夯根基强管理 党建引领促发展" matches no heading in the body'],
  ])('stops on %s, naming file and field', async (_, file, from, to, message) => {
    const result = await build(project((c) => rewrite(join(c, file), from, to)));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(message);
    expect(result.output).toContain(`content/${file}`);
  });

  it('stops on a file name that is not ASCII', async () => {
    const result = await build(project((c) => cpSync(join(c, 'hospitals/test-hospital.yaml'), join(c, 'hospitals/随州.yaml'))));
    expect(result.ok).toBe(false);
    expect(result.output).toContain('content/hospitals/随州.yaml: the file name "随州" is the entry\'s id and URL, so it must be ASCII');
  });

  it('validates a draft but does not publish it', async () => {
    const dir = project((c) => rewrite(join(c, 'articles/test-article.md'), /^title: /m, 'draft: true\ntitle: '));
    const result = await build(dir);
    expect(result.ok).toBe(true);
    expect(existsSync(join(dir, 'dist/articles/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist/articles/test-article/index.html'))).toBe(false);
    const broken = await build(project((c) => rewrite(join(c, 'articles/test-article.md'), /^title: .*\n/m, 'draft: true\n')));
    expect(broken.ok).toBe(false);
    expect(broken.output).toContain('title: required field is missing');
  });
});
