/**
 * Turns an analysis into draft files: the article (frontmatter + body) and
 * YAML entries for new hospitals, people and measures. Pure: it returns
 * paths and contents; the caller writes them.
 *
 * Nothing changes silently. The body is the source text with only the
 * proposals of the kinds in `apply` carried out, each recorded as a
 * correction of its kind; every other proposal is recorded as a `query`
 * (存疑) that keeps the text and says in its note what the tool proposes,
 * with a `[[cN]]` mark where it applies. Every note and inferred fact the tool
 * writes carries IMPORT_MARK until an editor has checked it.
 *
 * The parts live in tools/import/draft/: ids (assign-ids.ts), corrections,
 * body, article frontmatter, YAML entries, and the YAML writer.
 */
import type { Analysis } from './analyze.ts';
import { articleFile, articleFrontmatter, headDecisions } from './draft/article.ts';
import { aboutIds, assignArticleId, assignHospitalIds, assignPersonIds, assignSections, sectionAt } from './draft/assign-ids.ts';
import { renderBody } from './draft/body.ts';
import { planCorrections } from './draft/corrections.ts';
import { hospitalEntries, measureEntries, personEntries } from './draft/entries.ts';
import { DEFAULT_APPLY, type Draft, type DraftOptions } from './draft/model.ts';

export { APPLICABLE, DEFAULT_APPLY, DRAFT_COMMENT, IMPORT_MARK } from './draft/model.ts';
export type { Draft, DraftCorrection, DraftFile, DraftOptions, PlannedCorrection, Taken } from './draft/model.ts';

export function buildDraft(analysis: Analysis, options: DraftOptions): Draft {
  const { doc, proposals, entities } = analysis;
  const { sourceId: source, taken } = options;
  const hospitalIds = assignHospitalIds(entities.hospitals, taken.hospitals);
  const about = aboutIds(entities.hospitals, hospitalIds);
  const articleId = assignArticleId(doc, entities, about, taken.articles);
  const personIds = assignPersonIds(entities.people, hospitalIds, taken.people);
  const sections = assignSections(entities.sections, { hospitalIds, personIds, about });

  const plan = planCorrections(doc, proposals, options.apply ?? DEFAULT_APPLY);
  const body = renderBody(doc, plan);
  const frontmatter = articleFrontmatter(analysis, { source, about, sections, plan });

  const hospitals = hospitalEntries(entities.hospitals, hospitalIds, source);
  const people = personEntries(entities.people, { hospitalIds, personIds, taken: taken.people }, source);
  const measures = measureEntries(
    entities.measures,
    { hospitalIds, about, articleId, taken: taken.measures, sectionAt: (at) => sectionAt(doc, sections, at) },
    source,
  );
  const decisions = [
    ...(about.length === 0
      ? ['hospitals: the tool found no hospital the article is about; add the article’s `hospitals` (and their entries) by hand.']
      : []),
    ...headDecisions(analysis),
    ...hospitals.decisions,
    ...people.decisions,
  ];
  return {
    articleId,
    files: [articleFile(articleId, frontmatter, body), ...hospitals.files, ...people.files, ...measures],
    corrections: plan.corrections,
    decisions,
    skipped: plan.skipped,
    hospitalIds,
    personIds,
    frontmatter,
    body,
  };
}
