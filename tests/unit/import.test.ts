/**
 * The import command: its detectors on small texts, its ids, the drafts it
 * writes for every source in content/sources (valid, nothing lost, read back
 * as written), and its refusals (missing, empty, non-UTF-8, already
 * imported, would overwrite, a wrong option).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { parseDocument } from '../../tools/import/document.ts';
import { detectDefects, halfWidthMarks } from '../../tools/import/defects.ts';
import { analyze } from '../../tools/import/analyze.ts';
import { buildDraft } from '../../tools/import/draft.ts';
import { nameAfter, type KnownHospital } from '../../tools/import/entities.ts';
import { parseByline } from '../../tools/import/entities/byline.ts';
import { furnitureItems } from '../../tools/import/furniture-lines.ts';
import { hospitalId, newSourceId, personId, sha256Hex } from '../../tools/import/ids.ts';
import { ImportError, runImport } from '../../tools/import/run.ts';
import { formatReport } from '../../tools/import/report.ts';
import { DRAFT_COMMENT, IMPORT_MARK } from '../../tools/import/draft.ts';
import { correctionMarkIds } from '../../src/content-model/correction-marks.ts';
import { listSourceIds, SOURCES_DIR } from '../../src/content-model/sources.ts';
import type { CorrectionKind } from '../../src/content-model/schema.ts';
import { ROOT } from '../../tools/shared/project.ts';

const roots: string[] = [];
function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'import-'));
  mkdirSync(join(root, 'content'), { recursive: true });
  roots.push(root);
  return root;
}
afterEach(() => {
  while (roots.length) rmSync(roots.pop()!, { recursive: true, force: true });
});

const kinds = (text: string) => detectDefects(parseDocument(text)).proposals.map((p) => `${p.kind}:${p.reason}`);

describe('detectors', () => {
  it('join a paragraph broken inside a word, not one that ends a sentence', () => {
    const text = '# 标题\n\n医院大力开展多学科联合诊疗，通过与临\n\n床一线医护人员面对面交流。\n\n新的一段从这里开始。\n';
    const p = detectDefects(parseDocument(text)).proposals.filter((x) => x.kind === 'paragraph-join');
    expect(p).toHaveLength(1);
    expect(p[0].original).toBe('通过与临\n\n床一线医护人员面对面交流');
    expect(p[0].reading).toBe('通过与临床一线医护人员面对面交流');
  });

  it('do not join a numbered sub-heading or a byline to the next paragraph', () => {
    const text =
      '# 标题\n\n一、弘扬清风正气，涵养廉洁操守\n\n党的二十大报告提出，加强廉洁文化建设。\n\n□本报记者 张三\n\n新跨越，医院发展。\n';
    expect(kinds(text).filter((k) => k.startsWith('paragraph-join'))).toEqual([]);
  });

  it('flag a sentence cut by a heading as a column break, and a paragraph that starts mid-sentence', () => {
    const text = '# 标题\n\n医院从“避免漠视侵害群众利益、\n\n## 党建助力\n\n改善群众就医办事体验、廉洁从医从政”三方面着手，重点整治。\n';
    const p = detectDefects(parseDocument(text)).proposals.filter((x) => x.kind === 'column-order');
    expect(p.map((x) => x.reason)).toEqual(['cut-before-heading', 'starts-mid-sentence']);
    expect(p[0].note).toContain('第7行');
  });

  it('find doubled words of two or more characters, not reduplication like 扎扎实实', () => {
    const text = '# 标题\n\n对45项新技术新技术完成了初审，扎扎实实地为群众办实事，一步一步往前走。\n';
    const p = detectDefects(parseDocument(text)).proposals.filter((x) => x.kind === 'doubled');
    expect(p.map((x) => x.reading)).toEqual(['对45项新技术完成了初审']);
  });

  it('find page furniture: a running head with a telephone number', () => {
    const text = '# 标题\n\n正文一句。\n\n聚焦公立医院高质量发展  \n010-64621775\n\n正文又一句。\n';
    const p = detectDefects(parseDocument(text)).proposals.find((x) => x.kind === 'furniture')!;
    expect(p.original).toBe('聚焦公立医院高质量发展\n010-64621775');
    expect(p.reading).toBe('');
  });

  it('find a passage printed twice and propose removing the copy that fits its section less', () => {
    const passage = '医院与秀山县人民医院组建了县域内首家医共体。建立了医共体内双向转诊机制及辅助检查绿色通道。';
    const text = `# 标题\n\n### 奉节县兴隆镇中心卫生院 甘当守门人\n\n兴隆镇的一段正文说明情况。\n\n${passage}\n\n### 秀山县龙池镇中心卫生院 党建引领\n\n龙池镇的正文。\n\n${passage}\n`;
    const p = detectDefects(parseDocument(text)).proposals.find((x) => x.kind === 'duplicate')!;
    expect(p.line).toBe(7);
  });

  it('find half-width punctuation inside Chinese but leave numbers and Latin alone', () => {
    const text = '开展临床路径病种数218个,入组率92.43%;时间10:30,共1,000人(MDT)。Hello, world';
    const marks = halfWidthMarks(text)
      .map((i) => text[i])
      .join('');
    expect(marks).toBe(',;,()');
  });

  it('find a Latin word OCR read for a Chinese one', () => {
    expect(kinds('# 标题\n\n为祖国医药卫生事业的发展 and 人类身心健康奋斗终生。\n')).toContain('misread:latin-in-chinese');
  });
});

describe('entities', () => {
  it('cut a name after a role by the words that follow it', () => {
    expect(nameAfter('陈琳表示，', 0)?.name).toBe('陈琳');
    expect(nameAfter('席家庄表示，', 0)?.name).toBe('席家庄');
    expect(nameAfter('钱进代表医院', 0)?.name).toBe('钱进');
    expect(nameAfter(' 陈国旗\n', 0)).toEqual({ name: '陈国旗', uncertain: false });
  });

  it('count a name with extra words before it, and a short form that drops the place, as the hospital they name', () => {
    const { hospitals } = analyze(
      '# 标题\n\n随州市中心医院开展义诊。湖北随州市中心医院的专家到场，市中心医院党委书记张振建介绍。\n',
    ).entities;
    expect(hospitals.map((h) => ({ name: h.name, aliases: h.aliases, mentions: h.mentions }))).toEqual([
      { name: '随州市中心医院', aliases: ['市中心医院'], mentions: 3 },
    ]);
  });

  it('match a hospital already in the archive by an alias and propose the new ones', () => {
    const a = analyze('# 标题\n\n## ——随州市中心医院报道\n\n市中心医院党委书记张振建介绍。随州市中心医院与白河县人民医院合作。\n', [
      { id: 'suizhou-central', name: '随州市中心医院', aliases: ['市中心医院'] },
    ]);
    const [main, other] = a.entities.hospitals;
    expect(main.existing).toBe('suizhou-central');
    expect(main.about).toBe(true);
    expect(other.name).toBe('白河县人民医院');
    expect(other.about).toBe(false);
    expect(a.entities.people[0]).toMatchObject({ name: '张振建', roles: [{ kind: 'party-secretary', title: '党委书记', hospital: 0 }] });
  });
});

describe('ids', () => {
  it('follow the archive’s conventions', () => {
    expect(personId('陈国旗')).toBe('chen-guoqi');
    expect(hospitalId('大足区邮亭中心卫生院')).toBe('dazu-youting');
    expect(hospitalId('江西省高安市中医医院')).toBe('gaoan-tcm');
    expect(hospitalId('安康市中心医院')).toBe('ankang-central');
  });

  it('number a new source after the highest and take 16 hex digits of its SHA-256, unless it already has an id', () => {
    const bytes = new TextEncoder().encode('正文');
    expect(newSourceId(['000_804ee4f55abab6f2', '004_ae8107586a0ecb83'], bytes, 'report.txt')).toBe(`005_${sha256Hex(bytes).slice(0, 16)}`);
    expect(newSourceId([], bytes, '/x/007_0123456789abcdef.txt')).toBe('007_0123456789abcdef');
  });
});

/** Copies a source of the archive into a fresh root as an OCR file to import. */
function sourceInput(prefix: string): { root: string; input: string } {
  const root = tempRoot();
  const input = join(root, 'in.txt');
  copyFileSync(join(SOURCES_DIR, `${listSourceIds().find((i) => i.startsWith(prefix))}.txt`), input);
  return { root, input };
}

/** YAML read as Astro reads frontmatter and data files (js-yaml, with its YAML 1.1 timestamps). */
const readAsAstro = (yaml: string) => parseFrontmatter(`---\n${yaml}---\n`).frontmatter;

describe('the draft body', () => {
  const text =
    '# 标题(一)\n\n# 第一节\n\n医院大力开展多学科联合诊疗,通过与临\n\n\n\n▲医护人员交流\n\n\n\n床一线医护人员面对面交流。\n\n' +
    '新的一段从这里开始，急救急救技能。\n\n聚焦公立医院高质量发展\n010-64621775\n\n末段正文。\n';
  const draftOf = (apply?: Set<CorrectionKind>) =>
    buildDraft(analyze(text), {
      sourceId: '000_0000000000000000',
      apply,
      taken: { articles: new Set(), hospitals: new Set(), people: new Map(), measures: new Set() },
    });

  it('carries out joins, caption moves, full-width punctuation and furniture removal, and marks the proposals it leaves in the text', () => {
    const draft = draftOf();
    expect(draft.body).toBe(
      '## 第一节\n\n医院大力开展多学科联合诊疗，通过与临[[c2]]床一线医护人员面对面交流。\n\n<p class="caption">▲医护人员交流</p>\n\n' +
        '新的一段从这里开始，急救急救技能。[[c4]][[c5]]\n\n末段正文。\n',
    );
    expect(draft.corrections.map((c) => `${c.id} ${c.kind}${c.applied ? '' : ` (${c.proposal.kind})`}`)).toEqual([
      'c1 punctuation',
      'c2 caption',
      'c3 paragraph-join',
      'c4 query (doubled)',
      'c5 furniture',
    ]);
    expect(draft.frontmatter.title).toBe('标题（一）');
  });

  it('removes what --apply names and leaves the mark of a removed block where the block stood', () => {
    const draft = draftOf(new Set(['paragraph-join', 'caption', 'punctuation', 'doubled', 'furniture']));
    expect(draft.body).toBe(
      '## 第一节\n\n医院大力开展多学科联合诊疗，通过与临[[c2]]床一线医护人员面对面交流。\n\n<p class="caption">▲医护人员交流</p>\n\n' +
        '新的一段从这里开始，急救技能。[[c4]][[c5]]\n\n末段正文。\n',
    );
    expect(draft.corrections.find((c) => c.id === 'c5')).toMatchObject({ kind: 'furniture', applied: true, reading: '' });
  });
});

describe('drafts of every source', () => {
  for (const id of listSourceIds()) {
    it(`${id}: loses no sentence, quotes the source in every correction, marks every proposal, and is valid or says why not`, () => {
      const root = tempRoot();
      const input = join(root, 'report.txt');
      copyFileSync(join(SOURCES_DIR, `${id}.txt`), input);
      const { sourceId, check, draft } = runImport({ root, file: input });
      expect(sourceId).toMatch(/^000_[0-9a-f]{16}$/);
      expect(readFileSync(join(root, `content/sources/${sourceId}.txt`))).toEqual(readFileSync(input));
      expect(check.missing).toEqual([]);
      expect(check.corrections).toEqual([]);
      // The only schema problem a draft may have is one the report names as a decision.
      const decisions = draft.decisions.join('\n');
      expect(check.schema.filter((problem) => !decisions.includes(problem.split(': ')[1].split('.')[0]))).toEqual([]);
      const article = readFileSync(join(root, `content/articles/${draft.articleId}.md`), 'utf8');
      expect(article.split('\n')[1]).toBe(DRAFT_COMMENT);
      // Each mark once, in reading order, naming a correction; every proposal the text still shows has its mark.
      const marks = correctionMarkIds(draft.body);
      expect(marks).toEqual(draft.corrections.map((c) => c.id).filter((c) => marks.includes(c)));
      const unmarked = draft.corrections.filter(
        (c) => !c.applied && !c.global && c.proposal.kind !== 'paragraph-join' && !marks.includes(c.id),
      );
      expect(unmarked.map((c) => c.id)).toEqual([]);
      // Every inferred fact of a new hospital waits for an editor.
      const hospitals = draft.files.filter((f) => f.what === 'hospital').map((f) => parseYaml(f.content));
      const facts = hospitals.flatMap((h) => Object.values(h).filter((v: any) => v?.inferred !== undefined)) as { inferred: string }[];
      expect(facts.filter((f) => !f.inferred.includes(IMPORT_MARK))).toEqual([]);
    });
  }

  it('writes YAML that reads back, as Astro reads it, as what the tool built (a full date stays a string)', () => {
    const root = tempRoot();
    const input = join(root, 'a.txt');
    writeFileSync(
      input,
      '# 标题\n\n随州市中心医院建于1952年，随州市中心医院是三级甲等医院。\n\n健康报\n2021年6月9日\n\n随州市中心医院的又一段正文。\n',
    );
    const { draft } = runImport({ root, file: input, dryRun: true });
    expect(draft.frontmatter.date).toMatchObject({ value: '2021-06-09' });
    const article = draft.files.find((f) => f.what === 'article')!.content;
    expect(parseFrontmatter(article).frontmatter).toEqual(draft.frontmatter);
    const hospital = draft.files.find((f) => f.what === 'hospital')!.content;
    expect(readAsAstro(hospital)).toEqual(parseYaml(hospital));
  });

  it('the doubled 急救急救 of 003 becomes a 存疑 proposal with the text unchanged; its furniture is removed and recorded', () => {
    const { root, input } = sourceInput('003');
    const { draft } = runImport({ root, file: input, dryRun: true });
    expect(draft.body).toContain('急救急救技能');
    expect(draft.body).not.toContain('010-64621775');
    expect(draft.corrections.find((c) => c.kind === 'furniture')).toMatchObject({
      original: '聚焦公立医院高质量发展\n010-64621775',
      applied: true,
    });
    const flags = draft.corrections.filter((c) => !c.applied).map((c) => c.proposal.kind);
    expect(flags).toEqual(expect.arrayContaining(['doubled', 'misread', 'column-order']));
    expect(draft.corrections.filter((c) => !c.applied).every((c) => c.kind === 'query')).toBe(true);
  });

  it('--apply doubled,furniture applies and records them', () => {
    const { root, input } = sourceInput('003');
    const { draft, check } = runImport({
      root,
      file: input,
      dryRun: true,
      apply: new Set(['paragraph-join', 'punctuation', 'doubled', 'furniture']),
    });
    expect(draft.body).not.toContain('急救急救');
    expect(draft.body).not.toContain('010-64621775');
    expect(draft.corrections.find((c) => c.kind === 'furniture')).toMatchObject({
      original: '聚焦公立医院高质量发展\n010-64621775',
      reading: '',
    });
    expect(check.missing).toEqual([]);
    expect(check.corrections).toEqual([]);
  });
});

describe('refusals', () => {
  /** The error `fn` throws (undefined if it returns). */
  const thrown = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (e) {
      return e;
    }
    return undefined;
  };
  const expectError = (fn: () => unknown, code: string, text: RegExp) => {
    const error = thrown(fn);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(text) });
  };

  it('a missing file', () => {
    const root = tempRoot();
    expectError(() => runImport({ root, file: join(root, 'nope.txt') }), 'missing', /no such file/);
  });

  it('an empty file and a file of whitespace', () => {
    const root = tempRoot();
    writeFileSync(join(root, 'empty.txt'), '');
    writeFileSync(join(root, 'blank.txt'), '\n \n');
    expectError(() => runImport({ root, file: join(root, 'empty.txt') }), 'empty', /empty/);
    expectError(() => runImport({ root, file: join(root, 'blank.txt') }), 'empty', /only whitespace/);
  });

  it('a file that is not UTF-8 (GBK), naming the byte and the fix', () => {
    const root = tempRoot();
    writeFileSync(join(root, 'gbk.txt'), Buffer.from([0xd2, 0xbd, 0xd4, 0xba, 0xb5, 0xb3, 0xbd, 0xa8, 0x0a])); // 医院党建 in GBK
    expectError(() => runImport({ root, file: join(root, 'gbk.txt') }), 'encoding', /not UTF-8.*byte 0.*GB18030/s);
  });

  it('a file already imported (same content), and a taken source id', () => {
    const root = tempRoot();
    const input = join(root, 'a.txt');
    writeFileSync(input, '# 标题\n\n随州市中心医院2021年的一段正文。\n');
    const first = runImport({ root, file: input });
    expectError(
      () => runImport({ root, file: input }),
      'already-imported',
      new RegExp(`already in the archive as source ${first.sourceId}`),
    );
    const renamed = join(root, `${first.sourceId}.txt`);
    writeFileSync(renamed, '# 另一篇\n\n另一段正文。\n');
    expectError(() => runImport({ root, file: renamed }), 'already-imported', /is taken/);
  });

  it('a source id an article already cites, read from its frontmatter', () => {
    const root = tempRoot();
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    writeFileSync(join(root, 'content/articles/a.md'), '---\ntitle: 标题\nsource: "007_0123456789abcdef" # cited\n---\n\n正文。\n');
    const input = join(root, '007_0123456789abcdef.txt');
    writeFileSync(input, '# 标题\n\n随州市中心医院2021年的一段正文。\n');
    expectError(
      () => runImport({ root, file: input }),
      'already-imported',
      /content\/articles\/a\.md already cites source 007_0123456789abcdef/,
    );
  });

  it('never overwrites an entry: a taken id gets a fresh one and the existing file stays as it was', () => {
    const root = tempRoot();
    const input = join(root, 'a.txt');
    writeFileSync(input, '# 标题\n\n随州市中心医院2021年的一段正文，随州市中心医院。\n');
    const dry = runImport({ root, file: input, dryRun: true });
    const taken = dry.draft.files[0].path;
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    writeFileSync(join(root, taken), 'mine');
    const real = runImport({ root, file: input });
    expect(real.draft.files[0].path).not.toBe(taken);
    expect(readFileSync(join(root, taken), 'utf8')).toBe('mine');
    expect(real.written).toContain(real.draft.files[0].path);
  });
});

// Each run starts a Node process that loads the importer: seconds on a busy machine.
describe('the command line', { timeout: 60_000 }, () => {
  const run = (args: string[]) => {
    try {
      return {
        code: 0,
        out: execFileSync(process.execPath, ['tools/import/main.ts', ...args], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      };
    } catch (e: any) {
      return { code: e.status as number, out: String(e.stdout) + String(e.stderr) };
    }
  };

  it('runs under plain node (type stripping) and prints the report', () => {
    const { root, input } = sourceInput('004');
    const { code, out } = run([input, '--root', root, '--dry-run']);
    expect(code).toBe(0);
    expect(out).toMatch(/Dry run/);
    expect(out).toMatch(/duplicate/);
    expect(readdirSync(join(root, 'content'))).toEqual([]);
  });

  it('exits 1 with a clear message for a missing file, 2 for a bad option, naming it', () => {
    expect(run(['/no/such/file.txt'])).toMatchObject({ code: 1, out: expect.stringMatching(/import: .*no such file/) });
    expect(run(['x.txt', '--apply', 'column-order'])).toMatchObject({ code: 2, out: expect.stringMatching(/cannot apply "column-order"/) });
    expect(run(['x.txt', '--bogus'])).toMatchObject({
      code: 2,
      out: expect.stringMatching(/import: Unknown option '--bogus'[\s\S]*usage: npm run import/),
    });
    expect(run(['x.txt', '--root'])).toMatchObject({ code: 2, out: expect.stringMatching(/'--root <value>' argument missing/) });
  });

  it('reads --apply in both spellings and prints the usage for --help', () => {
    const { root, input } = sourceInput('003');
    const spaced = run([input, '--root', root, '--dry-run', '--apply', 'doubled']);
    const joined = run([input, `--root=${root}`, '--dry-run', '--apply=doubled']);
    expect(spaced).toMatchObject({ code: 0, out: expect.stringMatching(/applied and recorded: doubled 衍文 1;/) });
    expect(joined).toEqual(spaced);
    expect(run(['--help'])).toMatchObject({ code: 0, out: expect.stringMatching(/^usage: npm run import/) });
  });

  it('reads --split and reports both articles', () => {
    const root = tempRoot();
    const { code, out } = run([
      join(ROOT, 'tests/fixtures/import/new/two-articles-guangdong-henan.txt'),
      '--root',
      root,
      '--dry-run',
      '--split',
    ]);
    expect(code).toBe(0);
    expect(out).toMatch(/Article 1 of 2 第一篇: lines 1–28[\s\S]*Article 2 of 2 第二篇: lines 29–41/);
    expect(run(['x.txt', '--split=yes'])).toMatchObject({ code: 2, out: expect.stringMatching(/--split' does not take an argument/) });
  });
});

describe('page furniture, bylines, team members, shared name parts, two articles', () => {
  const draftOf = (text: string, known: KnownHospital[] = []) =>
    buildDraft(analyze(text, known), {
      sourceId: '000_0000000000000000',
      taken: { articles: new Set(), hospitals: new Set(), people: new Map(), measures: new Set() },
    });

  it('read a running head, an editor’s credit and a phone number as furniture, and running text with dates and numbers as text', () => {
    expect(furnitureItems('衢州日报 2021年7月5日 星期一 第3版')).toEqual(['date', 'page']);
    expect(furnitureItems('责任编辑：方晓明 版式：周丽 校对：吴敏')).toEqual(['editor']);
    expect(furnitureItems('新闻热线:0570-3021234')).toEqual(['phone']);
    expect(furnitureItems('健康四川·卫生 2022年3月18日 星期五 A6 责任编辑：赵敏')).toEqual(['date', 'editor', 'page']);
    expect(furnitureItems('2021年7月5日，医院召开大会。')).toBeUndefined();
    expect(furnitureItems('医院投入1.2亿元建设智慧医院')).toBeUndefined();
    expect(furnitureItems('共有党员612名')).toBeUndefined();
  });

  it('remove a running head between the halves of a sentence and join the sentence over it', () => {
    const draft = draftOf(
      '# 标题\n\n医院持续改进流程，将平均门球时间缩短至\n\n衢州日报 2021年7月5日 星期一 第3版\n\n58分钟，让更多患者得到救治。\n',
    );
    expect(draft.body).toBe('医院持续改进流程，将平均门球时间缩短至[[c1]]58分钟，让更多患者得到救治。\n');
    expect(draft.corrections.map((c) => [c.kind, c.original])).toEqual([
      ['furniture', '衢州日报 2021年7月5日 星期一 第3版'],
      ['paragraph-join', '将平均门球时间缩短至\n\n衢州日报 2021年7月5日 星期一 第3版\n\n58分钟'],
    ]);
    expect(draft.frontmatter.date).toMatchObject({ value: '2021-07-05', quote: '衢州日报 2021年7月5日 星期一 第3版' });
  });

  it('write the authors of each new fixture into the draft with their roles, as the fixture lists them', () => {
    const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/import/new/expected.json'), 'utf8'));
    const files = Object.keys(expected).filter((f) => f.endsWith('.txt'));
    for (const file of files) {
      const draft = draftOf(readFileSync(join(ROOT, 'tests/fixtures/import/new', file), 'utf8'));
      expect(draft.frontmatter.authors, file).toEqual(expected[file].authors);
    }
  });

  it('cut a furniture line glued into a paragraph block out of it, leaving the paragraphs on either side', () => {
    const draft = draftOf(
      '# 标题\n\n实现了全覆盖。\n健康四川·卫生 2022年3月18日 星期五 A6 责任编辑：赵敏\n在“强队伍”方面，医院选派青年医师。\n',
    );
    expect(draft.body).toBe('实现了全覆盖。[[c1]]\n\n在“强队伍”方面，医院选派青年医师。\n');
    expect(draft.corrections[0]).toMatchObject({
      kind: 'furniture',
      original: '健康四川·卫生 2022年3月18日 星期五 A6 责任编辑：赵敏',
      reading: '',
    });
  });

  it('take furniture at the top of the page for neither the title nor the column, and the date from it to the day', () => {
    const a = analyze(
      '衢州日报\n2021年7月5日 星期一\n责任编辑：方晓明 版式：周丽 校对：吴敏\n\n【党建引领】\n\n# 红色引擎\n\n正文一句，2019年的事。\n',
    );
    expect(a.doc.head).toMatchObject({ title: '红色引擎', column: '【党建引领】' });
    expect(a.entities.date).toMatchObject({ value: '2021-07-05', quote: '2021年7月5日 星期一' });
  });

  it('read the authors of a byline with their roles, and a paragraph about a reporter as text', () => {
    expect(parseByline('□ 通讯员 徐丽娜 本报记者 郑航')).toEqual([
      { name: '徐丽娜', role: '通讯员' },
      { name: '郑航', role: '本报记者' },
    ]);
    expect(parseByline('□本报记者 邹欣芮  \n特约记者 张威  \n通讯员 杨玲玲 赵聪')?.map((x) => x.role)).toEqual([
      '本报记者',
      '特约记者',
      '通讯员',
      '通讯员',
    ]);
    expect(parseByline('随州日报全媒体记者 王松 通讯员 熊仕伟')?.[0]).toEqual({ name: '王松', role: '随州日报全媒体记者' });
    expect(parseByline('（记者 陈敏 通讯员 黄志强 林晓）')?.map((x) => x.name)).toEqual(['陈敏', '黄志强', '林晓']);
    expect(parseByline('记者在采访中了解到，医院先后投入资金')).toBeUndefined();
    const a = analyze(
      '# 标题\n\n本报讯（通讯员 李雪梅 记者 王川）近日，医院召开大会。\n\n记者在采访中了解到，医院先后投入\n\n资金三千万元。\n',
    );
    expect(a.entities.byline).toMatchObject({
      text: '本报讯（通讯员 李雪梅 记者 王川）',
      authors: [
        { name: '李雪梅', role: '通讯员' },
        { name: '王川', role: '记者' },
      ],
    });
    expect(a.doc.blocks.map((b) => b.kind)).not.toContain('byline');
    expect(a.proposals.map((p) => p.kind)).toContain('paragraph-join');
  });

  it('propose people named as 组长 and 队员', () => {
    const { people } = analyze(
      '# 衢州市中心医院\n\n衢州市中心医院成立了以副院长吴国平为组长的工作组，以陈劲松、彭冲均为组长的领导小组，队员有胡晓燕、方建军、李婷等12名党员。他拉着队员刘小娟的手。\n',
    ).entities;
    const roles = Object.fromEntries(people.map((p) => [p.name, p.roles.map((r) => r.title).join('、')]));
    expect(roles).toMatchObject({
      吴国平: '副院长、组长',
      陈劲松: '组长',
      彭冲均: '组长',
      胡晓燕: '队员',
      方建军: '队员',
      李婷: '队员',
      刘小娟: '队员',
    });
  });

  it('match an existing hospital only by one of its names, never by a generic part two hospitals share', () => {
    const known = [{ id: 'suizhou-central', name: '随州市中心医院', aliases: ['市中心医院'] }];
    const { hospitals } = analyze('# 标题\n\n衢州市中心医院开展义诊。市中心医院党委书记刘建华介绍。\n', known).entities;
    expect(hospitals.map((h) => [h.name, h.existing])).toEqual([['衢州市中心医院', undefined]]);
    expect(hospitals[0].aliases).toEqual(['市中心医院']);
    const gaoan = analyze('# 标题\n\n江西省高安市中医医院建于1956年。\n', [{ id: 'gaoan-tcm', name: '高安市中医医院', aliases: [] }]);
    expect(gaoan.entities.hospitals[0].existing).toBe('gaoan-tcm');
  });

  it('find where a second article of the same source starts (001, a fixture), and no second article in 002', () => {
    const of = (prefix: string) =>
      analyze(readFileSync(join(SOURCES_DIR, `${listSourceIds().find((i) => i.startsWith(prefix))}.txt`), 'utf8'));
    expect(of('001').secondArticle).toMatchObject({ line: 77, title: '锦州医科大学附属第一医院：以强劲姿态领跑高质量发展多元赛道' });
    expect(of('002').secondArticle).toBeUndefined();
    const draft = draftOf(readFileSync(join(ROOT, 'tests/fixtures/import/new/two-articles-guangdong-henan.txt'), 'utf8'));
    expect(draft.decisions.join('\n')).toMatch(/second article seems to start at line 29 \(“南阳市中心医院：红色医疗队守护群众健康”\)/);
  });
});

describe('--split: a source that holds two articles becomes two drafts of it', () => {
  const fixture = join(ROOT, 'tests/fixtures/import/new/two-articles-guangdong-henan.txt');
  const expected = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/import/new/expected.json'), 'utf8'))[
    'two-articles-guangdong-henan.txt'
  ];
  const frontmatterOf = (root: string, id: string) =>
    parseFrontmatter(readFileSync(join(root, `content/articles/${id}.md`), 'utf8')).frontmatter;
  const sourceLines = (file: string) => readFileSync(file, 'utf8').replace(/\n$/, '').split('\n').length;

  it('writes each article with its own head, hospitals and people, one source id, and together every line of the source', () => {
    const root = tempRoot();
    const input = join(root, 'report.txt');
    copyFileSync(fixture, input);
    const result = runImport({ root, file: input, split: true });
    const second = result.second!;
    expect([result.lines, second.lines]).toEqual([
      { from: 1, to: expected.secondArticle.line - 1 },
      { from: expected.secondArticle.line, to: sourceLines(fixture) },
    ]);
    expect(result.check.missing).toEqual([]);
    expect(result.check.corrections).toEqual([]);
    expect(result.check.schema).toEqual([]);
    const [first, next] = [frontmatterOf(root, result.draft.articleId), frontmatterOf(root, second.draft.articleId)];
    expect(first).toMatchObject({ title: expected.title, subtitle: expected.subtitle, column: expected.column, source: result.sourceId });
    expect(next).toMatchObject({
      title: expected.secondArticle.title,
      source: result.sourceId,
      authors: [
        { name: '张卫东', role: '记者' },
        { name: '王丽', role: '通讯员' },
      ],
    });
    expect([first.hospitals, next.hospitals]).toEqual([['jiangmen-central'], ['nanyang-central']]);
    // The second article is on the same page: it takes the page's date from the running head above the first.
    expect(next.date).toMatchObject({ value: expected.date.value, quote: expected.date.quote });
    const people = (part: typeof second) => part.analysis.entities.people.map((p) => p.name);
    expect([people(result), people(second)]).toEqual([
      ['吴志坚', '林国栋', '梁晓红'],
      ['孙建明', '刘小娟'],
    ]);
    expect(readdirSync(join(root, 'content/articles')).sort()).toEqual(
      [`${result.draft.articleId}.md`, `${second.draft.articleId}.md`].sort(),
    );
    const report = formatReport(result);
    expect(report).toMatch(/Article 2 of 2 第二篇: lines 29–41 → content\/articles\/nanyang-central-2023\.md/);
    expect(report).not.toMatch(/--split/);
  });

  it('writes a hospital or person both articles name once, for the first, and the second refers to it', () => {
    const root = tempRoot();
    const input = join(root, 'report.txt');
    const text = readFileSync(fixture, 'utf8').replace('在南阳市中心医院,有一支', '江门市中心医院党委书记吴志坚介绍,南阳市中心医院有一支');
    writeFileSync(input, text);
    const { draft, second, check } = runImport({ root, file: input, split: true, dryRun: true });
    const paths = [...draft.files, ...second!.draft.files].map((f) => f.path);
    expect(paths.length).toBe(new Set(paths).size);
    expect(second!.analysis.entities.hospitals.find((h) => h.name === '江门市中心医院')?.existing).toBe('jiangmen-central');
    expect(second!.draft.personIds[second!.analysis.entities.people.findIndex((p) => p.name === '吴志坚')]).toBe('wu-zhijian');
    expect(check.schema).toEqual([]);
  });

  it('splits 001 where its editors did: two drafts with the titles and columns of the curated articles, nothing lost', () => {
    const { root, input } = sourceInput('001');
    const result = runImport({ root, file: input, split: true, dryRun: true });
    const curated = ['benxi-central-red-key', 'jinzhou-first-affiliated-multitrack'].map(
      (id) => parseFrontmatter(readFileSync(join(ROOT, `content/articles/${id}.md`), 'utf8')).frontmatter,
    );
    const drafted = [result, result.second!].map((a) => a.draft.frontmatter);
    expect(drafted.map((f) => [f.title, f.column])).toEqual(curated.map((f) => [f.title, f.column]));
    expect(result.check.missing).toEqual([]);
  });

  it('without --split, the report and the draft say that --split exists', () => {
    const root = tempRoot();
    const input = join(root, 'report.txt');
    copyFileSync(fixture, input);
    const result = runImport({ root, file: input, dryRun: true });
    expect(result.second).toBeUndefined();
    expect(formatReport(result, true)).toMatch(/Second article 第二篇: from line 29, .*run again with --split to write two drafts/);
    expect(result.draft.decisions.join('\n')).toMatch(/Run the import again with --split/);
  });

  it('refuses --split for a source with one article, writing nothing', () => {
    const { root, input } = sourceInput('002');
    expect(() => runImport({ root, file: input, split: true })).toThrow(
      expect.objectContaining({
        code: 'nothing-to-split',
        message: expect.stringMatching(/--split, but .*no second article.*Nothing written/),
      }),
    );
    expect(readdirSync(join(root, 'content'))).toEqual([]);
  });
});
