/**
 * What makes a measure's `name` and `description` fit to show (docs/curation.md):
 * the name is the programme's name, not a verb phrase that carries it out; the
 * description is a verbatim passage of its article that starts where a clause
 * starts, ends where a sentence or clause ends, and says more than the name.
 */
import { readingForm } from '../../src/content-model/fidelity.ts';

/** Verbs a drafted name tends to keep from its sentence (发挥“头雁效应”). */
const LEADING_VERB = /^(?:发挥|开展|实施|推进|推行|打造|建立|建设|争创|深化|落实|坚持|加强|探索|创建)/u;
/**
 * A description ends at 。！？ or ；, possibly followed by closing quotes or brackets.
 * (Compared in reading form, where NFKC has made ，；：！？（） half-width.)
 */
const COMPLETE_END = /[。!?;][”’」』)]*$/u;
/** What may stand right before a description: the end of a clause (or a line break, a space). */
const CLAUSE_BEFORE = /[。!?;,:”」』)]/u;
const CLOSING = /[。!?;”’」』)]+$/u;
/** Fewer letters than this besides the name's, and the description only repeats the name. */
export const MIN_OWN_LETTERS = 6;
/** A description that ends with the name and says fewer letters than this besides only announces it. */
export const MIN_ANNOUNCING_LETTERS = 20;

export interface TextForm {
  /** The text in reading form: NFKC, whitespace off. */
  text: string;
  /** Offsets in `text` where a line or a space-separated run (a run-in heading, 强协作、添动力 医院…) starts. */
  breaks: Set<number>;
}

export function textForm(plain: string): TextForm {
  let text = '';
  const breaks = new Set<number>();
  for (const run of plain.split(/\s+/u)) {
    breaks.add(text.length);
    text += readingForm(run);
  }
  return { text, breaks };
}

export function nameProblems(name: string): string[] {
  const verb = LEADING_VERB.exec(name);
  return verb ? [`name "${name}" starts with the verb ${verb[0]}: write the programme's name, without the verb that carries it out`] : [];
}

/** Letters (of any script) and digits of `text` that are not among `name`'s. */
function lettersBesides(text: string, name: string): number {
  const own = new Set(name.match(/[\p{L}\p{N}]/gu));
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).filter((ch) => !own.has(ch)).length;
}

/**
 * `article` is the article's text as its page shows it; `breakOffs` are the reading-form
 * originals of the article's `query` corrections, where a description may end because
 * the printed text itself breaks off there.
 */
export function descriptionProblems(name: string, description: string, article: TextForm, breakOffs: string[] = []): string[] {
  const text = readingForm(description);
  const named = readingForm(name);
  const problems: string[] = [];
  const at = article.text.indexOf(text);
  if (at < 0) problems.push('description is not a verbatim passage of its article');
  else if (!article.breaks.has(at) && !CLAUSE_BEFORE.test(article.text[at - 1])) {
    problems.push(`description starts mid-clause (after "${article.text.slice(Math.max(0, at - 8), at)}"): start where the clause starts`);
  }
  if (!COMPLETE_END.test(text) && !breakOffs.some((o) => o && text.endsWith(o))) {
    problems.push(`description stops mid-sentence ("…${description.trim().slice(-8)}"): run it to the 。！？ or ； that ends it`);
  }
  const besides = lettersBesides(text, named);
  const announces = text.replace(CLOSING, '').endsWith(named.replace(CLOSING, '')) && besides < MIN_ANNOUNCING_LETTERS;
  if (besides < MIN_OWN_LETTERS || announces) problems.push('description only names it: quote the passage that says what it is');
  return problems;
}
