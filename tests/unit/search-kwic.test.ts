/**
 * The concordance (KWIC) view's rows, orders and downloads, and its place in
 * the search page's URL.
 */
import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/search/index/page-record.ts';
import { buildRecord } from '../../src/search/index/record.ts';
import { decodeAnchors, pageHits } from '../../src/search/query/engine.ts';
import { KwicReader, kwicCsv, kwicJson, pageRows, sortRows, type KwicPage, type KwicRow } from '../../src/search/query/kwic.ts';
import { readState, stateSearch } from '../../src/search/query/state.ts';
import { decodeContent, encodePrinted } from '../../src/search/content-codec.ts';
import { identityFold, tokenize } from '../../src/search/tokenizer.ts';
import { pageText } from '../../src/search/query/page-text.ts';
import { parseQuery } from '../../src/search/query-terms.ts';

/** A page as the search page has it, from plain text with no anchors. */
function plainPage(text: string, q: string, extra: Partial<KwicPage> = {}): KwicPage {
  const page = pageText(tokenize(text));
  return {
    id: 'p',
    url: '/a/',
    title: '标题',
    year: '2021',
    rank: 0,
    page,
    anchors: [],
    hits: pageHits(page, parseQuery(q)).hits,
    ...extra,
  };
}

/** A page as the search page has it, from built HTML through the index record (anchors, gaps, printed text). */
function builtPage(html: string, q: string): KwicPage {
  const source = extractPage(html)!;
  const record = buildRecord(source, '/articles/x/', identityFold);
  const page = pageText(decodeContent(record.content, encodePrinted(tokenize(source.text))));
  return {
    id: 'x',
    url: '/articles/x/',
    title: source.title,
    year: '2021',
    rank: 0,
    page,
    anchors: decodeAnchors(record.meta.anchors),
    hits: pageHits(page, parseQuery(q)).hits,
  };
}

const html = `<!doctype html><html><head><title>t</title></head><body><article data-pagefind-body>
  <h1 id="t">党建引领践初心</h1>
  <dl data-pagefind-ignore><dt>日期</dt><dd>2021年</dd></dl>
  <p>医院党委坚持以党建带团建，党建工作与业务工作深度融合，推动党建和业务工作同频共振。</p>
  <section id="s1"><h2 id="s1-title">夯实根基</h2><p>支部党建有特色。</p>
  <h3 id="h-2">小标题</h3><p>第二段讲党建。</p></section>
</article></body></html>`;

describe('concordance rows', () => {
  it('gives one row per hit the result list marks, overlapping and several terms included', () => {
    expect(pageRows(plainPage('哈哈哈，哈哈', '哈哈')).map((r) => [r.left, r.hit, r.right])).toEqual([
      ['', '哈哈', '哈，哈哈'],
      ['哈', '哈哈', '，哈哈'],
      ['哈哈哈，', '哈哈', ''],
    ]);
    const page = plainPage('党建引领发展，发展靠党建。', '党建 发展');
    expect(pageRows(page).map((r) => r.hit)).toEqual(['党建', '发展', '发展', '党建']);
    const built = builtPage(html, '党建');
    expect(pageRows(built)).toHaveLength(pageHits(built.page, parseQuery('党建')).hits.length);
    expect(pageRows(built)).toHaveLength(6);
  });

  it('shows about 20 printed characters either side, never across text the page shows but the index leaves out', () => {
    const rows = pageRows(builtPage(html, '党建'));
    for (const r of rows) {
      expect([...r.left].length).toBeLessThanOrEqual(20);
      expect([...r.right].length).toBeLessThanOrEqual(20);
    }
    // The title stands before the bibliographic list (left out of the index): its context stops there.
    expect(rows[0]).toMatchObject({ left: '', hit: '党建', right: '引领践初心' });
    // The body's first hit: the title is not its left context; printed punctuation is kept.
    expect(rows[1]).toMatchObject({ left: '医院党委坚持以', right: '带团建，党建工作与业务工作深度融合，推动' });
    expect(rows[2].left).toBe('医院党委坚持以党建带团建，');
    // A heading's edge reads as a space, as in excerpts.
    expect(rows.find((r) => r.left.endsWith('支部'))?.left).toMatch(/同频共振。 ?夯实根基 支部$/);
  });

  it('reads a heading’s edge as one space, never between an opening quote and its words', () => {
    const quoted = `<!doctype html><html><body><article data-pagefind-body><section id="c">
  <h3 id="h">彰显医者情怀</h3>

  <p>“……除人类之病痛，助健康之完美。”</p></section></article></body></html>`;
    const [row] = pageRows(builtPage(quoted, '病痛'));
    expect(row.left).toBe('彰显医者情怀 “……除人类之');
    const glued = pageRows(builtPage(quoted.replace(/\n\n {2}/, ''), '病痛'))[0];
    expect(glued.left).toBe('彰显医者情怀 “……除人类之');
  });

  it('does not cut a character outside the Basic Multilingual Plane', () => {
    const [row] = pageRows(plainPage(`${'😀'.repeat(25)}党建${'𠀀'.repeat(25)}`, '党建'));
    expect(row.left).toBe('😀'.repeat(20));
    expect(row.right).toBe('𠀀'.repeat(20));
  });

  it('links each row to the exact place and names its section', () => {
    const rows = pageRows(builtPage(html, '党建'));
    expect(rows.map((r) => [r.url, r.section])).toEqual([
      ['/articles/x/#t', '党建引领践初心'],
      ['/articles/x/#t', '党建引领践初心'],
      ['/articles/x/#t', '党建引领践初心'],
      ['/articles/x/#t', '党建引领践初心'],
      ['/articles/x/#s1', '夯实根基'],
      ['/articles/x/#h-2', '小标题'],
    ]);
    expect(pageRows(plainPage('讲党建', '党建'))[0]).toMatchObject({ url: '/a/', section: '正文', title: '标题', year: '2021' });
    // A paragraph with an id is the exact place; the section still names where it stands.
    const paragraph = { kind: 'paragraph' as const, first: 0, last: 3, id: 'p-1', section: '' };
    expect(pageRows(plainPage('讲党建', '党建', { anchors: [paragraph] }))[0]).toMatchObject({ url: '/a/#p-1', section: '正文' });
  });
});

describe('concordance orders', () => {
  const row = (left: string, right: string, title: string, rank: number, at = 0): KwicRow => ({
    left,
    hit: '党建',
    right,
    title,
    section: '正文',
    year: '2021',
    url: '/a/',
    rank,
    at,
  });
  const rows = [
    row('加强', '工作', '乙', 2),
    row('抓好', '引领', '甲', 0, 5),
    row('全面加强', '品牌', '甲', 0, 1),
    row('以', '带', '丙', 1),
  ];
  const keys = (sorted: KwicRow[]) => sorted.map((r) => `${r.left}|${r.right}`);

  it('sorts the left context from the hit outwards (right to left), ties by date and place', () => {
    // 好 (hao) < 加强/全面加强 (qiang) < 以 (yi); 加强 before 全面加强 (shorter first), then by place.
    expect(keys(sortRows(rows, 'left'))).toEqual(['抓好|引领', '加强|工作', '全面加强|品牌', '以|带']);
    // Punctuation and spaces next to the hit are not words: the character before them decides.
    const punctuated = [row('以，', '', '甲', 0), row('抓好。 ', '', '甲', 1), row('加强', '', '甲', 2)];
    expect(keys(sortRows(punctuated, 'left'))).toEqual(['抓好。 |', '加强|', '以，|']);
  });
  it('sorts the right context, by article title, and by date then place in the page', () => {
    // 带 (dai) < 工作 (gong) < 品牌 (pin) < 引领 (yin).
    expect(keys(sortRows(rows, 'right'))).toEqual(['以|带', '加强|工作', '全面加强|品牌', '抓好|引领']);
    // 丙 (bing) < 甲 (jia) < 乙 (yi).
    expect(keys(sortRows(rows, 'article'))).toEqual(['以|带', '全面加强|品牌', '抓好|引领', '加强|工作']);
    expect(keys(sortRows(rows, 'date'))).toEqual(['全面加强|品牌', '抓好|引领', '以|带', '加强|工作']);
    expect(keys(rows)).toEqual(['加强|工作', '抓好|引领', '全面加强|品牌', '以|带']);
  });
});

describe('concordance downloads', () => {
  const rows: KwicRow[] = [
    { left: '=HYPERLINK("x")', hit: '党建', right: '-1,+2', title: '@标题', section: '正文', year: '2021', url: '/a/#p', rank: 0, at: 3 },
    { left: '抓好', hit: '党建', right: '工作', title: '“标题”', section: '一、', year: '', url: '/b/', rank: 1, at: 0 },
  ];
  it('writes CSV with a UTF-8 BOM, a header, CRLF lines, and cells that cannot run as formulas', () => {
    const csv = kwicCsv(rows);
    expect(csv.startsWith('\uFEFFleft,hit,right,title,section,year,url\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",党建,"'-1,+2",'@标题,正文,2021,/a/#p`);
    expect(lines[2]).toBe('抓好,党建,工作,“标题”,一、,,/b/');
    expect(lines[3]).toBe('');
  });
  it('writes JSON with the query, order, totals and the rows’ fields only', () => {
    const json = JSON.parse(kwicJson('党建', 'left', rows));
    expect(json).toEqual({
      query: '党建',
      sort: 'left',
      total: 2,
      pages: 2,
      rows: [
        { left: '=HYPERLINK("x")', hit: '党建', right: '-1,+2', title: '@标题', section: '正文', year: '2021', url: '/a/#p' },
        { left: '抓好', hit: '党建', right: '工作', title: '“标题”', section: '一、', year: '', url: '/b/' },
      ],
    });
  });
});

describe('the concordance in the URL', () => {
  it('round-trips the view and its order, the default order left out', () => {
    const state = { q: '党建', filters: { year: ['2021'] }, view: 'kwic' as const, kwicSort: 'left' as const };
    expect(stateSearch(state)).toBe('?q=%E5%85%9A%E5%BB%BA&year=2021&view=kwic&kwic-sort=left');
    expect(readState(stateSearch(state))).toEqual(state);
    expect(readState('?q=x&view=kwic&kwic-sort=date')).toEqual({ q: 'x', filters: {}, view: 'kwic' });
    expect(stateSearch({ q: 'x', filters: {}, view: 'kwic', kwicSort: 'date' })).toBe('?q=x&view=kwic');
  });
  it('ignores an unknown view or order, and the order without the view', () => {
    expect(readState('?q=x&view=grid&kwic-sort=left')).toEqual({ q: 'x', filters: {} });
    expect(readState('?q=x&view=kwic&kwic-sort=bogus')).toEqual({ q: 'x', filters: {}, view: 'kwic' });
    expect(stateSearch({ q: 'x', filters: {}, kwicSort: 'right' })).toBe('?q=x');
  });
});

describe('reading a concordance’s pages', () => {
  /** A result page with `n` rows, as the view would read it. */
  const rowsOf = (n: number) => async (id: string, rank: number) =>
    Array.from(
      { length: n },
      (_, at): KwicRow => ({ left: '', hit: '党建', right: '', title: id, section: '正文', year: '', url: `/${id}/`, rank, at }),
    );
  const order = Array.from({ length: 1000 }, (_, i) => `p${i}`);

  it('reads only the batches the rows on screen need, in date order, and every page when asked', async () => {
    const read: string[] = [];
    const reader = new KwicReader(
      order,
      (id, rank) => {
        read.push(id);
        return rowsOf(15)(id, rank);
      },
      () => true,
    );
    expect(await reader.readUntil(() => reader.rows.length >= 100)).toBe(true);
    // 100 rows need 7 pages of 15: one batch of 12 pages, not the 1,000.
    expect([reader.read, reader.rows.length, reader.complete]).toEqual([12, 180, false]);
    expect(read).toEqual(order.slice(0, 12));
    await reader.readUntil(() => reader.rows.length >= 200);
    expect([reader.read, reader.rows.length]).toEqual([24, 360]);
    expect(reader.rows.map((r) => r.rank)).toEqual(reader.rows.map((r) => Number(r.title.slice(1))));
    let batches = 0;
    await reader.readUntil(
      () => false,
      () => batches++,
    );
    expect([reader.read, reader.rows.length, reader.pagesWithRows, reader.complete, batches]).toEqual([1000, 15000, 1000, true, 82]);
  });

  it('counts only pages that give rows, and stops when a newer search has started', async () => {
    let current = true;
    const reader = new KwicReader(
      order.slice(0, 30),
      (id, rank) => {
        // The last batch's reading is overtaken by a new search.
        if (rank === 29) current = false;
        return rowsOf(rank % 2)(id, rank);
      },
      () => current,
      10,
    );
    await reader.readUntil(() => reader.read >= 20);
    expect([reader.read, reader.pagesWithRows, reader.rows.length]).toEqual([20, 10, 10]);
    expect(await reader.readUntil(() => false)).toBe(false);
    expect(reader.read).toBe(20);
  });
});
