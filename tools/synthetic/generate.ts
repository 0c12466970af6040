/**
 * Synthetic archives for the scale benchmark (`npm run bench:scale`).
 *
 * `generateArchive({ reports, seed, corpus })` returns the files of a complete
 * `content/` folder — sources, articles, hospitals, people, measures — that the
 * real schema accepts, plus the names it invented (for query sets). Pure and
 * deterministic: the same options give byte-identical files (a seeded PRNG,
 * no clock, no file system), so runs on different days are comparable.
 *
 * What it imitates: each report gets its own OCR'd source text and a curated
 * article made from it, the way `docs/curation.md` describes. The running text
 * is recombined from the real sources' sentences and clauses (numbers
 * re-drawn), interleaved with sentences about generated hospitals, people and
 * measures. The source carries the OCR defects (a page-head line, a paragraph
 * broken mid-sentence, a doubled word, a misread character, half-width commas)
 * that the article's corrections (校勘记) undo, so every correction's
 * `original`, every fact's `quote`, every role's `quote` and every measure's
 * `description` is really in the cited source. Facts the text does not state
 * (some provinces) are marked `inferred` and say they are synthetic.
 *
 * The parts, in the order the generator runs them: corpus.ts (sentences and
 * clauses of the real sources), hospitals.ts (cities and hospitals, named by
 * names.ts), report.ts (each report's masthead data and its shape: a single
 * report, branch secretaries' essays, or a feature on several hospitals),
 * hospital-text.ts and text.ts (the running text, inventing people.ts's
 * people and measures.ts's measures as it goes), defects.ts (OCR defects and
 * their corrections), write.ts (Markdown, YAML and source text). random.ts is
 * the only source of chance and vocabulary.ts the only word lists.
 */
import { prepareCorpus } from './corpus.ts';
import { makeCities, makeHospitals } from './hospitals.ts';
import { Measures } from './measures.ts';
import { Namer } from './names.ts';
import { People } from './people.ts';
import { mulberry32, pick } from './random.ts';
import { reportContent, reportHeader } from './report.ts';
import { addDefects } from './defects.ts';
import { hospitalYaml, measureYaml, personYaml, reportFiles } from './write.ts';
import { HOSPITAL_KINDS } from './vocabulary.ts';
import type { Context } from './context.ts';

export interface SyntheticOptions {
  /** Number of reports (articles); each has its own source. */
  reports: number;
  /** PRNG seed; the default is the one the published figures use. */
  seed?: number;
  /** Texts to draw sentences from: the real sources (and/or curated bodies). */
  corpus: string[];
  /** Names to blank out of corpus sentences (the real hospitals), so generated names stay the only hospital names. */
  avoid?: string[];
}

export interface SyntheticArchive {
  /** Path under `content/` → file text, e.g. `articles/r00001-linchuan-central.md`. */
  files: Map<string, string>;
  /** What the generator invented, for building query sets. */
  names: {
    hospitals: string[];
    aliases: string[];
    people: string[];
    measures: string[];
    cities: string[];
    /**
     * Names made the same way but given to no entry or city, for absent-term queries. A two-character person name may
     * still occur inside a longer one, so a query set checks each against the pages.
     */
    unused: string[];
  };
  counts: { articles: number; sources: number; hospitals: number; people: number; measures: number; sections: number; corrections: number };
}

export const DEFAULT_SEED = 20240609;

export function generateArchive(options: SyntheticOptions): SyntheticArchive {
  const n = Math.max(1, Math.floor(options.reports));
  const rng = mulberry32((options.seed ?? DEFAULT_SEED) ^ Math.imul(n, 0x9e3779b1));
  const corpus = prepareCorpus(options.corpus, options.avoid);
  const namer = new Namer(rng);
  const ctx: Context = { rng, corpus, namer, people: new People(namer), measures: new Measures(rng, corpus) };
  const cities = makeCities(rng, namer, n);
  const hospitals = makeHospitals(rng, namer, cities, n);
  const files = new Map<string, string>();
  let corrections = 0;
  let sections = 0;
  // Each hospital leads at least one report; the rest pick hospitals at random.
  const leads = Array.from({ length: n }, (_, i) => (i < hospitals.length ? hospitals[i] : pick(rng, hospitals)));
  leads.forEach((lead, i) => {
    const header = reportHeader(ctx, i, lead, i < hospitals.length);
    const content = reportContent(ctx, header, lead, hospitals);
    addDefects(rng, content.blocks, header.masthead);
    const report = reportFiles(rng, header, content);
    files.set(`articles/${header.id}.md`, report.article);
    files.set(`sources/${header.sourceId}.txt`, report.source);
    corrections += report.corrections;
    sections += content.sections.length;
  });
  for (const h of hospitals) files.set(`hospitals/${h.id}.yaml`, hospitalYaml(h));
  const people = [...ctx.people.byId.values()];
  for (const p of people) files.set(`people/${p.id}.yaml`, personYaml(p));
  const measures = ctx.measures.list;
  for (const m of measures) files.set(`measures/${m.id}.yaml`, measureYaml(m));
  return {
    files,
    names: {
      hospitals: hospitals.map((h) => h.name),
      aliases: hospitals.flatMap((h) => h.aliases),
      people: people.map((p) => p.name),
      measures: [...new Set(measures.map((m) => m.core))],
      cities: cities.map((c) => c.name),
      unused: unusedNames(ctx),
    },
    counts: {
      articles: n,
      sources: n,
      hospitals: hospitals.length,
      people: people.length,
      measures: measures.length,
      sections,
      corrections,
    },
  };
}

/** Names made the same way but never written: queries for them must find nothing. */
function unusedNames({ rng, namer }: Context): string[] {
  const unused: string[] = [];
  for (let k = 0; k < 40; k++) {
    unused.push(namer.person()[0]);
    const [stem] = namer.place();
    unused.push(`${stem}市${pick(rng, HOSPITAL_KINDS).suffix}`);
  }
  return unused;
}
