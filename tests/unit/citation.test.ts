import { describe, expect, it } from 'vitest';
import { bylineAuthors, formatBibtex, formatGbt7714, formatRis, highwireTags, type CitationInput } from '../../src/cite/citation.ts';
import { coinsContextObject, coinsFields } from '../../src/cite/coins.ts';
import { toCsv } from '../../src/cite/csv.ts';
import { invertedName, splitChineseName } from '../../src/cite/names.ts';

const article: CitationInput = {
  id: 'benxi-central-red-key',
  title: '紧握行稳致远“红色密钥”',
  subtitle: '——本溪市中心医院以党建引领高质量发展',
  authors: ['邹欣芮', '张威', '杨玲玲', '赵聪'],
  date: { value: '2023', precision: 'year', inferred: '文中称“2023年是全面贯彻落实党的二十大精神开局之年”。' },
  url: 'https://example.org/articles/benxi-central-red-key/',
};

describe('bylineAuthors', () => {
  it('reads the names out of a printed byline', () => {
    expect(bylineAuthors('□本报记者 邹欣芮 特约记者 张威 通讯员 杨玲玲 赵聪')).toEqual(['邹欣芮', '张威', '杨玲玲', '赵聪']);
    expect(bylineAuthors('随州日报全媒体记者 王松 通讯员 熊仕伟 蒋小科')).toEqual(['王松', '熊仕伟', '蒋小科']);
    expect(bylineAuthors('(陈春伟 朱少荣)')).toEqual(['陈春伟', '朱少荣']);
    expect(bylineAuthors(undefined)).toEqual([]);
  });
});

describe('GB/T 7714-2015', () => {
  it('cites a newspaper article online, with at most three authors and inferred facts in brackets', () => {
    expect(formatGbt7714(article)).toBe(
      '邹欣芮, 张威, 杨玲玲, 等. 紧握行稳致远“红色密钥”：本溪市中心医院以党建引领高质量发展[N/OL]. [出版者不详], [2023]. https://example.org/articles/benxi-central-red-key/.',
    );
  });

  it('gives a stated paper, date and page as printed', () => {
    expect(
      formatGbt7714({
        ...article,
        authors: ['王松'],
        subtitle: undefined,
        newspaper: { value: '随州日报' },
        date: { value: '2021-06-30', precision: 'day' },
        page: '3',
      }),
    ).toBe('王松. 紧握行稳致远“红色密钥”[N/OL]. 随州日报, 2021-06-30(3). https://example.org/articles/benxi-central-red-key/.');
  });

  it('cites one paragraph: its ordinal where a serial has its pages, the URL with its fragment', () => {
    const paragraph = { ordinal: 12, id: 'p-0k3z9a' };
    expect(formatGbt7714({ ...article, authors: ['王松'], subtitle: undefined, page: '3' }, paragraph)).toBe(
      '王松. 紧握行稳致远“红色密钥”[N/OL]. [出版者不详], [2023](3): 第12段. https://example.org/articles/benxi-central-red-key/#p-0k3z9a.',
    );
    const dotted = { ...article, authors: [], subtitle: undefined, title: '标题. 有句点', newspaper: { value: 'A. B. Daily' } };
    expect(formatGbt7714(dotted, paragraph)).toMatch(
      /^标题\. 有句点\[N\/OL\]\. A\. B\. Daily, \[2023\]: 第12段\. https:\/\/\S+\/#p-0k3z9a\.$/,
    );
    expect(formatGbt7714(article, paragraph)).toMatch(
      /, \[2023\]: 第12段\. https:\/\/example\.org\/articles\/benxi-central-red-key\/#p-0k3z9a\.$/,
    );
  });
});

describe('BibTeX and RIS', () => {
  it('BibTeX names every author and says the date is inferred', () => {
    const bib = formatBibtex(article);
    expect(bib).toContain('@article{benxi-central-red-key,');
    expect(bib).toContain('entrysubtype = {newspaper}');
    expect(bib).toContain('author = {邹欣芮 and 张威 and 杨玲玲 and 赵聪}');
    expect(bib).toContain('date = {2023}');
    expect(bib).toContain('year = {2023}');
    expect(bib).toContain('journal = {[出版者不详]}');
    // biblatex reads journal as journaltitle; both at once make biber reject journal and Zotero take it for an abbreviation.
    expect(bib).not.toContain('journaltitle');
    expect(bib).not.toMatch(/^\s*note =/m);
    // biblatex's standard styles print a language field verbatim ("zh-CN") in the reference; langid is all it needs.
    expect(bib).toContain('langid = {chinese}');
    expect(bib).not.toMatch(/^\s*language =/m);
    expect(bib).toMatch(/annotation = \{日期系推定：.*报纸名原文未载。\}/);
  });

  it('BibTeX gives a month macro beside the date where the month is known', () => {
    const bib = formatBibtex({ ...article, date: { value: '2021-06', precision: 'month' } } as CitationInput);
    expect(bib).toContain('date = {2021-06}');
    expect(bib).toContain('year = {2021}');
    expect(bib).toContain('  month = jun,');
  });

  it('BibTeX and RIS carry the lede and the tags for reference managers, escaped for BibTeX', () => {
    const extras = { abstract: '导语含50%与{括号}', keywords: ['甲医院', '湖北省'] };
    const bib = formatBibtex(article, extras);
    expect(bib).toContain('  abstract = {导语含50\\%与\\{括号\\}},');
    expect(bib).toContain('  keywords = {甲医院, 湖北省},');
    const ris = formatRis(article, extras).split('\r\n');
    expect(ris).toContain('AB  - 导语含50%与{括号}');
    expect(ris.filter((l) => l.startsWith('KW  - '))).toEqual(['KW  - 甲医院', 'KW  - 湖北省']);
    expect(formatBibtex(article)).not.toMatch(/abstract|keywords/);
    expect(formatRis(article)).not.toMatch(/^(AB|KW) /m);
  });

  it('RIS is a NEWS record with one AU line per author and CRLF line ends', () => {
    const ris = formatRis(article);
    expect(ris.split('\r\n').slice(0, 7)).toEqual([
      'TY  - NEWS',
      'TI  - 紧握行稳致远“红色密钥”：本溪市中心医院以党建引领高质量发展',
      'AU  - 邹, 欣芮',
      'AU  - 张, 威',
      'AU  - 杨, 玲玲',
      'AU  - 赵, 聪',
      'PY  - 2023',
    ]);
    expect(ris.endsWith('ER  -\r\n')).toBe(true);
  });

  it('Highwire tags carry title, authors and date for Zotero', () => {
    const tags = highwireTags(article);
    expect(tags.filter((t) => t.name === 'citation_author').map((t) => t.content)).toEqual(['邹, 欣芮', '张, 威', '杨, 玲玲', '赵, 聪']);
    expect(tags.find((t) => t.name === 'citation_publication_date')?.content).toBe('2023');
  });

  it('make the item a newspaper article with its newspaper, never a journal article', () => {
    const tags = highwireTags({ ...article, newspaper: { value: '随州日报' } }, { abstract: '导语', keywords: ['甲医院', '湖北省'] });
    const value = (name: string) => tags.filter((t) => t.name === name).map((t) => t.content);
    expect(value('DC.type')).toEqual(['newspaperArticle']);
    expect(value('prism.publicationName')).toEqual(['随州日报']);
    expect(value('citation_journal_title')).toEqual([]);
    expect(value('citation_publisher')).toEqual([]);
    expect(value('citation_abstract')).toEqual(['导语']);
    expect(value('citation_keywords')).toEqual(['甲医院', '湖北省']);
    expect(value('citation_language')).toEqual(['zh-CN']);
  });
});

describe('Chinese names as family and given name', () => {
  it('takes the first character as the family name, or a compound surname', () => {
    expect(splitChineseName('王松')).toEqual({ family: '王', given: '松' });
    expect(splitChineseName('杨玲玲')).toEqual({ family: '杨', given: '玲玲' });
    expect(splitChineseName('欧阳晓峰')).toEqual({ family: '欧阳', given: '晓峰' });
    expect(splitChineseName('司马迁')).toEqual({ family: '司马', given: '迁' });
    // Two characters are always family and given name, whatever they spell.
    expect(splitChineseName('欧阳')).toEqual({ family: '欧', given: '阳' });
  });

  it('leaves alone what is not a two- to four-character Han name', () => {
    expect(invertedName('赵聪')).toBe('赵, 聪');
    expect(invertedName('王')).toBe('王');
    expect(invertedName('John Smith')).toBe('John Smith');
    expect(invertedName('随州日报社编辑部')).toBe('随州日报社编辑部');
  });
});

describe('CSV', () => {
  it('starts with a BOM, quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv(
      ['name', 'note'],
      [
        { name: '随州市中心医院', note: '含,逗号与"引号"' },
        { name: '=1+1', note: null },
      ],
    );
    expect(csv).toBe('\uFEFFname,note\r\n随州市中心医院,"含,逗号与""引号"""\r\n\'=1+1,\r\n');
  });
});

describe('COinS', () => {
  const read = (co: string) => co.split('&').map((kv) => kv.split('=').map((part) => decodeURIComponent(part)));

  it('is a Dublin Core ContextObject of a newspaper article, with authors in two fields and tags as subjects', () => {
    const co = coinsContextObject(
      { ...article, newspaper: { value: '随州日报' } },
      { abstract: '导语，有“引号”&符号=。', keywords: ['甲医院', '湖北省'] },
    );
    expect(read(co)).toEqual([
      ['ctx_ver', 'Z39.88-2004'],
      ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc'],
      ['rft.type', 'newspaperArticle'],
      ['rft.title', '紧握行稳致远“红色密钥”：本溪市中心医院以党建引领高质量发展'],
      ['rft.aulast', '邹'],
      ['rft.aufirst', '欣芮'],
      ['rft.aulast', '张'],
      ['rft.aufirst', '威'],
      ['rft.aulast', '杨'],
      ['rft.aufirst', '玲玲'],
      ['rft.aulast', '赵'],
      ['rft.aufirst', '聪'],
      ['rft.date', '2023'],
      ['rft.source', '随州日报'],
      ['rft_id', 'https://example.org/articles/benxi-central-red-key/'],
      ['rft.language', 'zh-CN'],
      ['rft.description', '导语，有“引号”&符号=。'],
      ['rft.subject', '甲医院'],
      ['rft.subject', '湖北省'],
    ]);
    // Han characters as they are (gzip finds them in the page head); ASCII delimiters escaped.
    expect(co).toContain('rft.title=紧握行稳致远');
    expect(co).toContain('rft.description=导语，有“引号”%26符号%3D。');
  });

  it('leaves out a value with a plus sign, which Zotero would read as a space, and keeps a name it cannot split whole', () => {
    const fields = coinsFields({ ...article, authors: ['Anna Li'] }, { abstract: '“党建+科研”', keywords: ['党建+', '湖北省'] });
    expect(fields.filter(([k]) => k === 'rft.description' || k === 'rft.subject')).toEqual([['rft.subject', '湖北省']]);
    expect(fields.filter(([k]) => k.startsWith('rft.au'))).toEqual([['rft.au', 'Anna Li']]);
  });
});
