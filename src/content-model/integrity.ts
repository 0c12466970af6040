/**
 * Checks across entries that one schema cannot see: every reference names an
 * entry that exists (Astro's `reference()` does not check this), a section's
 * hospital is one of its article's, a measure's section is in its article.
 * The build runs it once and stops on any problem, naming file and field.
 */

export interface EntryLike {
  id: string;
  /** Path of the entry's file, relative to the project root. */
  filePath?: string;
  data: Record<string, any>;
}

export interface ContentSet {
  articles: EntryLike[];
  hospitals: EntryLike[];
  people: EntryLike[];
  measures: EntryLike[];
}

/** A reference is a bare id in a content file, `{ id, collection }` once Astro parsed it. */
export function refId(ref: unknown): string | undefined {
  if (typeof ref === 'string') return ref;
  if (ref && typeof ref === 'object' && 'id' in ref) return String((ref as { id: unknown }).id);
  return undefined;
}

type Target = 'articles' | 'hospitals' | 'people';
type Ids = Record<Target, Set<string>>;

function where(e: EntryLike, collection: string): string {
  return e.filePath ?? `${collection} entry "${e.id}"`;
}

/** A problem when `ref` names no entry of `target`; none when it does or is absent. */
function refProblems(ids: Ids, e: EntryLike, collection: string, field: string, ref: unknown, target: Target): string[] {
  const id = refId(ref);
  return id !== undefined && !ids[target].has(id)
    ? [`${where(e, collection)}: ${field}: "${id}" names no entry in content/${target}/`]
    : [];
}

function articleProblems(ids: Ids, a: EntryLike): string[] {
  const problems: string[] = (a.data.hospitals ?? []).flatMap((h: unknown, i: number) =>
    refProblems(ids, a, 'articles', `hospitals[${i}]`, h, 'hospitals'),
  );
  const own = new Set((a.data.hospitals ?? []).map(refId));
  (a.data.sections ?? []).forEach((s: any, i: number) => {
    problems.push(...refProblems(ids, a, 'articles', `sections[${i}].hospital`, s.hospital, 'hospitals'));
    problems.push(...refProblems(ids, a, 'articles', `sections[${i}].secretary`, s.secretary, 'people'));
    const h = refId(s.hospital);
    if (h !== undefined && ids.hospitals.has(h) && !own.has(h)) {
      problems.push(`${where(a, 'articles')}: sections[${i}].hospital: "${h}" is not in the article's hospitals`);
    }
  });
  return problems;
}

function personProblems(ids: Ids, p: EntryLike): string[] {
  return (p.data.roles ?? []).flatMap((r: any, i: number) =>
    refProblems(ids, p, 'people', `roles[${i}].hospital`, r.hospital, 'hospitals'),
  );
}

/** A measure's references, then whether its source, section and hospital agree with its article's. */
function measureProblems(ids: Ids, articles: Map<string, EntryLike>, m: EntryLike): string[] {
  const problems = [
    ...refProblems(ids, m, 'measures', 'hospital', m.data.hospital, 'hospitals'),
    ...refProblems(ids, m, 'measures', 'article', m.data.article, 'articles'),
  ];
  const article = articles.get(refId(m.data.article) ?? '');
  if (!article) return problems;
  if (article.data.source !== m.data.source) {
    problems.push(
      `${where(m, 'measures')}: source: "${m.data.source}" is not the source of article "${article.id}" (${article.data.source})`,
    );
  }
  if (m.data.section && !(article.data.sections ?? []).some((s: any) => s.id === m.data.section)) {
    problems.push(`${where(m, 'measures')}: section: "${m.data.section}" is not a section of article "${article.id}"`);
  }
  const h = refId(m.data.hospital);
  if (h !== undefined && !(article.data.hospitals ?? []).map(refId).includes(h)) {
    problems.push(`${where(m, 'measures')}: hospital: "${h}" is not among the hospitals of article "${article.id}"`);
  }
  return problems;
}

export function findIntegrityProblems(content: ContentSet): string[] {
  const ids: Ids = {
    articles: new Set(content.articles.map((e) => e.id)),
    hospitals: new Set(content.hospitals.map((e) => e.id)),
    people: new Set(content.people.map((e) => e.id)),
  };
  const articles = new Map(content.articles.map((a) => [a.id, a]));
  return [
    ...content.articles.flatMap((a) => articleProblems(ids, a)),
    ...content.people.flatMap((p) => personProblems(ids, p)),
    ...content.measures.flatMap((m) => measureProblems(ids, articles, m)),
  ];
}

export class ContentIntegrityError extends Error {
  constructor(problems: string[]) {
    super(`The content has ${problems.length} broken cross-reference${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
    this.name = 'ContentIntegrityError';
  }
}
