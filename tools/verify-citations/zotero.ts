/**
 * The Zotero side of verify-citations: each article page saved through a
 * running Zotero translation server (`POST /web`, which picks the COinS
 * translator for our pages, ahead of Embedded Metadata), and its `.ris` and `.bib` imported (`POST
 * /import`, Zotero's RIS and BibTeX translators), each item compared with
 * what the page's own meta tags state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A Zotero item as the translation server returns it (API JSON). */
export interface ZoteroItem {
  itemType: string;
  title?: string;
  creators?: { name?: string; lastName?: string; firstName?: string; creatorType: string }[];
  date?: string;
  publicationTitle?: string;
  journalAbbreviation?: string;
  language?: string;
  url?: string;
  abstractNote?: string;
  tags?: ({ tag: string } | string)[];
  parentItem?: string;
}

/** What an article states about itself in its page head, the standard each Zotero item is held to. */
export interface Expected {
  title: string;
  /** `citation_author` as `姓, 名`, split at the comma (a name without one is all family name). */
  authors: { family: string; given: string }[];
  date: string;
  newspaper?: string;
  language: string;
  url: string;
  abstract?: string;
  tags: string[];
}

function decode(text: string): string {
  return text.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** The citation meta tags of a built article page. */
export function expectedFromPage(html: string): Expected {
  const all = (name: string) =>
    [...html.matchAll(new RegExp(`<meta name="${name.replace('.', '\\.')}" content="([^"]*)"`, 'g'))].map((m) => decode(m[1]));
  const one = (name: string) => all(name)[0];
  return {
    title: one('citation_title') ?? '',
    authors: all('citation_author').map((a) => {
      const [family, given = ''] = a.split(/, ?/);
      return { family, given };
    }),
    date: (one('citation_publication_date') ?? '').replaceAll('/', '-'),
    newspaper: one('prism.publicationName'),
    language: one('citation_language') ?? '',
    url: one('citation_public_url') ?? '',
    abstract: one('citation_abstract'),
    tags: all('citation_keywords'),
  };
}

/** A creator's name as one string, whether Zotero stored it in one field or two. */
export function creatorName(c: NonNullable<ZoteroItem['creators']>[number]): string {
  return c.name ?? `${c.lastName ?? ''}${c.firstName ?? ''}`;
}

/** What a Zotero item says, in one line for the report. */
export function summarise(item: ZoteroItem): string {
  const creators = item.creators ?? [];
  const twoField = creators.filter((c) => c.lastName !== undefined).length;
  return [
    item.itemType,
    `creators ${creators.length} (${twoField} two-field, ${creators.length - twoField} single-field: ${creators.map(creatorName).join('、')})`,
    `date ${item.date ?? '—'}`,
    `publicationTitle ${item.publicationTitle ?? '—'}`,
    `language ${item.language ?? '—'}`,
    `abstractNote ${item.abstractNote ? `${[...item.abstractNote].slice(0, 12).join('')}… (${[...item.abstractNote].length} chars)` : '—'}`,
    `tags ${(item.tags ?? []).length}`,
  ].join('; ');
}

/**
 * Differences that are known and not ours to fix, with the reason the report
 * prints: Zotero's BibTeX translator files every `@article` as a journal
 * article (it reads no `entrysubtype`); BibTeX gives a Chinese name in one piece, since splitting it
 * (`王, 松`) would make BibTeX and biblatex styles print it given name first;
 * and it has no `language` field, which biblatex styles would print.
 */
export const KNOWN: Record<ZoteroResult['via'], Record<string, string>> = {
  web: {},
  ris: {},
  bib: {
    itemType: "Zotero's BibTeX translator files every @article as a journal article",
    nameFields: 'BibTeX writes a Chinese name in one piece, so styles print it family name first',
    language: "BibTeX gives the language as biblatex's langid, which Zotero's BibTeX translator does not read",
  },
};

/**
 * Each field where the item differs from the page, `field: got … expected …`.
 * A BibTeX entry names its newspaper even where the source does not, with
 * GB/T 7714's [出版者不详], since classic BibTeX requires a `journal`.
 */
export function differences(item: ZoteroItem, expected: Expected, via: ZoteroResult['via']): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  const check = (field: string, got: unknown, want: unknown) => {
    if (JSON.stringify(got) !== JSON.stringify(want))
      out.push({ field, text: `${field}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}` });
  };
  check('itemType', item.itemType, 'newspaperArticle');
  check('title', item.title, expected.title);
  check(
    'creators',
    (item.creators ?? []).map(creatorName),
    expected.authors.map((a) => a.family + a.given),
  );
  // A person in two fields, family and given name, as Zotero's CNKI translator files Chinese authors.
  check(
    'nameFields',
    (item.creators ?? []).map((c) => [c.lastName, c.firstName]),
    expected.authors.map((a) => [a.family, a.given]),
  );
  check(
    'creatorType',
    (item.creators ?? []).map((c) => c.creatorType),
    expected.authors.map(() => 'author'),
  );
  check('date', item.date?.replaceAll('/', '-'), expected.date);
  check('publicationTitle', item.publicationTitle, via === 'bib' ? (expected.newspaper ?? '[出版者不详]') : expected.newspaper);
  check('journalAbbreviation', item.journalAbbreviation, undefined);
  check('language', item.language, expected.language);
  check('url', item.url, expected.url);
  check('abstractNote', item.abstractNote, expected.abstract);
  check(
    'tags',
    (item.tags ?? []).map((t) => (typeof t === 'string' ? t : t.tag)),
    expected.tags,
  );
  return out;
}

async function post(server: string, endpoint: string, body: string): Promise<ZoteroItem[]> {
  const response = await fetch(new URL(endpoint, server), { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body });
  if (!response.ok) throw new Error(`${endpoint}: HTTP ${response.status} ${await response.text()}`);
  return ((await response.json()) as ZoteroItem[]).filter((i) => i.itemType !== 'note' && i.itemType !== 'attachment');
}

export interface ZoteroResult {
  id: string;
  via: 'web' | 'ris' | 'bib';
  item?: ZoteroItem;
  error?: string;
}

/** Each article through the three ways into Zotero; `pageUrl` is where the server can fetch the page. */
export async function translateArticle(server: string, dist: string, id: string, pageUrl: string): Promise<ZoteroResult[]> {
  const results: ZoteroResult[] = [];
  const attempts: [ZoteroResult['via'], () => Promise<ZoteroItem[]>][] = [
    ['web', () => post(server, '/web', pageUrl)],
    ['ris', () => post(server, '/import', readFileSync(join(dist, 'articles', `${id}.ris`), 'utf8'))],
    ['bib', () => post(server, '/import', readFileSync(join(dist, 'articles', `${id}.bib`), 'utf8'))],
  ];
  for (const [via, attempt] of attempts) {
    try {
      const items = await attempt();
      results.push(items.length === 1 ? { id, via, item: items[0] } : { id, via, error: `${items.length} items` });
    } catch (error) {
      results.push({ id, via, error: (error as Error).message });
    }
  }
  return results;
}
