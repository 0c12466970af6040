import { describe, expect, it } from 'vitest';
import { classify, searchForm, searchFormChars, tokenize } from '../../src/search/tokenizer.ts';
import { decodeContent, encodeContent, encodePrinted } from '../../src/search/content-codec.ts';
import { findHits, pageText } from '../../src/search/query/page-text.ts';
import { isExact, pagefindPhrase, parseQuery } from '../../src/search/query-terms.ts';
import { t2sTable } from '../../src/search/t2s-table.ts';
import { foldWith } from '../../src/search/t2s.ts';
import { evalNormalize as norm } from '../../tools/shared/search-truth.ts';

const fold = foldWith(t2sTable());
const keys = (s: string) => tokenize(s, fold).map((t) => t.key);
const matches = (text: string, q: string) => {
  const tokens = tokenize(text, fold);
  const page = pageText(decodeContent(encodeContent(tokens), encodePrinted(tokens)));
  return parseQuery(q, fold).every((t) => findHits(page, t).length > 0);
};

describe('the search form of a text', () => {
  it('equals NFKC of the whole string, without whitespace', () => {
    const samples = ['ＡＢＣ１２３　医院', 'e\u0301te\u0301', '㈱党建①Ⅻ', 'ﬁ\u00a0x', '한국어 텍스트', '𠀀𪚥 ok', 'a\u0308\u0304b'];
    for (const s of samples) expect(searchForm(s)).toBe(s.normalize('NFKC').replace(/\s+/gu, ''));
  });
  it('keeps each character’s source offset', () => {
    const chars = searchFormChars('党 建\n工作');
    expect(chars.map((c) => [c.ch, c.at])).toEqual([
      ['党', 0],
      ['建', 2],
      ['工', 4],
      ['作', 5],
    ]);
  });
  it('folds Traditional characters to Simplified', () => {
    expect(searchForm('醫院開展體系', fold)).toBe('医院开展体系');
  });
});

describe('tokens', () => {
  it('classifies characters', () => {
    expect(['院', 'a', '7', '、', '，', '_', '+', 'é', '😀'].map(classify)).toEqual([
      'han',
      'alnum',
      'alnum',
      'join',
      'punct',
      'other',
      'other',
      'other',
      'other',
    ]);
  });
  it('gives one key per character: Han as is, ASCII lower-cased, the rest as x + hex', () => {
    expect(keys('党建DRGs，+é')).toEqual(['党', '建', 'd', 'r', 'g', 's', 'x2c', 'x2b', 'xe9']);
  });
  it('attaches punctuation between Han and Latin/digits to the Latin side', () => {
    const t = tokenize('展“1457”战略', fold);
    expect(t.map((x) => x.key)).toEqual(['展', '1', '4', '5', '7', '战', '略']);
    expect(t.map((x) => x.text)).toEqual(['展“', '1', '4', '5', '7”', '战', '略']);
  });
  it('gives joining punctuation no key, attached to the token before it', () => {
    expect(keys('一支部、一品牌')).toEqual(['一', '支', '部', '一', '品', '牌']);
    expect(keys('《党建》「引领」『X』·‘Y’"Z"\'W\'')).toEqual(['党', '建', '引', '领', 'x', 'y', 'z', 'w']);
    expect(tokenize('一支部、一品牌', fold)[2].text).toBe('部、');
  });
  it('keeps clause and sentence punctuation as tokens of their own', () => {
    expect(keys('使命，锦医。好；是：对！吗？')).toEqual([
      '使',
      '命',
      'x2c',
      '锦',
      '医',
      'x3002',
      '好',
      'x3b',
      '是',
      'x3a',
      '对',
      'x21',
      '吗',
      'x3f',
    ]);
  });
  it('keeps the printed text: punctuation, full-width forms, case, one space for whitespace', () => {
    const printed = '（一）党建引领，“5个1+N”、DRGs  付费！\n第二段：好。';
    const tokens = tokenize(printed, fold);
    const shown = pageText(decodeContent(encodeContent(tokens), encodePrinted(tokens))).text;
    expect(shown).toBe(printed.replace(/\s+/g, ' '));
  });
  it('round-trips through index content', () => {
    const text = '【党建引领】“5个1+N”方式, DRGs（疾病诊断）😀 Ωmega';
    const tokens = tokenize(text, fold);
    const back = decodeContent(encodeContent(tokens), encodePrinted(tokens));
    expect(back.map((t) => t.key)).toEqual(tokens.map((t) => t.key));
    // Letters outside ASCII are stored by their lower-case key, so they come back lower-cased.
    expect(back.map((t) => t.text).join('')).toBe(
      tokens
        .map((t) => t.text)
        .join('')
        .replace('Ω', 'ω'),
    );
  });
  it('decodes every kind of word as it was tokenized: Han of every block, letters, digits, punctuation', () => {
    const text = '党建〇㐀𠀀豈，A1z、“Ω”！';
    const tokens = tokenize(text, fold);
    const fields = (ts: typeof tokens) => ts.map(({ key, core, text, lead, size }) => ({ key, core, text, lead, size }));
    expect(fields(decodeContent(encodeContent(tokens), encodePrinted(tokens)))).toEqual(
      fields(tokens).map((t) => (t.core === 'Ω' ? { ...t, core: 'ω', text: t.text.replace('Ω', 'ω') } : t)),
    );
    // Zero-width spaces between words, as Pagefind may keep them, separate words like spaces.
    expect(decodeContent('党\u200B建  医\u200B\u200B院').map((t) => t.key)).toEqual(['党', '建', '医', '院']);
  });
  it('writes content words Pagefind keeps as they are', () => {
    for (const word of encodeContent(tokenize('医院,“DRGs”付费 x3001 _ #', fold)).split(' ')) {
      expect(word).not.toMatch(/\s/);
      expect(word.startsWith('_')).toBe(false);
    }
  });
});

describe('queries', () => {
  it('splits on whitespace, ideographic space included, and drops duplicates', () => {
    expect(parseQuery('安康　党建 安康').map((t) => t.raw)).toEqual(['安康', '党建']);
  });
  it('folds Traditional queries', () => {
    expect(parseQuery('安康市中心醫院', fold)[0].keys.join('')).toBe('安康市中心医院');
  });
  it('checks punctuation typed at a term’s edge on the page instead of looking it up', () => {
    const [t] = parseQuery('（1457）', fold);
    expect(t).toMatchObject({ keys: ['1', '4', '5', '7'], lead: '(', trail: ')' });
    expect(isExact(t)).toBe(false);
    expect(pagefindPhrase(t.keys)).toBe('"1 4 5 7"');
  });
  it('takes quotes as marks of a phrase, not as characters to find', () => {
    expect(parseQuery('“1457”', fold)).toMatchObject([{ keys: ['1', '4', '5', '7'], lead: '', trail: '' }]);
    expect(parseQuery('"党建 引领" 医院', fold).map((t) => t.keys.join(''))).toEqual(['党建引领', '医院']);
    expect(parseQuery('“党建　引领”', fold).map((t) => t.keys.join(''))).toEqual(['党建引领']);
    expect(isExact(parseQuery('《党建》', fold)[0])).toBe(true);
  });
  it('checks a punctuation-only term on the page text', () => {
    const [t] = parseQuery('，。', fold);
    expect(t).toMatchObject({ keys: ['x2c', 'x3002'], lead: ',。', punct: true });
    expect(isExact(t)).toBe(false);
  });
  it('never drops a term: every non-space character is a key', () => {
    for (const q of ['😀', '<script>', '&amp;', '+', '䶵', '\u200b']) expect(parseQuery(q).length).toBe(1);
  });
});

describe('matching', () => {
  const text = '新时代赋予新使命，锦医一院人奋力开启创新发展“1457”战略。\n推行“党建+科研”、DRGs 付费改革，一支部、一品牌。';
  it('finds any substring of the normalized text, across line breaks', () => {
    const n = norm(text);
    for (let i = 0; i < n.length; i += 3) {
      for (const len of [1, 2, 5, 9]) {
        const q = n.slice(i, i + len);
        expect(matches(text, q), q).toBe(true);
      }
    }
  });
  it('finds names typed without the quotes the text has', () => {
    expect(matches(text, '1457战略')).toBe(true);
    expect(matches(text, '“1457”战略')).toBe(true);
  });
  it('does not find what is not there', () => {
    for (const q of ['党建科研', '1458', '战略1457', 'DRGS付费改革x', '62']) expect(matches(text, q), q).toBe(false);
    // Punctuation between a digit and a Han character is not needed.
    expect(matches(text, '1457战')).toBe(true);
  });
  it('skips joining punctuation on both sides', () => {
    for (const q of ['一支部一品牌', '一支部、一品牌', '部“一品', '《一支部》', '“党建+科研”DRGs', '开启创新发展1457'])
      expect(matches(text, q), q).toBe(true);
  });
  it('does not match across clause or sentence punctuation', () => {
    for (const q of ['新使命锦医', '战略推行', '改革一支部', '使命、锦医']) expect(matches(text, q), q).toBe(false);
    expect(matches(text, '新使命，锦医')).toBe(true);
    expect(matches(text, '新使命,锦医')).toBe(true);
  });
  it('matches Latin letters case- and width-insensitively', () => {
    expect(matches(text, 'drgs')).toBe(true);
    expect(matches(text, 'ＤＲＧＳ')).toBe(true);
  });
  it('requires every term', () => {
    expect(matches(text, '锦医一院 DRGs')).toBe(true);
    expect(matches(text, '锦医一院 本溪')).toBe(false);
  });
  it('finds Traditional queries in Simplified text', () => {
    expect(matches(text, '錦醫一院')).toBe(true);
    expect(matches(text, '黨建+科研')).toBe(true);
  });
  it('returns highlight ranges in the display text', () => {
    const page = pageText(tokenize(text, fold));
    const [hit] = findHits(page, parseQuery('1457战略', fold)[0]);
    expect(page.text.slice(hit.from, hit.to)).toBe('1457”战略');
  });
});
