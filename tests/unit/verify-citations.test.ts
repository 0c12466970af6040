/**
 * How verify-citations reads what BibTeX, biber, LaTeX and Zotero say: the
 * messages are attributed to the entry they name, and a Zotero item is held
 * to the page's own meta tags. (Running the programs is `npm run
 * verify:citations`, which needs TeX; these tests do not.)
 */
import { describe, expect, it } from 'vitest';
import { parseBiberOutput, parseBibtexLog, parseLatexLog } from '../../tools/verify-citations/tex.ts';
import { differences, expectedFromPage, type ZoteroItem } from '../../tools/verify-citations/zotero.ts';

describe('BibTeX, biber and LaTeX messages', () => {
  it('gives each BibTeX warning and error the entry or file it names', () => {
    const log = [
      'Database file #1: benxi.bib',
      'Illegal end of database file---line 5 of file benxi.bib',
      ' : @article{y, title={t}',
      "I'm skipping whatever remains of this entry",
      'Warning--empty journal in benxi-central-red-key',
      'Warning--empty year in benxi-central-red-key',
      '(There was 1 error message)',
    ].join('\n');
    expect(parseBibtexLog(log)).toEqual([
      { program: 'bibtex', entry: 'benxi', severity: 'error', message: 'Illegal end of database file (line 5)' },
      { program: 'bibtex', entry: 'benxi-central-red-key', severity: 'warning', message: 'empty journal in benxi-central-red-key' },
      { program: 'bibtex', entry: 'benxi-central-red-key', severity: 'warning', message: 'empty year in benxi-central-red-key' },
    ]);
    expect(parseBibtexLog("I couldn't open style file plain.bst")).toEqual([
      { program: 'bibtex', entry: '*', severity: 'error', message: "I couldn't open style file plain.bst" },
    ]);
  });

  it("takes biber's WARN and ERROR lines, naming the entry", () => {
    const output = [
      'INFO - This is Biber 2.18',
      "WARN - Datamodel: Entry 'gaoan-tcm-party-building' (all.bib): Field 'journal' invalid in data model - ignoring",
      "ERROR - BibTeX subsystem: all.bib, line 4, syntax error: found end of entry, expected one of: '=' or ...",
      'INFO - WARNINGS: 1',
    ].join('\n');
    expect(parseBiberOutput(output, 'biber').map((f) => [f.entry, f.severity])).toEqual([
      ['gaoan-tcm-party-building', 'warning'],
      ['*', 'error'],
    ]);
  });

  it('reports biblatex warnings and LaTeX errors, not the rerun notices', () => {
    const log = [
      'Package biblatex Warning: Please (re)run Biber on the file:',
      '(biblatex)                doc',
      '(biblatex)                and rerun LaTeX afterwards.',
      '',
      'Package biblatex Warning: Biber reported the following issues',
      "(biblatex)                with 'suizhou-central-party-building':",
      "(biblatex)                - Datamodel: Field 'journal' invalid.",
      '',
      '! Undefined control sequence.',
    ].join('\n');
    expect(parseLatexLog(log).map((f) => [f.entry, f.severity])).toEqual([
      ['suizhou-central-party-building', 'warning'],
      ['*', 'error'],
    ]);
  });
});

describe('a Zotero item against the page', () => {
  const page = [
    '<meta name="citation_title" content="党建引领践初心：随州市中心医院&quot;纪实&quot;">',
    '<meta name="citation_author" content="王, 松">',
    '<meta name="citation_author" content="欧阳, 晓峰">',
    '<meta name="citation_publication_date" content="2021/06">',
    '<meta name="citation_language" content="zh-CN">',
    '<meta name="citation_public_url" content="https://archive.example.org/articles/a/">',
    '<meta name="citation_abstract" content="导语">',
    '<meta name="citation_keywords" content="随州市中心医院">',
    '<meta name="citation_keywords" content="湖北省">',
    '<meta name="prism.publicationName" content="随州日报">',
  ].join('');
  const expected = expectedFromPage(page);
  const item: ZoteroItem = {
    itemType: 'newspaperArticle',
    title: '党建引领践初心：随州市中心医院"纪实"',
    creators: [
      { lastName: '王', firstName: '松', creatorType: 'author' },
      { lastName: '欧阳', firstName: '晓峰', creatorType: 'author' },
    ],
    date: '2021-06',
    publicationTitle: '随州日报',
    language: 'zh-CN',
    url: 'https://archive.example.org/articles/a/',
    abstractNote: '导语',
    tags: [{ tag: '随州市中心医院' }, { tag: '湖北省' }],
  };

  it('reads what the page states, names split at the comma', () => {
    expect(expected.authors).toEqual([
      { family: '王', given: '松' },
      { family: '欧阳', given: '晓峰' },
    ]);
    expect(expected.date).toBe('2021-06');
    expect(expected.newspaper).toBe('随州日报');
    expect(expected.tags).toEqual(['随州市中心医院', '湖北省']);
  });

  it('finds no difference in an item that says the same', () => {
    expect(differences(item, expected, 'web')).toEqual([]);
  });

  it('names each field that differs', () => {
    const journal: ZoteroItem = {
      ...item,
      itemType: 'journalArticle',
      creators: [
        { name: '王松', creatorType: 'author' },
        { name: '欧阳晓峰', creatorType: 'author' },
      ],
      journalAbbreviation: '随州日报',
      tags: [],
    };
    expect(differences(journal, expected, 'ris').map((d) => d.field)).toEqual(['itemType', 'nameFields', 'journalAbbreviation', 'tags']);
  });

  it('expects a BibTeX import to carry [出版者不详] where the page names no newspaper', () => {
    const unknown = expectedFromPage(page.replace(/<meta name="prism\.publicationName"[^>]*>/, ''));
    const fields = (publicationTitle?: string) => differences({ ...item, publicationTitle }, unknown, 'bib').map((d) => d.field);
    expect(fields('[出版者不详]')).toEqual([]);
    expect(fields(undefined)).toEqual(['publicationTitle']);
    expect(differences({ ...item, publicationTitle: undefined }, unknown, 'web')).toEqual([]);
  });
});
