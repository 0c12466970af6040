/**
 * `--split`: one source that prints two articles (source 001: 本溪市中心医院,
 * then 锦州医科大学附属第一医院) becomes two drafts of the same source. The
 * second starts at the line `findSecondArticle` found; the first runs up to it,
 * so together they cover every line. Each part is read on its own — its own
 * head, byline, sections, hospitals, people, measures and corrections — from
 * the source with the other part's lines blanked, so line numbers, and the
 * words every correction quotes, stay those of the source. Pure.
 */
import type { Analysis } from './analyze.ts';
import type { Draft, Taken } from './draft.ts';
import type { KnownHospital } from './entities.ts';

/** Source lines a draft covers, 1-based and inclusive. */
export interface LineRange {
  from: number;
  to: number;
}

/** The line ranges of the two articles: up to the second article's first line, and from it to the end. */
export function splitRanges(text: string, secondLine: number): [LineRange, LineRange] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // A final newline ends the last line; it does not start another.
  const last = lines.at(-1) === '' ? lines.length - 1 : lines.length;
  return [
    { from: 1, to: secondLine - 1 },
    { from: secondLine, to: last },
  ];
}

/** The text with every line outside `range` emptied: same line numbers, only that part's words. */
export function onlyLines(text: string, range: LineRange): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => (i + 1 >= range.from && i + 1 <= range.to ? line : ''))
    .join('\n');
}

/**
 * What the archive holds once a draft is written: its article, its new
 * hospitals (to match by name), people and measures. The second part is
 * drafted against this, so it reuses the first part's new entries instead of
 * writing them twice.
 */
export function withDraft(
  known: KnownHospital[],
  taken: Taken,
  { analysis, draft }: { analysis: Analysis; draft: Draft },
): { known: KnownHospital[]; taken: Taken } {
  const { hospitals, people } = analysis.entities;
  const newHospitals = hospitals.flatMap((h, i) => {
    const id = draft.hospitalIds[i];
    return id && !h.existing ? [{ id, name: h.name, aliases: h.aliases, province: h.province?.value }] : [];
  });
  const newPeople = people.flatMap((p, i) => {
    const id = draft.personIds[i];
    return id && !taken.people.has(id) ? [[id, p.name] as const] : [];
  });
  return {
    known: [...known, ...newHospitals],
    taken: {
      articles: new Set([...taken.articles, draft.articleId]),
      hospitals: new Set([...taken.hospitals, ...newHospitals.map((h) => h.id)]),
      people: new Map([...taken.people, ...newPeople]),
      measures: new Set([...taken.measures, ...draft.files.filter((f) => f.what === 'measure').map((f) => f.id)]),
    },
  };
}
