/**
 * The ways in and out of the archive, checked on the built site: a page for
 * every hospital, province and person; data downloads that match their
 * documented schemas; citation metadata Zotero and search engines can read;
 * everything within three clicks of the home page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite, type CslName } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import Ajv2020 from 'ajv/dist/2020.js';
import Parser from 'rss-parser';
import addFormats from 'ajv-formats';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportSchemas, type ExportName } from '../../src/cite/data-export.ts';
import { provinceByName } from '../../src/content-model/provinces.ts';
import { loadContent, type RawArticle, type RawEntry } from '../helpers/content.ts';
import { SITES } from '../helpers/sites.ts';
import { walk } from '../../tools/shared/dist.ts';

const dist = SITES.archive.dist;
const base: string = SITES.archive.base;
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');

let articles: RawArticle[];
let hospitals: RawEntry[];
let people: RawEntry[];
let measures: RawEntry[];
beforeAll(async () => {
  ({ articles, hospitals, people, measures } = await loadContent());
});

describe('every entity has its page', () => {
  it('hospitals, with their name and province', () => {
    for (const h of hospitals) {
      const html = page(`hospitals/${h.id}`);
      expect(html).toContain(`<h1>${h.data.name}</h1>`);
      expect(html).toContain(`/provinces/${provinceByName(h.data.province.value)!.id}/`);
    }
  });

  it('provinces that have hospitals', () => {
    const ids = new Set(hospitals.map((h) => provinceByName(h.data.province.value)!.id));
    for (const id of ids) expect(existsSync(join(dist, 'provinces', id, 'index.html')), id).toBe(true);
  });

  it('people and measures', () => {
    for (const p of people) expect(page(`people/${p.id}`)).toContain(`<h1>${p.data.name}</h1>`);
    for (const m of measures) expect(page(`measures/${m.id}`)).toContain(m.data.description.slice(0, 10));
  });
});

describe('data downloads', () => {
  for (const name of Object.keys(exportSchemas) as ExportName[]) {
    it(`${name}.json matches its documented schema and lists every entry`, () => {
      const records = JSON.parse(readFileSync(join(dist, 'data', `${name}.json`), 'utf8'));
      const parsed = exportSchemas[name].array().safeParse(records);
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
      const expected = { articles, hospitals, people, measures }[name].map((e) => e.id).sort();
      expect(records.map((r: { id: string }) => r.id).sort()).toEqual(expected);
      for (const r of records) expect(r.url.startsWith('https://')).toBe(true);
    });

    it(`${name}.json is valid against the published ${name}.schema.json, which rejects malformed records`, () => {
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(readFileSync(join(dist, 'data', `${name}.schema.json`), 'utf8')));
      const records = JSON.parse(readFileSync(join(dist, 'data', `${name}.json`), 'utf8'));
      expect(validate(records) ? [] : validate.errors?.slice(0, 5)).toEqual([]);
      const broken: Record<string, unknown>[] = [
        { id: '' },
        { id: 'Not An Id' },
        { url: 'not a url' },
        ...(name === 'articles' ? [{ date: 'banana' }, { date: '2021-13' }, { source: 'x' }] : []),
      ];
      for (const change of broken) expect(validate([{ ...records[0], ...change }]), JSON.stringify(change)).toBe(false);
    });

    it(`${name}.csv opens in a spreadsheet with the documented columns and a row per entry`, () => {
      const csv = readFileSync(join(dist, 'data', `${name}.csv`), 'utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const [header, ...rows] = csv.slice(1).trimEnd().split('\r\n');
      expect(header.split(',')).toEqual(Object.keys(exportSchemas[name].shape));
      const ids = { articles, hospitals, people, measures }[name].map((e) => e.id);
      expect(ids.filter((id) => !rows.some((row) => row.startsWith(`${id},`)))).toEqual([]);
    });
  }
});

describe('citation metadata on article pages', () => {
  it('carries Highwire tags and JSON-LD with title, date and hospital', () => {
    for (const a of articles) {
      const html = page(`articles/${a.id}`);
      const meta = (name: string) => [...html.matchAll(new RegExp(`<meta name="${name}" content="([^"]*)"`, 'g'))].map((m) => m[1]);
      expect(meta('citation_title')[0]).toContain(a.data.title.replace(/"/g, '&quot;').slice(0, 4));
      expect(meta('citation_publication_date')[0]).toMatch(/^\d{4}(\/\d{2}(\/\d{2})?)?$/);
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
      expect(ld['@type']).toBe('NewsArticle');
      expect(ld.headline).toBe(a.data.title);
      expect(String(ld.datePublished)).toMatch(/^\d{4}/);
      const names = hospitals.filter((h) => a.data.hospitals.includes(h.id)).map((h) => h.data.name);
      expect(ld.about.map((x: { name: string }) => x.name).sort()).toEqual(names.sort());
      expect(ld.about.every((x: { '@type': string }) => x['@type'] === 'MedicalOrganization')).toBe(true);
      expect(ld.mainEntityOfPage['@id'], a.id).toBe(ld.url);
      expect(ld.description, a.id).toBe(meta('citation_abstract')[0]);
      // An author who is one of the people the page names links to that person's page, and only then.
      for (const author of ld.author ?? []) {
        const person = (ld.mentions as { name: string; url: string }[]).find((p) => p.name === author.name);
        expect(author.url, `${a.id}: ${author.name}`).toBe(person?.url);
      }
    }
    const linked = articles.flatMap(
      (a) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page(`articles/${a.id}`))![1]).author ?? [],
    );
    expect(linked.filter((p: { url?: string }) => p.url?.includes('/people/')).length).toBeGreaterThan(0);
  });

  it('says in its COinS span what its head says, tags included, read as Zotero reads a ContextObject', () => {
    const attr = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
    for (const a of articles) {
      const html = page(`articles/${a.id}`);
      const meta = (name: string) =>
        [...html.matchAll(new RegExp(`<meta name="${name.replace('.', '\\.')}" content="([^"]*)"`, 'g'))].map((m) => attr(m[1]));
      const spans = [...html.matchAll(/<span class="Z3988" title="([^"]*)"><\/span>/g)];
      expect(spans.length, a.id).toBe(1);
      // Zotero's parseContextObject: pairs split at & and =, `+` and %2B read as a space.
      const pairs = attr(spans[0][1])
        .split('&')
        .map((kv) => kv.split('='))
        .map(([k, v]) => [k, decodeURIComponent(v.replace(/\+|%2[bB]/g, ' '))]);
      const all = (key: string) => pairs.filter(([k]) => k === key).map(([, v]) => v);
      expect(all('rft_val_fmt'), a.id).toEqual(['info:ofi/fmt:kev:mtx:dc']);
      expect(all('rft.type'), a.id).toEqual(['newspaperArticle']);
      expect(all('rft.title'), a.id).toEqual(meta('citation_title'));
      const authors = pairs.filter(([k]) => k === 'rft.aulast' || k === 'rft.aufirst').map(([, v]) => v);
      expect(authors.join(''), a.id).toBe(meta('citation_author').join('').replaceAll(', ', ''));
      expect(all('rft.date'), a.id).toEqual(meta('citation_publication_date').map((d) => d.replaceAll('/', '-')));
      expect(all('rft.source'), a.id).toEqual(meta('prism.publicationName'));
      expect(all('rft_id'), a.id).toEqual(meta('citation_public_url'));
      expect(all('rft.description'), a.id).toEqual(meta('citation_abstract'));
      expect(all('rft.subject'), a.id).toEqual(meta('citation_keywords'));
      expect(all('rft.subject').length, a.id).toBeGreaterThan(0);
    }
  });

  it('names the same authors in the data download, the meta tags, RIS, BibTeX and JSON-LD, and names some for every article', () => {
    const exported: { id: string; authors: string[] }[] = JSON.parse(readFileSync(join(dist, 'data/articles.json'), 'utf8'));
    for (const { id, authors } of exported) {
      const html = page(`articles/${id}`);
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
      const ris = readFileSync(join(dist, 'articles', `${id}.ris`), 'utf8');
      const bib = readFileSync(join(dist, 'articles', `${id}.bib`), 'utf8');
      expect(authors.length, id).toBeGreaterThan(0);
      // The meta tags and RIS give a person as `姓, 名`, the two fields Zotero keeps; the parts make up the name.
      const metaAuthors = [...html.matchAll(/<meta name="citation_author" content="([^"]*)"/g)].map((m) => m[1]);
      const risAuthors = [...ris.matchAll(/^AU {2}- (.*?)\r?$/gm)].map((m) => m[1]);
      for (const name of [...metaAuthors, ...risAuthors]) expect(name, id).toMatch(/^\p{Script=Han}{1,2}, \p{Script=Han}{1,3}$/u);
      expect(
        metaAuthors.map((n) => n.replace(', ', '')),
        id,
      ).toEqual(authors);
      expect(
        risAuthors.map((n) => n.replace(', ', '')),
        id,
      ).toEqual(authors);
      expect(/^\s*author = \{(.*)\},?$/m.exec(bib)?.[1].split(' and '), id).toEqual(authors);
      expect(
        (ld.author ?? []).map((p: { name: string }) => p.name),
        id,
      ).toEqual(authors);
    }
  });

  it('reads back through citation-js: BibTeX and RIS give the title, the people, the newspaper, the year and the URL', () => {
    const exported: { id: string; url: string; title: string; authors: string[]; newspaper: string | null; date: string }[] = JSON.parse(
      readFileSync(join(dist, 'data/articles.json'), 'utf8'),
    );
    // citation-js gives BibTeX authors as name objects, and RIS reporters as a string (one) or a list of strings, `姓, 名`.
    const names = (list: CslName[] | string[] | string | undefined) =>
      [list ?? []].flat().map((n) => (typeof n === 'string' ? n.replace(', ', '') : (n.literal ?? `${n.family ?? ''}${n.given ?? ''}`)));
    for (const a of exported) {
      const year = Number(a.date.slice(0, 4));
      const [bib] = new Cite(readFileSync(join(dist, 'articles', `${a.id}.bib`), 'utf8')).data;
      expect([bib.genre, names(bib.author), bib['container-title'], bib.issued?.['date-parts']?.[0][0], bib.URL], a.id).toEqual([
        'newspaper',
        a.authors,
        a.newspaper ?? '[出版者不详]',
        year,
        a.url,
      ]);
      // The RIS specification files a newspaper article's AU lines as its reporters, which is what they are.
      const [ris] = new Cite(readFileSync(join(dist, 'articles', `${a.id}.ris`), 'utf8')).data;
      expect([ris.type, ris.title, names(ris.reporter), ris.issued?.['date-parts']?.[0][0], ris.URL], a.id).toEqual([
        'article-newspaper',
        bib.title,
        a.authors,
        year,
        a.url,
      ]);
      expect(ris['container-title'], a.id).toBe(a.newspaper ?? undefined);
    }
  });

  it('offers BibTeX and RIS files for each article', () => {
    for (const a of articles) {
      expect(readFileSync(join(dist, 'articles', `${a.id}.bib`), 'utf8')).toContain(`@article{${a.id},`);
      expect(readFileSync(join(dist, 'articles', `${a.id}.ris`), 'utf8')).toMatch(/^TY {2}- NEWS\r\n/);
    }
  });
});

describe('feeds and site files', () => {
  it('RSS lists every article', () => {
    const rss = readFileSync(join(dist, 'rss.xml'), 'utf8');
    expect(rss.match(/<item>/g)?.length).toBe(articles.length);
  });

  it('reads in a feed reader (rss-parser) with each report on its own calendar day in every time zone readers live in', async () => {
    const feed = await new Parser().parseString(readFileSync(join(dist, 'rss.xml'), 'utf8'));
    expect(feed.items).toHaveLength(articles.length);
    // UTC−12 to UTC+11, Beijing included: a date shown in any of them keeps the report's year, month and day.
    const zones = ['Etc/GMT+12', 'America/Los_Angeles', 'UTC', 'Europe/Berlin', 'Asia/Shanghai', 'Etc/GMT-11'];
    const wrong: string[] = [];
    for (const item of feed.items) {
      const article = articles.find((a) => item.link === `https://archive.example.org${base}articles/${a.id}/`);
      expect(article, item.link).toBeDefined();
      expect(item.title).toBe(article!.data.title);
      const printed = String(article!.data.date.value).split('-').map(Number);
      for (const timeZone of zones) {
        const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
          .formatToParts(new Date(item.isoDate!))
          .filter((p) => p.type !== 'literal')
          .map((p) => Number(p.value));
        if (printed.some((n, i) => parts[i] !== n)) wrong.push(`${article!.id} in ${timeZone}: ${parts.join('-')}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the sitemap lists every page under the base path, and a 404 page exists', () => {
    const index = readFileSync(join(dist, 'sitemap-index.xml'), 'utf8');
    expect(index).toContain(`${base}sitemap-0.xml`);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    for (const h of hospitals) expect(sitemap).toContain(`${base}hospitals/${h.id}/`);
    expect(existsSync(join(dist, '404.html'))).toBe(true);
  });
});

describe('navigation', () => {
  it('reaches every hospital, person and measure page within three clicks of home', () => {
    const links = (path: string): string[] => {
      const file = join(dist, path.slice(base.length), 'index.html');
      if (!existsSync(file)) return [];
      return [...readFileSync(file, 'utf8').matchAll(/href="([^"#?]+)/g)]
        .map((m) => m[1])
        .filter((u) => u.startsWith(base) && u.endsWith('/'));
    };
    const seen = new Set([base]);
    let frontier = [base];
    for (let click = 0; click < 3; click++) {
      frontier = frontier.flatMap(links).filter((u) => !seen.has(u));
      frontier.forEach((u) => seen.add(u));
    }
    const targets = [
      ...hospitals.map((h) => `${base}hospitals/${h.id}/`),
      ...people.map((p) => `${base}people/${p.id}/`),
      ...measures.map((m) => `${base}measures/${m.id}/`),
    ];
    expect(targets.filter((t) => !seen.has(t))).toEqual([]);
  });
});

const relOf = (el: Element) =>
  [el.properties.rel ?? []]
    .flat()
    .map(String)
    .find((r) => r === 'prev' || r === 'next');

/** What a page says about its neighbours: `<link rel>` in the head, `a[rel]` in its page navigation; and the links in its main part. */
function pagerOf(html: string) {
  const head: Record<string, string> = {};
  const nav: Record<string, string> = {};
  const main: string[] = [];
  let current: string | undefined;
  let title = '';
  visit(fromHtml(html), 'element', (el: Element) => {
    if (el.tagName === 'title') title = el.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
    const kind = relOf(el);
    if (el.tagName === 'link' && kind) head[kind] = String(el.properties.href);
    const isPager = el.tagName === 'nav' && [el.properties.className ?? []].flat().includes('pager');
    if (isPager)
      visit(el, 'element', (a: Element) => {
        const rel = relOf(a);
        if (a.tagName === 'a' && rel) nav[rel] = String(a.properties.href);
        if (a.tagName === 'a' && a.properties.ariaCurrent === 'page') current = String(a.properties.href);
      });
    if (el.tagName === 'main') visit(el, 'element', (a: Element) => void (a.tagName === 'a' && main.push(String(a.properties.href))));
  });
  return { head, nav, main, current, title };
}

describe('paginated lists', () => {
  const fileOf = (url: string) => join(dist, url.slice(base.length), 'index.html');

  it('name the same previous and next page in the head as in the page navigation, and both pages exist', () => {
    const pages = walk(dist).filter((f) => f.endsWith('.html'));
    let paged = 0;
    for (const file of pages) {
      const { head, nav } = pagerOf(readFileSync(file, 'utf8'));
      expect(nav, file).toEqual(head);
      for (const url of Object.values(head)) expect(existsSync(fileOf(url)), `${file}: ${url}`).toBe(true);
      if (head.next || head.prev) paged++;
    }
    // The real archive's 137 measures fill two pages; with fewer the check above would have nothing to compare.
    expect(paged).toBeGreaterThan(0);
  });

  it('list every entry on exactly one page, from the list page following next, each page pointing back with prev', () => {
    const lists = {
      articles: articles.filter((a) => a.data.draft !== true),
      hospitals,
      people,
      measures,
    };
    for (const [list, entries] of Object.entries(lists)) {
      const entry = new RegExp(`^${base}${list}/([^/#]+)/$`);
      const listed: string[] = [];
      let url: string | undefined = `${base}${list}/`;
      let previous: string | undefined;
      while (url) {
        const { head, main, current, title } = pagerOf(readFileSync(fileOf(url), 'utf8'));
        expect(head.prev, url).toBe(previous);
        // The page navigation marks this page; page n > 1 says its number in the title.
        if (head.prev || head.next) expect(current, url).toBe(url);
        const n = /page\/(\d+)\/$/.exec(url)?.[1];
        if (n) expect(title, url).toContain(`（第 ${n} 页）`);
        listed.push(...main.map((href) => entry.exec(href)?.[1]).filter((id): id is string => id !== undefined && id !== 'page'));
        previous = url;
        url = head.next;
      }
      expect(listed.sort(), list).toEqual(entries.map((e) => e.id).sort());
    }
  });
});
