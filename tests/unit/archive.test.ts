import { describe, expect, it } from 'vitest';
import { buildArchive, homeLists } from '../../src/model/archive.ts';
import { passageAround, plainText, splitSections } from '../../src/model/body-text.ts';
import { measureCore, SIMILAR_SHOWN, similarNames } from '../../src/model/similar-measures.ts';

describe('plainText', () => {
  it('drops marks, emphasis, tags and heading hashes but keeps the words', () => {
    expect(plainText('## 标题\n\n**“党建+”**品牌[[c3]]。\n\n<p class="caption">医院外景</p>')).toBe('标题\n\n“党建+”品牌。\n\n医院外景');
  });
});

describe('splitSections', () => {
  it('cuts a body at its declared section headings', () => {
    const body = '编者按正文\n\n### 多维度发力\n\n陈国旗文。\n\n#### 小标题\n\n续。\n\n### 创先争优\n\n马玉林文。';
    const parts = splitSections(body, [
      { id: 'a', heading: '多维度发力' },
      { id: 'b', heading: '创先争优' },
    ]);
    expect(parts.get('a')).toBe('多维度发力\n\n陈国旗文。\n\n小标题\n\n续。');
    expect(parts.get('b')).toBe('创先争优\n\n马玉林文。');
  });
});

describe('passageAround', () => {
  const text = '近年来，医院发展很快。安康市中心医院门诊党支部书记陈国旗来自门诊服务部。其余从略。';
  it('quotes the sentence that names the thing', () => {
    expect(passageAround(text, ['陈国旗'])).toBe('安康市中心医院门诊党支部书记陈国旗来自门诊服务部。');
  });
  it('shortens a long sentence around the name', () => {
    const long = `${'甲'.repeat(100)}陈国旗${'乙'.repeat(100)}。`;
    const p = passageAround(long, ['陈国旗'], 40)!;
    expect(p).toContain('陈国旗');
    expect(p.startsWith('…') && p.endsWith('…')).toBe(true);
  });
  it('prefers running text to a heading or caption that names the thing', () => {
    expect(
      passageAround('大足区人民医院 党建“六大工程”\n\n大足区人民医院新院区\n\n近年来，大足区人民医院始终坚持为民。', ['大足区人民医院']),
    ).toBe('近年来，大足区人民医院始终坚持为民。');
  });

  it('gives nothing when the name is absent', () => {
    expect(passageAround(text, ['李芳'])).toBeUndefined();
  });
});

describe('similar measure names', () => {
  it('match across quotes, 党建 and small differences', () => {
    expect(measureCore('“党建+”工作模式')).toBe('+');
    expect(similarNames('铸魂工程', '“铸魂工程”')).toBe(true);
    expect(similarNames('“党建+”工作模式', '“党建+”模式')).toBe(true);
    expect(similarNames('“互联网+党建”新模式', '“党建+”模式')).toBe(false);
    expect(similarNames('清廉工程', '铸魂工程')).toBe(false);
  });
});

describe('buildArchive', () => {
  const hospital = (id: string, name: string, province: string) => ({ id, data: { name, aliases: [], province: { value: province } } });
  const content = {
    hospitals: [hospital('a', '甲医院', '重庆市'), hospital('b', '乙医院', '重庆市'), hospital('c', '丙医院', '陕西省')],
    articles: [
      {
        id: 'x',
        data: {
          title: 'X',
          date: { value: { value: '2021-08', precision: 'month' } },
          hospitals: [{ id: 'a' }, { id: 'b' }],
          sections: [
            { id: 'sa', heading: '甲篇', kind: 'profile', hospital: { id: 'a' }, secretary: { id: 'p' } },
            { id: 'sb', heading: '乙篇', kind: 'profile', hospital: { id: 'b' } },
          ],
          corrections: [
            { id: 'c1', kind: 'misread', original: '张三说', reading: '张三说' },
            { id: 'c2', kind: 'query', original: '书记张三说好', reading: '书记张三说好' },
            { id: 'c3', kind: 'query', original: '乙医院', reading: '乙医院' },
          ],
        },
      },
      { id: 'y', data: { title: 'Y', date: { value: { value: '2023', precision: 'year' } }, hospitals: [{ id: 'c' }], sections: [] } },
    ],
    people: [{ id: 'p', data: { name: '张三', roles: [{ kind: 'branch-secretary', title: '党支部书记', hospital: { id: 'a' } }] } }],
    measures: [
      { id: 'a-zhuhun', data: { name: '铸魂工程', hospital: { id: 'a' }, kind: 'programme', article: { id: 'x' } } },
      { id: 'b-zhuhun', data: { name: '“铸魂工程”', hospital: { id: 'b' }, kind: 'programme', article: { id: 'x' } } },
      {
        id: 'a-qinglian',
        data: { name: '清廉工程', hospital: { id: 'a' }, kind: 'programme', article: { id: 'x' }, description: '甲医院党支部书记张三说好' },
      },
    ],
    bodies: new Map([
      ['x', '### 甲篇\n\n甲医院党支部书记张三说好。\n\n### 乙篇\n\n乙医院很好。'],
      ['y', '丙医院在陕西。'],
    ]),
  };
  const archive = buildArchive(content as any);

  it('places each hospital in its province and each article in its provinces and year', () => {
    expect(archive.provinces.map((p) => [p.province.id, p.hospitals, p.articles])).toEqual([
      ['shaanxi', ['c'], ['y']],
      ['chongqing', ['a', 'b'], ['x']],
    ]);
    expect(archive.years).toEqual([
      { year: 2021, articles: ['x'] },
      { year: 2023, articles: ['y'] },
    ]);
  });

  it('links a hospital to its own section with a quoted passage', () => {
    expect(archive.hospitals.get('b')!.articles).toEqual([{ article: 'x', section: 'sb', passage: '乙医院很好。' }]);
  });

  it('finds where a person is named and what they lead', () => {
    const p = archive.people.get('p')!;
    expect(p.sections).toEqual([{ article: 'x', section: 'sa' }]);
    expect(p.mentions).toEqual([{ article: 'x', section: 'sa', passage: '甲医院党支部书记张三说好。' }]);
    expect(archive.hospitals.get('a')!.people.map((x) => x.id)).toEqual(['p']);
  });

  it('finds the 存疑 corrections that flag a person’s printed name, and no other correction', () => {
    expect(archive.people.get('p')!.queries).toEqual([{ article: 'x', correction: 'c2' }]);
  });

  it('notes where a measure’s description ends because the printed text breaks off there (a 存疑 correction says so)', () => {
    expect(archive.measures.get('a-qinglian')!.breaksOff).toBe('c2');
    expect(archive.measures.get('a-zhuhun')!.breaksOff).toBeUndefined();
  });

  it('links similar measures across hospitals only', () => {
    expect(archive.measures.get('a-zhuhun')!.similar).toEqual(['b-zhuhun']);
    expect(archive.measures.get('a-qinglian')!.similar).toEqual([]);
  });

  it("answers an article page's questions by id: its measures in entry order and the people it names", () => {
    expect(archive.articleById.get('y')!.entry.id).toBe('y');
    expect(archive.measuresOfArticle.get('x')).toEqual(['a-zhuhun', 'b-zhuhun', 'a-qinglian']);
    expect(archive.measuresOfArticle.get('y')).toBeUndefined();
    expect(archive.peopleOfArticle.get('x')).toEqual(['p']);
    expect(archive.peopleOfArticle.get('y')).toBeUndefined();
  });
});

describe('similar measures in a large archive', () => {
  // One name at many hospitals, as 主题党日 or 三会一课 would be: a measure lists the closest few and counts the rest.
  const hospitals = Array.from({ length: 14 }, (_, i) => ({
    id: `h${i}`,
    data: { name: `第${i}医院`, aliases: [], province: { value: '重庆市' } },
  }));
  const article = {
    id: 'x',
    data: {
      title: 'X',
      date: { value: { value: '2021', precision: 'year' } },
      hospitals: hospitals.map((h) => ({ id: h.id })),
      sections: [],
    },
  };
  const measure = (id: string, name: string, hospital: string) => ({
    id,
    data: { name, hospital: { id: hospital }, kind: 'programme', article: { id: 'x' } },
  });
  const measures = [
    measure('m0', '铸魂工程', 'h0'),
    // Contains the core: less close than an equal name, so listed after every equal one however early it comes.
    measure('m1', '铸魂育人工程', 'h1'),
    ...hospitals.slice(2).map((h, i) => measure(`m${i + 2}`, '“铸魂”工程', h.id)),
    measure('m99', '铸魂工程', 'h0'),
  ];
  const archive = buildArchive({ articles: [article], hospitals, people: [], measures, bodies: new Map([['x', '正文。']]) } as any);

  it('lists at most SIMILAR_SHOWN, closest first, and counts them all', () => {
    const m0 = archive.measures.get('m0')!;
    expect(m0.similarCount).toBe(13);
    expect(m0.similar).toEqual(['m2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9', 'm10', 'm11'].slice(0, SIMILAR_SHOWN));
    expect(m0.similar).not.toContain('m99');
    expect(archive.measures.get('m1')!.similar[0]).toBe('m0');
  });
});

describe("a hospital's measures", () => {
  const hospitals = [{ id: 'h', data: { name: '甲医院', aliases: [], province: { value: '重庆市' } } }];
  const article = (id: string, date: string) => ({
    id,
    data: { title: id, date: { value: { value: date, precision: 'year' } }, hospitals: [{ id: 'h' }], sections: [] },
  });
  const measure = (id: string, article: string, description: string) => ({
    id,
    data: { name: id, hospital: { id: 'h' }, kind: 'programme', article: { id: article }, description },
  });
  const archive = buildArchive({
    articles: [article('x', '2021'), article('y', '2022')],
    hospitals,
    people: [],
    // Entry order differs from reading order; `draft` belongs to an article that is not published.
    measures: [
      measure('late', 'y', '后来的举措'),
      measure('second', 'x', '第二项 举措'),
      measure('draft', 'z', '草稿'),
      measure('first', 'x', '第一项举措'),
      measure('unquoted', 'x', '正文没有的话'),
    ],
    bodies: new Map([
      ['x', '开篇先说第一项举措，\n再说第二项举措。'],
      ['y', '后来的举措。'],
    ]),
  } as any);

  it('come in reading order: by article, then where the text describes them, then those it does not quote', () => {
    expect(archive.hospitals.get('h')!.measures).toEqual(['first', 'second', 'unquoted', 'late']);
  });
  it('leave out measures of unpublished articles', () => {
    expect(archive.measures.has('draft')).toBe(false);
    expect(archive.measuresOfArticle.get('z')).toBeUndefined();
  });
});

describe('the home page lists', () => {
  const archive = (articles: number, hospitals: number) =>
    ({
      articles: Array.from({ length: articles }, (_, i) => ({ id: `a${i}` })),
      hospitals: new Map(Array.from({ length: hospitals }, (_, i) => [`h${i}`, { id: `h${i}` }])),
    }) as any;

  it('show everything while it fits, in archive order', () => {
    const lists = homeLists(archive(3, 2), 3);
    expect(lists.allArticles).toBe(true);
    expect(lists.articles.map((a) => a.id)).toEqual(['a0', 'a1', 'a2']);
    expect(lists.hospitals?.map((h) => h.id)).toEqual(['h0', 'h1']);
  });

  it('show the newest articles first and no hospital list once the archive outgrows them', () => {
    const lists = homeLists(archive(5, 4), 3);
    expect(lists.allArticles).toBe(false);
    expect(lists.articles.map((a) => a.id)).toEqual(['a4', 'a3', 'a2']);
    expect(lists.hospitals).toBeUndefined();
  });
});
