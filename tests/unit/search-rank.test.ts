import { describe, expect, it } from 'vitest';
import { orderByDate, pageSignals, rankPages } from '../../src/search/query/rank.ts';
import type { AnchorRef } from '../../src/search/query/engine.ts';
import { decodeContent, encodeContent, encodePrinted } from '../../src/search/content-codec.ts';
import { pageText } from '../../src/search/query/page-text.ts';
import { parseQuery } from '../../src/search/query-terms.ts';
import { tokenize } from '../../src/search/tokenizer.ts';

describe('relevance', () => {
  it('puts pages about the query or with it in a title or heading first, then by hits, then newest', () => {
    const pages = [
      { id: 'new-mention', about: false, titled: false, hits: 1 },
      { id: 'many', about: false, titled: false, hits: 9 },
      { id: 'titled', about: false, titled: true, hits: 1 },
      { id: 'about', about: true, titled: false, hits: 2 },
      { id: 'old-mention', about: false, titled: false, hits: 1 },
    ];
    expect(rankPages(pages)).toEqual(['about', 'titled', 'many', 'new-mention', 'old-mention']);
  });
  it('finds the query in the title or a heading, and counts hits', () => {
    const page = pageText(tokenize('党建引领发展医院开展党建活动'));
    const heading: AnchorRef = { kind: 'heading', first: 0, last: 6, id: 'h', section: '' };
    const terms = parseQuery('党建');
    expect(pageSignals(page, [heading], pageText(tokenize('标题')), terms)).toEqual({ titled: true, hits: 2 });
    expect(pageSignals(page, [], pageText(tokenize('标题')), terms)).toEqual({ titled: false, hits: 2 });
    expect(pageSignals(page, [], pageText(tokenize('谈党建')), terms).titled).toBe(true);
  });
  it('ranks a page without its printed text as with it, for terms without punctuation at their edges', () => {
    const text = '党建引领发展。医院开展“党建+”活动，党建党建！SBAR 交班，sbar 模式；哈哈哈。';
    const tokens = tokenize(text);
    const content = encodeContent(tokens);
    const printed = encodePrinted(tokens);
    expect(printed).not.toBe('');
    const heading: AnchorRef = { kind: 'heading', first: 0, last: 6, id: 'h', section: '' };
    const title = pageText(tokenize('谈党建与SBAR'));
    for (const q of ['党建', '党建 活动', 'sbar', '哈哈', '引领发展', '医院 不在', '党建党建']) {
      const terms = parseQuery(q);
      expect(pageSignals(pageText(decodeContent(content)), [heading], title, terms), q).toEqual(
        pageSignals(pageText(decodeContent(content, printed)), [heading], title, terms),
      );
    }
    expect(pageSignals(pageText(decodeContent(content)), [], title, parseQuery('哈哈')).hits).toBe(2);
  });
  it('orders by date either way', () => {
    expect(orderByDate(['c', 'b', 'a'], 'oldest')).toEqual(['a', 'b', 'c']);
    expect(orderByDate(['c', 'b', 'a'], 'newest')).toEqual(['c', 'b', 'a']);
  });
});
