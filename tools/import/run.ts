/**
 * The import command's work, with its file I/O: read and check the input,
 * read the collections it matches against, build the draft, check it, and
 * write it without overwriting anything. `tools/import/main.ts` only parses the
 * command line and prints.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { articleSchema, hospitalSchema, measureSchema, personSchema, type CorrectionKind } from '../../src/content-model/schema.ts';
import { checkCorrections, checkSource } from '../../src/content-model/fidelity.ts';
import { stripCorrectionMarks } from '../../src/content-model/correction-marks.ts';
import { analyze, type Analysis } from './analyze.ts';
import { buildDraft, type Draft, type Taken } from './draft.ts';
import type { KnownHospital } from './entities.ts';
import { newSourceId, sha256Hex } from './ids.ts';
import { type LineRange, onlyLines, splitRanges, withDraft } from './split.ts';

export type ImportErrorCode = 'missing' | 'not-a-file' | 'empty' | 'encoding' | 'already-imported' | 'exists' | 'nothing-to-split';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'ImportError';
  }
}

/** Reads the input file and insists on non-empty UTF-8 text. */
export function readInput(file: string): { bytes: Buffer; text: string } {
  if (!existsSync(file))
    throw new ImportError(
      'missing',
      `${file}: no such file. Give the path of an OCR text file (UTF-8), e.g. npm run import -- ~/ocr/report.txt`,
    );
  if (!statSync(file).isFile())
    throw new ImportError('not-a-file', `${file}: not a file (a directory?). Give the path of one OCR text file.`);
  const bytes = readFileSync(file);
  if (bytes.length === 0) throw new ImportError('empty', `${file}: the file is empty (0 bytes); nothing to import.`);
  return { bytes, text: decodeUtf8(file, bytes) };
}

export function decodeUtf8(file: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError(
      'encoding',
      `${file}: the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8. Convert it first: iconv -f UTF-16 -t UTF-8 "${file}" > report-utf8.txt`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let hint = '';
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      hint =
        ' It reads as GB18030/GBK (common for Chinese OCR output on Windows); convert it first: iconv -f GB18030 -t UTF-8 "' +
        file +
        '" > report-utf8.txt';
    } catch {
      hint = ' Convert it to UTF-8 first (e.g. with iconv) and import the converted file.';
    }
    throw new ImportError(
      'encoding',
      `${file}: not UTF-8 text (invalid byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at byte ${at}).${hint}`,
    );
  }
  if (text.includes('\u0000')) throw new ImportError('encoding', `${file}: contains NUL bytes; this is not a plain text file.`);
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new ImportError('empty', `${file}: the file holds only whitespace; nothing to import.`);
  return text;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return 0;
}

export interface Collections {
  sourceIds: string[];
  hospitals: KnownHospital[];
  taken: Taken;
  /** source id of each existing article */
  articleSources: Map<string, string>;
}

function list(dir: string, ext: RegExp): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => ext.test(f))
        .sort()
    : [];
}

/** The source an article cites, from its YAML frontmatter ('' when there is none or it does not parse). */
function articleSource(file: string): string {
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(readFileSync(file, 'utf8'))?.[1];
  try {
    return String(parseYaml(frontmatter ?? '')?.source ?? '');
  } catch {
    return '';
  }
}

/** What the archive already holds, read from `<root>/content`. */
export function loadCollections(root: string): Collections {
  const content = join(root, 'content');
  const yamlOf = (folder: string) =>
    list(join(content, folder), /\.ya?ml$/).map((f) => ({
      id: f.replace(/\.ya?ml$/, ''),
      data: (parseYaml(readFileSync(join(content, folder, f), 'utf8')) ?? {}) as any,
    }));
  const hospitals = yamlOf('hospitals').map(({ id, data }) => ({
    id,
    name: String(data.name ?? ''),
    aliases: (data.aliases ?? []).map(String),
    province: data.province?.value,
  }));
  const people = new Map(yamlOf('people').map(({ id, data }) => [id, String(data.name ?? '')]));
  const articleSources = new Map<string, string>();
  for (const f of list(join(content, 'articles'), /\.md$/)) {
    articleSources.set(f.replace(/\.md$/, ''), articleSource(join(content, 'articles', f)));
  }
  return {
    sourceIds: list(join(content, 'sources'), /\.txt$/).map((f) => f.replace(/\.txt$/, '')),
    hospitals,
    articleSources,
    taken: {
      articles: new Set(articleSources.keys()),
      hospitals: new Set(hospitals.map((h) => h.id)),
      people,
      measures: new Set(list(join(content, 'measures'), /\.ya?ml$/).map((f) => f.replace(/\.ya?ml$/, ''))),
    },
  };
}

/** Refuses a source the archive already has: same bytes, same id, or an article citing the id. */
export function checkNotImported(root: string, collections: Collections, bytes: Uint8Array, sourceId: string): void {
  const hash = sha256Hex(bytes);
  for (const id of collections.sourceIds) {
    const other = readFileSync(join(root, 'content/sources', `${id}.txt`));
    if (sha256Hex(other) === hash) {
      const articles = [...collections.articleSources].filter(([, s]) => s === id).map(([a]) => `content/articles/${a}.md`);
      throw new ImportError(
        'already-imported',
        `this text is already in the archive as source ${id} (content/sources/${id}.txt, same SHA-256 ${hash.slice(0, 16)}…)${articles.length ? `; its article: ${articles.join(', ')}` : ''}. Nothing written.`,
      );
    }
  }
  if (collections.sourceIds.includes(sourceId)) {
    throw new ImportError(
      'already-imported',
      `source id ${sourceId} is taken: content/sources/${sourceId}.txt exists with different content. Rename the input file (or drop its NNN_ prefix to get a fresh id). Nothing written.`,
    );
  }
  const citing = [...collections.articleSources].find(([, s]) => s === sourceId);
  if (citing)
    throw new ImportError('already-imported', `content/articles/${citing[0]}.md already cites source ${sourceId}. Nothing written.`);
}

export interface Check {
  /** Schema problems, as `file: field: message`. */
  schema: string[];
  /** Source units the draft body does not hold (should be none). */
  missing: string[];
  /** Corrections whose original is not in the source or reading not in the body. */
  corrections: string[];
  units: number;
}

/** Plain text of the draft body, near enough to what the page renders for the fidelity check. */
export function bodyText(body: string): string {
  return stripCorrectionMarks(body)
    .replace(/<\/?p[^>]*>/g, '')
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Schema problems of the draft's files, as `file: field: message`, with references resolved against the archive plus the draft. */
function schemaProblems(draft: Draft, collections: Collections): string[] {
  const ids = {
    articles: new Set([...collections.taken.articles, draft.articleId]),
    hospitals: new Set([...collections.taken.hospitals, ...draft.files.filter((f) => f.what === 'hospital').map((f) => f.id)]),
    people: new Set([...collections.taken.people.keys(), ...draft.files.filter((f) => f.what === 'person').map((f) => f.id)]),
    measures: new Set([...collections.taken.measures]),
  };
  const reference = (collection: keyof typeof ids) =>
    z.string().refine((v) => ids[collection].has(v), { error: (i) => `"${String(i.input)}" names no entry in content/${collection}/` });
  const schemas = {
    article: articleSchema(reference),
    hospital: hospitalSchema(),
    person: personSchema(reference),
    measure: measureSchema(reference),
  };
  const problems: string[] = [];
  for (const f of draft.files) {
    const data = f.what === 'article' ? draft.frontmatter : parseYaml(f.content);
    const result = schemas[f.what].safeParse(data);
    if (result.success) continue;
    for (const issue of result.error.issues) {
      // The new source is not in content/sources until it is written.
      if (issue.path.at(-1) === 'source' && /names no file/.test(issue.message)) continue;
      problems.push(`${f.path}: ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
    }
  }
  return problems;
}

/** What an article page renders from its source: column, title, subtitle, body, and the corrections' originals. */
function renderedText(draft: Draft): string {
  const fm = draft.frontmatter as { title?: string; subtitle?: string; column?: string };
  return [fm.column, fm.title, fm.subtitle, bodyText(draft.body), ...draft.corrections.map((c) => c.original)].filter(Boolean).join('\n');
}

/**
 * Checks the drafts of one source against the schemas and the fidelity rules, as the build and
 * `npm test` will: together they must hold every sentence of the source (one draft, or both halves
 * of a split source); `collections` holds every draft's new entries, so references between them resolve.
 */
export function checkDraft(source: string, drafts: Draft[], collections: Collections): Check {
  // Both halves number their corrections from c1; tell them apart for the fidelity check.
  const tag = (d: Draft, id: string) => (drafts.length > 1 ? `${d.articleId}:${id}` : id);
  const all = drafts.flatMap((d) => d.corrections.map((c) => ({ ...c, id: tag(d, c.id) })));
  const units = checkSource(source, drafts.map(renderedText).join('\n'), all);
  const missing = units.filter((u) => u.status === 'missing').map((u) => `line ${u.line}: ${u.text}`);
  const corrections = drafts.flatMap((d) =>
    checkCorrections(source, bodyText(d.body), d.corrections).map((p) => `${tag(d, p.id)}: ${p.problem}`),
  );
  return { schema: drafts.flatMap((d) => schemaProblems(d, collections)), missing, corrections, units: units.length };
}

export interface RunOptions {
  /** Project root holding `content/`. */
  root: string;
  file: string;
  apply?: ReadonlySet<CorrectionKind>;
  /** Analyse and report, write nothing. */
  dryRun?: boolean;
  /** Write two drafts when the source holds two articles (`tools/import/split.ts`). */
  split?: boolean;
}

/** One draft article and the reading of the source it came from. */
export interface ArticleDraft {
  analysis: Analysis;
  draft: Draft;
  /** The source lines it covers. */
  lines: LineRange;
}

export interface RunResult extends ArticleDraft {
  sourceId: string;
  sha256: string;
  /** With `split`: the second article's draft (the first is this result's own). */
  second?: ArticleDraft;
  check: Check;
  /** Paths written, relative to the root. */
  written: string[];
}

/** One article of the source, or with `split` two, each drafted against what the archive holds by then. */
function draftArticles(text: string, collections: Collections, options: RunOptions, sourceId: string): ArticleDraft[] {
  const whole = analyze(text, collections.hospitals);
  const lineCount = text.replace(/\r\n?/g, '\n').split('\n').length;
  const draftOf = (analysis: Analysis, taken: Taken) => buildDraft(analysis, { sourceId, apply: options.apply, taken });
  if (!options.split) return [{ analysis: whole, draft: draftOf(whole, collections.taken), lines: { from: 1, to: lineCount } }];
  if (!whole.secondArticle) {
    throw new ImportError(
      'nothing-to-split',
      `${options.file}: --split, but the tool finds no second article in this source (no second title with a byline, kicker or column of its own). Run without --split for one draft. Nothing written.`,
    );
  }
  let known = collections.hospitals;
  let taken = collections.taken;
  return splitRanges(text, whole.secondArticle.line).map((lines) => {
    const analysis = analyze(onlyLines(text, lines), known, whole.pageDates);
    const draft = draftOf(analysis, taken);
    ({ known, taken } = withDraft(known, taken, { analysis, draft }));
    return { analysis, draft, lines };
  });
}

/** The collections as they will be once every draft is written, to resolve references between the drafts. */
function afterDrafts(collections: Collections, parts: ArticleDraft[]): Collections {
  let { hospitals, taken } = collections;
  for (const part of parts) ({ known: hospitals, taken } = withDraft(hospitals, taken, part));
  return { ...collections, hospitals, taken };
}

export function runImport(options: RunOptions): RunResult {
  const { bytes, text } = readInput(options.file);
  const collections = loadCollections(options.root);
  const sourceId = newSourceId(collections.sourceIds, bytes, basename(options.file));
  checkNotImported(options.root, collections, bytes, sourceId);
  const source = text.replace(/^\uFEFF/, '');
  const parts = draftArticles(source, collections, options, sourceId);
  const drafts = parts.map((p) => p.draft);
  const check = checkDraft(source, drafts, afterDrafts(collections, parts));
  const targets = [{ path: `content/sources/${sourceId}.txt`, content: bytes as Uint8Array | string }, ...drafts.flatMap((d) => d.files)];
  const clash = targets.filter((t) => existsSync(join(options.root, t.path)));
  if (clash.length) {
    throw new ImportError(
      'exists',
      `would overwrite ${clash.map((c) => c.path).join(', ')}; the importer never overwrites an entry. Move the existing file(s) or rename, then run again. Nothing written.`,
    );
  }
  const written: string[] = [];
  if (!options.dryRun) {
    for (const t of targets) {
      const path = join(options.root, t.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, t.content, { flag: 'wx' });
      written.push(t.path);
    }
  }
  return { sourceId, sha256: sha256Hex(bytes), ...parts[0], second: parts[1], check, written };
}
