/**
 * The browsable archive as one model built from the collections: which
 * articles and sections are about a hospital, where a person is named, which
 * measures resemble each other, what each province and year holds. Pages,
 * data downloads and tests all read this model, so they cannot disagree.
 * Pure: it takes plain entries (references as ids or `{ id }`).
 */
import { PROVINCES, provinceByName, type Province } from '../content-model/provinces.ts';
import { refId, type ContentSet, type EntryLike } from '../content-model/integrity.ts';
import { passageAround, plainText, splitSections } from './body-text.ts';
import { groupBy } from './group-by.ts';
import { measureCore, SIMILAR_SHOWN, similarCoreMap } from './similar-measures.ts';

export interface SectionView {
  id: string;
  heading: string;
  kind: string;
  hospital?: string;
  unit?: string;
  branch?: string;
  secretary?: string;
  /** Plain text of the section (no Markdown, no correction marks). */
  text: string;
}

export interface ArticleView {
  id: string;
  entry: EntryLike;
  year: number;
  hospitals: string[];
  provinces: string[];
  sections: SectionView[];
  /** Plain text of the whole body. */
  text: string;
}

export interface Mention {
  article: string;
  section?: string;
  /** A short passage around the mention, verbatim from the article text. */
  passage: string;
}

export interface HospitalView {
  id: string;
  entry: EntryLike;
  province: Province;
  articles: Mention[];
  people: { id: string; roles: any[] }[];
  measures: string[];
}

export interface PersonView {
  id: string;
  entry: EntryLike;
  hospitals: string[];
  /** Sections they wrote or lead as branch secretary. */
  sections: { article: string; section: string }[];
  mentions: Mention[];
  /** The `query` corrections (存疑) that flag the printed name, where it is doubtful. */
  queries: NameQuery[];
}

/** A 存疑 correction of an article that quotes a person's printed name. */
export interface NameQuery {
  article: string;
  correction: string;
}

export interface MeasureView {
  id: string;
  entry: EntryLike;
  /** The closest of the measures of other hospitals with a similar name, closest first, at most SIMILAR_SHOWN. */
  similar: string[];
  /** How many measures of other hospitals have a similar name in all. */
  similarCount: number;
  /** The 存疑 correction recording that the printed text breaks off where the description ends (巴南 “……努力建设成为”). */
  breaksOff?: string;
}

export interface Archive {
  articles: ArticleView[];
  /** Lookups pages make once per page, so that no page scans every entry. */
  articleById: Map<string, ArticleView>;
  /** Measure ids an article describes, in the order of `measures`. */
  measuresOfArticle: Map<string, string[]>;
  /** Ids of people an article mentions, in the order of `people`. */
  peopleOfArticle: Map<string, string[]>;
  hospitals: Map<string, HospitalView>;
  people: Map<string, PersonView>;
  measures: Map<string, MeasureView>;
  provinces: { province: Province; hospitals: string[]; articles: string[] }[];
  years: { year: number; articles: string[] }[];
}

/** Collapses whitespace runs that contain a line break, as `passageAround` joins a paragraph's lines. */
const squashLines = (text: string) => text.replace(/\s*\n\s*/g, '');

type ArchiveContent = ContentSet & { bodies: Map<string, string> };
type ProvinceOf = (hospitalId: string) => Province;

export function buildArchive(content: ArchiveContent): Archive {
  const provinceOf = provinceLookup(content);
  const articles = content.articles.map((entry) => articleView(entry, content.bodies.get(entry.id) ?? '', provinceOf));
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const hospitals = hospitalViews(content, articles, provinceOf);
  const people = personViews(content, articles, hospitals);
  const measures = measureViews(content, articles, hospitals);
  sortHospitalMeasures(hospitals, measures, articles, articleById);
  const measuresOfArticle = new Map<string, string[]>();
  for (const [article, ms] of groupBy([...measures.values()], (m) => [refId(m.entry.data.article) ?? '']))
    measuresOfArticle.set(
      article,
      ms.map((m) => m.id),
    );
  const peopleOfArticle = new Map<string, string[]>();
  for (const [article, ps] of groupBy([...people.values()], (p) => p.mentions.map((m) => m.article)))
    peopleOfArticle.set(
      article,
      ps.map((p) => p.id),
    );
  return {
    articles,
    articleById,
    measuresOfArticle,
    peopleOfArticle,
    hospitals,
    people,
    measures,
    provinces: provinceList(articles, hospitals),
    years: yearList(articles),
  };
}

/** The province of a hospital by its id; a hospital without a known province stops the build. */
function provinceLookup(content: ArchiveContent): ProvinceOf {
  const hospitalEntries = new Map(content.hospitals.map((h) => [h.id, h]));
  return (hospitalId) => {
    const name = hospitalEntries.get(hospitalId)?.data.province.value;
    const province = provinceByName(name);
    if (!province) throw new Error(`hospital "${hospitalId}" has no known province`);
    return province;
  };
}

function articleView(entry: EntryLike, body: string, provinceOf: ProvinceOf): ArticleView {
  const declared = (entry.data.sections ?? []) as any[];
  const texts = splitSections(body, declared);
  const hospitals = (entry.data.hospitals ?? []).map(refId) as string[];
  return {
    id: entry.id,
    entry,
    year: Number(String(entry.data.date.value?.value ?? entry.data.date.value).slice(0, 4)),
    hospitals,
    provinces: [...new Set(hospitals.map((h) => provinceOf(h).id))],
    text: plainText(body),
    sections: declared.map((s) => ({
      id: s.id,
      heading: s.heading,
      kind: s.kind,
      hospital: refId(s.hospital),
      unit: s.unit,
      branch: s.branch,
      secretary: refId(s.secretary),
      text: texts.get(s.id) ?? '',
    })),
  };
}

/** Each hospital with where it is reported: its own sections of an article, else the article as a whole. */
function hospitalViews(content: ArchiveContent, articles: ArticleView[], provinceOf: ProvinceOf): Map<string, HospitalView> {
  const articlesOfHospital = groupBy(articles, (a) => a.hospitals);
  const hospitals = new Map<string, HospitalView>();
  for (const h of content.hospitals) {
    const names = [h.data.name, ...(h.data.aliases ?? [])];
    const mentions: Mention[] = [];
    for (const a of articlesOfHospital.get(h.id) ?? []) {
      const own = a.sections.filter((s) => s.hospital === h.id);
      if (own.length > 0) {
        for (const s of own)
          mentions.push({
            article: a.id,
            section: s.id,
            passage: passageAround(s.text, names) ?? passageAround(s.text, [s.text.slice(0, 1)]) ?? '',
          });
      } else {
        mentions.push({ article: a.id, passage: passageAround(a.text, names) ?? '' });
      }
    }
    hospitals.set(h.id, { id: h.id, entry: h, province: provinceOf(h.id), articles: mentions, people: [], measures: [] });
  }
  return hospitals;
}

/**
 * The articles each person's name occurs in, in article order: one scan of
 * each text (candidates by their first two characters), not one search per
 * person and article. A superset of where `passageAround` can find them.
 */
function articlesNaming(articles: ArticleView[], people: EntryLike[]): Map<string, ArticleView[]> {
  // Keyed by the two UTF-16 units as one number: no substring is allocated per character of every text.
  const pairAt = (s: string, i: number) => s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
  const names = [...new Set(people.map((p) => String(p.data.name ?? '')))].filter((name) => name.length >= 2);
  const namesByPrefix = groupBy(names, (name) => [pairAt(name, 0)]);
  const naming = new Map<string, ArticleView[]>();
  for (const a of articles) {
    const text = squashLines(a.text);
    const found = new Set<string>();
    for (let i = 0; i + 1 < text.length; i++) {
      const candidates = namesByPrefix.get(pairAt(text, i));
      if (candidates) for (const name of candidates) if (text.startsWith(name, i)) found.add(name);
    }
    for (const name of found) {
      let list = naming.get(name);
      if (!list) naming.set(name, (list = []));
      list.push(a);
    }
  }
  return naming;
}

/** Sections each person leads as branch secretary, by person id. */
function sectionsBySecretary(articles: ArticleView[]): Map<string, { article: string; section: string }[]> {
  const secretaries = articles.flatMap((a) =>
    a.sections.filter((s) => s.secretary).map((s) => ({ secretary: s.secretary!, article: a.id, section: s.id })),
  );
  const out = new Map<string, { article: string; section: string }[]>();
  for (const [id, led] of groupBy(secretaries, (s) => [s.secretary]))
    out.set(
      id,
      led.map(({ article, section }) => ({ article, section })),
    );
  return out;
}

/** Each person with their hospitals, sections and mentions; adds them to their hospitals' people. */
function personViews(content: ArchiveContent, articles: ArticleView[], hospitals: Map<string, HospitalView>): Map<string, PersonView> {
  const sectionsOfSecretary = sectionsBySecretary(articles);
  // By name, not by person and article: every person against every article was 21 of 23 s at 10,000 reports.
  const naming = articlesNaming(articles, content.people);
  const people = new Map<string, PersonView>();
  for (const p of content.people) {
    const roles = (p.data.roles ?? []) as any[];
    const hospitalIds = [...new Set(roles.map((r) => refId(r.hospital)).filter((x): x is string => !!x))];
    for (const hid of hospitalIds) {
      hospitals.get(hid)?.people.push({ id: p.id, roles: roles.filter((r) => refId(r.hospital) === hid) });
    }
    const mentions: Mention[] = [];
    const mentioning: ArticleView[] = [];
    for (const a of naming.get(String(p.data.name)) ?? []) {
      const hit = a.sections.find((s) => s.text.includes(p.data.name));
      const passage = passageAround(hit?.text ?? a.text, [p.data.name]);
      if (!passage) continue;
      mentions.push({ article: a.id, section: hit?.id, passage });
      mentioning.push(a);
    }
    const queries = nameQueries(String(p.data.name), mentioning);
    people.set(p.id, { id: p.id, entry: p, hospitals: hospitalIds, sections: sectionsOfSecretary.get(p.id) ?? [], mentions, queries });
  }
  return people;
}

/** The 存疑 corrections of the articles that name a person (in article order) whose quoted words hold the name. */
function nameQueries(name: string, mentioning: ArticleView[]): NameQuery[] {
  return mentioning.flatMap((a) =>
    ((a.entry.data.corrections ?? []) as { id: string; kind: string; original: string }[])
      .filter((c) => c.kind === 'query' && c.original.includes(name))
      .map((c) => ({ article: a.id, correction: c.id })),
  );
}

/**
 * Each published measure with the similar measures of other hospitals; adds
 * it to its hospital's measures. Similar names are found between distinct
 * cores, then expanded to the measures that carry them: closest core first,
 * and within a core in entry order.
 */
function measureViews(content: ArchiveContent, articles: ArticleView[], hospitals: Map<string, HospitalView>): Map<string, MeasureView> {
  // Measures described only in an unpublished (draft) article wait with it.
  const published = new Set(articles.map((a) => a.id));
  const publishedMeasures = content.measures.filter((m) => published.has(refId(m.data.article) ?? ''));
  const coreOf = new Map(publishedMeasures.map((m) => [m.id, measureCore(String(m.data.name))]));
  const measuresOfCore = groupBy([...publishedMeasures.keys()], (i) => [coreOf.get(publishedMeasures[i].id)!]);
  const similarCoresOf = similarCoreMap([...measuresOfCore.keys()]);
  const hospitalOf = publishedMeasures.map((m) => refId(m.data.hospital));
  // How many measures of a core a hospital has: a measure's similar count is the rest of each similar core,
  // counted, not walked (walking every measure of every similar core grew with the square of a core).
  const atHospital = (core: string, hospital: string | undefined) => `${core}\u0000${hospital ?? ''}`;
  const ofCoreAtHospital = new Map<string, number>();
  for (const [i, m] of publishedMeasures.entries()) {
    const key = atHospital(coreOf.get(m.id)!, hospitalOf[i]);
    ofCoreAtHospital.set(key, (ofCoreAtHospital.get(key) ?? 0) + 1);
  }
  const articleOf = new Map(articles.map((a) => [a.id, a]));
  const measures = new Map<string, MeasureView>();
  for (const [index, m] of publishedMeasures.entries()) {
    const similar: string[] = [];
    let similarCount = 0;
    for (const core of similarCoresOf.get(coreOf.get(m.id)!)!) {
      const ofCore = measuresOfCore.get(core)!;
      similarCount += ofCore.length - (ofCoreAtHospital.get(atHospital(core, hospitalOf[index])) ?? 0);
      for (const i of ofCore) {
        if (similar.length >= SIMILAR_SHOWN) break;
        if (hospitalOf[i] !== hospitalOf[index]) similar.push(publishedMeasures[i].id);
      }
    }
    const breaksOff = breakOff(String(m.data.description ?? ''), articleOf.get(refId(m.data.article) ?? ''));
    measures.set(m.id, { id: m.id, entry: m, similar, similarCount, ...(breaksOff ? { breaksOff } : {}) });
    hospitals.get(refId(m.data.hospital) ?? '')?.measures.push(m.id);
  }
  return measures;
}

/** The article's 存疑 correction whose quoted words end the description: the printed sentence breaks off there. */
function breakOff(description: string, article?: ArticleView): string | undefined {
  const compact = (text: string) => text.replace(/\s+/g, '');
  const text = compact(description);
  const corrections = (article?.entry.data.corrections ?? []) as { id: string; kind: string; original: string }[];
  return corrections.find((c) => c.kind === 'query' && compact(c.original).length >= 2 && text.endsWith(compact(c.original)))?.id;
}

/** A hospital's measures in reading order: article order, then where the text describes them. */
function sortHospitalMeasures(
  hospitals: Map<string, HospitalView>,
  measures: Map<string, MeasureView>,
  articles: ArticleView[],
  articleById: Map<string, ArticleView>,
) {
  const articleIndex = new Map(articles.map((a, i) => [a.id, i]));
  const compactText = new Map<string, string>();
  const positions = new Map<string, number>();
  const position = (id: string) => {
    const known = positions.get(id);
    if (known !== undefined) return known;
    const m = measures.get(id)!.entry.data;
    const a = articleById.get(refId(m.article) ?? '');
    let text = a && compactText.get(a.id);
    if (a && text === undefined) compactText.set(a.id, (text = a.text.replace(/\s+/g, '')));
    const at = a ? text!.indexOf(String(m.description).replace(/\s+/g, '').slice(0, 12)) : -1;
    const value = (articleIndex.get(refId(m.article) ?? '') ?? 0) * 1e7 + (at < 0 ? 1e6 : at);
    positions.set(id, value);
    return value;
  };
  for (const h of hospitals.values()) h.measures.sort((x, y) => position(x) - position(y));
}

/** Provinces that have hospitals, in the order of PROVINCES. */
function provinceList(articles: ArticleView[], hospitals: Map<string, HospitalView>): Archive['provinces'] {
  const hospitalsOfProvince = groupBy([...hospitals.values()], (h) => [h.province.id]);
  const articlesOfProvince = groupBy(articles, (a) => a.provinces);
  return PROVINCES.map((province) => ({
    province,
    hospitals: (hospitalsOfProvince.get(province.id) ?? []).map((h) => h.id),
    articles: (articlesOfProvince.get(province.id) ?? []).map((a) => a.id),
  })).filter((p) => p.hospitals.length > 0);
}

function yearList(articles: ArticleView[]): Archive['years'] {
  const articlesOfYear = groupBy(articles, (a) => [a.year]);
  return [...articlesOfYear.keys()].sort((x, y) => x - y).map((year) => ({ year, articles: articlesOfYear.get(year)!.map((a) => a.id) }));
}

/**
 * How many entries a list on the home page shows before it hands over to its
 * index page. The real archive fits; at 10,000 reports listing everything would
 * make the home page 2.4 MB.
 */
export const HOME_LIST_LIMIT = 30;

/** What the home page lists: every article while they fit, else the newest first; hospitals only while they fit. */
export function homeLists(archive: Archive, limit = HOME_LIST_LIMIT) {
  const allArticles = archive.articles.length <= limit;
  return {
    allArticles,
    articles: allArticles ? archive.articles : archive.articles.slice(-limit).reverse(),
    hospitals: archive.hospitals.size <= limit ? [...archive.hospitals.values()] : undefined,
  };
}
