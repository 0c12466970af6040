/**
 * The draft article file: its frontmatter (bibliographic head, hospitals,
 * sections, corrections) and the body below it.
 */
import type { Analysis } from '../analyze.ts';
import { toFullWidth } from '../defects.ts';
import type { DraftSection } from './assign-ids.ts';
import type { CorrectionPlan } from './corrections.ts';
import { defined, DRAFT_COMMENT, type DraftCorrection, type DraftFile } from './model.ts';
import { toYaml } from './yaml.ts';

export interface ArticleParts {
  source: string;
  /** Ids of the hospitals the article is about. */
  about: string[];
  sections: DraftSection[];
  plan: CorrectionPlan;
}

/** What the head of the text leaves for a person to write before the draft builds. */
export function headDecisions({ doc, entities, secondArticle }: Analysis): string[] {
  const decisions: string[] = [];
  if (secondArticle)
    decisions.push(
      `two articles: a second article seems to start at line ${secondArticle.line} (“${secondArticle.title}”); the draft holds both. Run the import again with --split to write the two as drafts of their own, or make it two articles of this source by hand (docs/curation.md): move that part into an article of its own with its own title, byline, date and hospitals.`,
    );
  if (!entities.date)
    decisions.push(
      'date: the text names no year; write `date` (value YYYY, YYYY-MM or YYYY-MM-DD, with quote or inferred) — the build fails without it.',
    );
  if (!doc.head.title) decisions.push('title: no heading found; write the title (the build fails without it).');
  return decisions;
}

function correctionEntry({ id, kind, original, reading, note, global }: DraftCorrection): DraftCorrection {
  return { id, kind, original, reading, ...(note ? { note } : {}), ...(global ? { global } : {}) };
}

export function articleFrontmatter({ doc, entities }: Analysis, { source, about, sections, plan }: ArticleParts): Record<string, unknown> {
  // The head gets the body's punctuation: full-width when the draft makes it so.
  const fw = plan.fullWidth ? toFullWidth : (s: string) => s;
  const { head } = doc;
  const { date, newspaper } = entities;
  return defined({
    // Not published until an editor has reviewed it and removed this flag.
    draft: true,
    title: head.title ? fw(head.title) : undefined,
    ...(head.subtitle ? { subtitle: fw(head.subtitle) } : {}),
    ...(head.column ? { column: fw(head.column) } : {}),
    ...(head.series ? { series: head.series } : {}),
    ...(newspaper ? { newspaper: { value: newspaper.value, quote: newspaper.quote, inferred: newspaper.inferred } } : {}),
    ...(entities.byline ? { byline: entities.byline.text } : {}),
    ...(entities.byline?.authors.length ? { authors: entities.byline.authors } : {}),
    ...(date ? { date: { value: date.value, ...(date.quote ? { quote: date.quote } : {}), inferred: date.inferred } } : {}),
    source,
    hospitals: about,
    ...(sections.length ? { sections: sections.map((s) => s.data) } : {}),
    corrections: plan.corrections.map(correctionEntry),
  });
}

export function articleFile(id: string, frontmatter: Record<string, unknown>, body: string): DraftFile {
  const content = `---\n${DRAFT_COMMENT}\n${toYaml(frontmatter)}---\n\n${body}`;
  return { path: `content/articles/${id}.md`, content, what: 'article', id };
}
