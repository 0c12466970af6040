import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/model/archive.ts';
import { buildListings, initialOf, pinyinKey } from '../../src/model/listings.ts';
import { groupIndex, groupRuns, PAGE_BLOCK, PER_PAGE, pageLinks, pagePath, pageRoutes, paginate } from '../../src/model/pagination.ts';

/** 10,000 entries, as the synthetic archive's largest size has reports, in groups of uneven size. */
const entries = Array.from({ length: 10_000 }, (_, i) => ({ id: `e${i}`, group: `g${Math.floor(Math.sqrt(i))}` }));

describe('paginate', () => {
  const pages = paginate(entries, '/articles/');

  it('puts every entry on exactly one page, in order, and no page holds more than PER_PAGE', () => {
    expect(pages.flatMap((p) => p.items)).toEqual(entries);
    expect(Math.max(...pages.map((p) => p.items.length))).toBeLessThanOrEqual(PER_PAGE);
    expect(pages).toHaveLength(Math.ceil(entries.length / PER_PAGE));
    for (const p of pages) expect(p.offset).toBe((p.number - 1) * PER_PAGE);
  });

  it('keeps the list URL as page 1 and numbers the rest under page/', () => {
    expect(pages.map((p) => p.path).slice(0, 3)).toEqual(['/articles/', '/articles/page/2/', '/articles/page/3/']);
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
    expect(pageRoutes(pages.slice(0, 2), { year: '2021' }).map((r) => r.params)).toEqual([
      { year: '2021', page: undefined },
      { year: '2021', page: 'page/2' },
    ]);
  });

  it('chains the pages by prev and next', () => {
    expect(pages[0].prev).toBeUndefined();
    expect(pages.at(-1)!.next).toBeUndefined();
    for (const [i, p] of pages.entries()) {
      if (i > 0) expect(p.prev).toBe(pages[i - 1].path);
      if (i + 1 < pages.length) expect(p.next).toBe(pages[i + 1].path);
    }
  });

  it('gives an empty list its one page, and refuses bad input by name', () => {
    expect(paginate([], '/x/')).toMatchObject([{ number: 1, total: 1, items: [], path: '/x/' }]);
    expect(() => paginate(entries, '/x')).toThrow(/list path "\/x" must end with "\/"/);
    expect(() => paginate(entries, '/x/', 0)).toThrow(/perPage must be a positive integer, got 0/);
  });
});

describe('pageLinks', () => {
  it('reaches every page from every page in two clicks with about total/10 + 10 links', () => {
    const total = 357; // the measures list at 10,000 reports
    const links = (n: number) => pageLinks(n, total).filter((x): x is number => x !== 'gap');
    for (let from = 1; from <= total; from++) {
      const one = new Set(links(from));
      expect(one.has(from)).toBe(true);
      expect(one.size).toBeLessThanOrEqual(Math.ceil(total / PAGE_BLOCK) + PAGE_BLOCK + 1);
      const two = new Set([...one].flatMap(links));
      expect([...Array(total).keys()].map((i) => i + 1).filter((n) => !two.has(n))).toEqual([]);
    }
  });

  it('marks gaps between numbers that are not adjacent, and lists short runs whole', () => {
    expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(15, 40)).toEqual([1, 'gap', 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 'gap', 31, 'gap', 40]);
  });
});

describe('groups of a paginated list', () => {
  const pages = paginate(entries, '/people/');
  const index = groupIndex(
    pages,
    (e) => e.group,
    (g) => `initial-${g}`,
  );

  it('index every group once, with its size and the page where it starts', () => {
    expect(index.reduce((n, g) => n + g.count, 0)).toBe(entries.length);
    for (const g of index) {
      const first = entries.findIndex((e) => e.group === g.key);
      expect(g.path).toBe(`${pagePath('/people/', Math.floor(first / PER_PAGE) + 1)}#initial-${g.key}`);
    }
  });

  it('shows on each page the runs of its entries, one heading a group', () => {
    const runs = groupRuns(pages[1].items, (e) => e.group);
    expect(runs.flatMap((r) => r.items)).toEqual(pages[1].items);
    expect(new Set(runs.map((r) => r.key)).size).toBe(runs.length);
  });
});

describe('pinyin order of names', () => {
  it('reads a surname as a surname and ignores punctuation', () => {
    expect(pinyinKey('曾国藩', { surname: true })).toBe('zeng1 guo2 fan1');
    expect(pinyinKey('单雄信', { surname: true })).toBe('shan4 xiong2 xin4');
    expect(pinyinKey('“党建+”品牌')).toBe('dang3 jian4 pin3 pai2');
  });

  it('files a key under its first letter, or # when it starts with a digit', () => {
    expect(initialOf('zeng1 guo2')).toBe('Z');
    expect(initialOf('5g zhi4')).toBe('#');
    expect(initialOf('')).toBe('#');
  });
});

describe('the order of the people and measures lists', () => {
  const entry = (id: string, data: Record<string, string>) => [id, { id, entry: { data } }] as const;
  const archive = (measures: [string, string, string][]) =>
    ({
      provinces: [],
      hospitals: new Map(),
      people: new Map([entry('z', { name: '曾国藩' }), entry('a', { name: '安然' }), entry('s', { name: '单雄信' })]),
      measures: new Map(measures.map(([id, name, kind]) => entry(id, { name, kind }))),
    }) as unknown as Archive;

  it('files people by the pinyin of the name under its initial, and measures kind by kind, then by pinyin', () => {
    const listings = buildListings(
      archive([
        ['m1', '铸魂工程', 'programme'],
        ['m2', '安心工程', 'programme'],
        ['m3', '红色品牌', 'brand'],
      ]),
    );
    expect(listings.people.map((p) => [p.person.id, p.initial])).toEqual([
      ['a', 'A'],
      ['s', 'S'],
      ['z', 'Z'],
    ]);
    expect(listings.measures.map((m) => m.measure.id)).toEqual(['m3', 'm2', 'm1']);
  });

  it('names a measure kind that has no label', () => {
    expect(() => buildListings(archive([['m1', '铸魂工程', 'nonsense']]))).toThrow(
      'measure kind(s) nonsense have no label in MEASURE_KINDS',
    );
  });
});
