/**
 * What a draft is made of, and the constants every part of the draft builder
 * shares: the marks an editor removes after review, and which correction kinds
 * the tool applies.
 */
import type { CorrectionKind } from '../../../src/content-model/schema.ts';
import type { Proposal } from '../defects.ts';

/** Every note and `inferred` the importer writes contains this until an editor rewrites it. */
export const IMPORT_MARK = '待核';
/** First line of every file the importer writes; editors delete it when they have reviewed the entry. */
export const DRAFT_COMMENT = '# 导入草稿 (import draft): review every field against the source, then delete this line and `draft: true`.';

/** Kinds the draft applies unless told otherwise: mechanical, layout-only changes (page furniture is never text). */
export const DEFAULT_APPLY: ReadonlySet<CorrectionKind> = new Set(['paragraph-join', 'caption', 'punctuation', 'furniture']);
/** Kinds that can be applied at all (column order needs a person). */
export const APPLICABLE: ReadonlySet<CorrectionKind> = new Set([
  'paragraph-join',
  'caption',
  'punctuation',
  'doubled',
  'furniture',
  'duplicate',
  'misread',
]);

/** Ids already in the archive, which a draft must not reuse. */
export interface Taken {
  articles: Set<string>;
  hospitals: Set<string>;
  people: Map<string, string>; // id → name
  measures: Set<string>;
}

export interface DraftCorrection {
  id: string;
  kind: CorrectionKind;
  original: string;
  reading: string;
  note?: string;
  global?: boolean;
}

/** A correction of the draft with the proposal it records and whether the body carries it out. */
export type PlannedCorrection = DraftCorrection & { proposal: Proposal; applied: boolean };

export interface DraftFile {
  path: string;
  content: string;
  what: 'article' | 'hospital' | 'person' | 'measure';
  id: string;
}

export interface Draft {
  articleId: string;
  files: DraftFile[];
  corrections: PlannedCorrection[];
  /** Things a person must decide before the draft builds or is true. */
  decisions: string[];
  /** Proposals left out (e.g. inside a passage the draft removes). */
  skipped: Proposal[];
  hospitalIds: (string | undefined)[];
  personIds: (string | undefined)[];
  frontmatter: Record<string, unknown>;
  body: string;
}

export interface DraftOptions {
  sourceId: string;
  apply?: ReadonlySet<CorrectionKind>;
  taken: Taken;
}

/** A note or inferred fact as the tool writes it: marked for review unless it already is. */
export function withMark(note: string): string {
  return note.includes(IMPORT_MARK) ? note : `${note}（导入工具所拟，${IMPORT_MARK}）`;
}

/** Drops the keys whose value is undefined, so they are not written at all. */
export function defined<T extends Record<string, unknown>>(data: T): T {
  for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
  return data;
}
