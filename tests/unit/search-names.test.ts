import { describe, expect, it } from 'vitest';
import {
  allHospitalNames,
  coreForms,
  hospitalNames,
  personNames,
  placeForms,
  type HospitalNameFacts,
} from '../../src/content-model/hospital-names.ts';
import {
  entityKeys,
  entityNamed,
  nameKeys,
  mergeSlices,
  nameSliceKey,
  sliceNameList,
  sliceTable,
  type NamedEntity,
  type NamesTable,
} from '../../src/search/names.ts';
import { SLICE_TARGET_BYTES, sliceCount, sliceOf } from '../../src/search/slices.ts';
import { keyText, linkPages, mentionFinder } from '../../src/search/index/names-file.ts';
import { decodeContent, encodeContent } from '../../src/search/content-codec.ts';
import { findHits, pageText } from '../../src/search/query/page-text.ts';
import { parseQuery } from '../../src/search/query-terms.ts';
import { tokenize } from '../../src/search/tokenizer.ts';
import { t2sTable } from '../../src/search/t2s-table.ts';
import { foldWith } from '../../src/search/t2s.ts';

const fold = foldWith(t2sTable());
const hangzhou = { name: '浙江省杭州市第一人民医院', aliases: [], province: '浙江省', city: '杭州市' };
const gaoan = { name: '高安市中医医院', aliases: [], province: '江西省', city: '宜春市', county: '高安市' };
const jinzhou = { name: '锦州医科大学附属第一医院', aliases: ['锦医一院'], province: '辽宁省', city: '锦州市' };

describe('the names of a hospital', () => {
  it('writes a place with or without its suffix', () => {
    expect(placeForms('杭州市')).toEqual(['杭州市', '杭州']);
    expect(placeForms('广西壮族自治区')).toEqual(['广西壮族自治区', '广西']);
    expect(placeForms('沙市')).toEqual(['沙市']);
  });
  it('drops or adds the outer places, never the innermost one', () => {
    const names = allHospitalNames(hangzhou);
    for (const n of ['浙江省杭州市第一人民医院', '杭州市第一人民医院', '杭州第一人民医院', '浙江杭州第一人民医院'])
      expect(names).toContain(n);
    expect(names).not.toContain('第一人民医院');
    expect(names).not.toContain('浙江省第一人民医院');
    const g = allHospitalNames(gaoan);
    for (const n of ['江西省宜春市高安市中医医院', '宜春高安中医院', '高安中医院', '高安市中医院']) expect(g).toContain(n);
    expect(g).not.toContain('中医医院');
  });
  it('rewrites 中医院 ↔ 中医医院, 医科大学 → 医大, 附属第N医院 → 附N院 / 附N', () => {
    expect(coreForms('中医医院')).toEqual(['中医医院', '中医院']);
    expect(coreForms('中医院')).toEqual(['中医院', '中医医院']);
    const j = allHospitalNames(jinzhou);
    for (const n of ['锦州医大附一院', '锦州医科大学附一院', '锦州医大附一', '辽宁锦州医科大学附属第一医院', '锦医一院'])
      expect(j).toContain(n);
    expect(coreForms('医科大学附属第三医院')).toContain('医大附三院');
  });
  it('keeps curated and derived names apart', () => {
    const n = hospitalNames(jinzhou);
    expect(n.curated).toEqual(['锦医一院']);
    expect(n.derived).not.toContain('锦医一院');
    expect(n.derived).not.toContain(jinzhou.name);
  });
});

describe('names in search', () => {
  const entity = (facts: HospitalNameFacts, id: string): NamedEntity => ({
    kind: 'hospital',
    id,
    name: facts.name,
    place: facts.province,
    names: allHospitalNames(facts),
    path: `/hospitals/${id}/`,
    reports: 1,
  });
  const person: NamedEntity = {
    kind: 'person',
    id: 'zhang',
    name: '张明华',
    place: '高安市中医医院',
    names: personNames('张明华', [{ kind: 'party-secretary', title: '医院党委书记' }]),
    path: '/people/zhang/',
    reports: 1,
  };
  const table = { entities: [entity(gaoan, 'gaoan'), entity(hangzhou, 'hz'), entity(jinzhou, 'jz'), person] };
  const keysOf = (q: string) => parseQuery(q, fold)[0].keys;
  it('knows a term that is any name of a hospital, in Traditional or with joining punctuation', () => {
    expect(entityNamed(table, keysOf('杭州第一人民医院'), fold)?.entity.id).toBe('hz');
    expect(entityNamed(table, keysOf('高安中醫院'), fold)?.entity.id).toBe('gaoan');
    expect(entityNamed(table, keysOf('“锦州医大附一”'), fold)?.entity.id).toBe('jz');
  });
  it('knows a person by the name with or without a title', () => {
    expect(person.names).toEqual(['张明华', '医院党委书记张明华', '党委书记张明华']);
    expect(entityNamed(table, keysOf('党委书记张明华'), fold)?.entity.id).toBe('zhang');
    expect(entityNamed(table, keysOf('张明华'), fold)?.entity.id).toBe('zhang');
    expect(entityNamed(table, keysOf('院长张明华'), fold)).toBeUndefined();
  });
  it('knows no hospital that is not in the archive, even when its parts are', () => {
    expect(entityNamed(table, keysOf('杭州市中医院'), fold)).toBeUndefined();
    expect(entityNamed(table, keysOf('第一人民医院'), fold)).toBeUndefined();
  });
  it('finds a page that mentions the hospital by another of its names, and marks it', () => {
    const names = entityKeys(table.entities[1], fold);
    const page = tokenize('据悉，浙江杭州第一人民医院党委开展活动。');
    const find = mentionFinder(table.entities, fold);
    expect([...find(keyText(page))]).toEqual([1]);
    expect([...find(keyText(tokenize('杭州市中医院与某区第一人民医院')))]).toEqual([]);
    expect([...find(keyText(tokenize('高安中医院党委书记张明华说')))].sort()).toEqual([0, 3]);
    const [term] = parseQuery('杭州市第一人民医院', fold);
    term.alternatives = names;
    const text = pageText(decodeContent(encodeContent(page)));
    const hits = findHits(text, term);
    expect(hits.map((h) => text.text.slice(h.from, h.to))).toEqual(['浙江杭州第一人民医院']);
  });
});

describe('the names table as the search page loads it', () => {
  const hospital = (id: string, name: string, aboutPaths: string[] = []): NamedEntity => ({
    kind: 'hospital',
    id,
    name,
    place: '',
    names: [name],
    path: `/hospitals/${id}/`,
    reports: 0,
    aboutPaths,
  });
  const measure: NamedEntity = {
    kind: 'measure',
    id: 'm',
    name: '红色钥匙',
    place: '某医院',
    names: ['红色钥匙'],
    path: '/measures/m/',
    reports: 1,
    aboutPaths: ['/measures/m/', '/articles/a/'],
  };
  const keysOf = (q: string) => parseQuery(q, fold)[0].keys;

  it('puts every entity in the slice of each of its names, and a query term that is one finds it there', () => {
    const places = [...'安北长东丰福广贵海河衡湖江金京兰乐丽临龙南宁平青庆山韶石松泰天通西襄新兴阳宜永余云肇中'];
    const entities = places.map((c, i) => hospital(`h${i}`, `${c}城市人民医院`));
    const slices = sliceTable({ entities }, 8, fold);
    expect(slices.flatMap((s) => s.entities)).toHaveLength(places.length);
    expect(new Set(slices.map((s) => s.entities.length)).size).toBeGreaterThan(1);
    for (const e of entities) {
      const keys = keysOf(e.name);
      const slice = slices[sliceOf(nameSliceKey(keys), 8)];
      expect(entityNamed(slice, keys, fold)?.entity.id).toBe(e.id);
    }
    expect(mergeSlices(slices).entities).toHaveLength(places.length);
  });
  it('spreads names that share their first characters, such as titled names, over the slices', () => {
    const people = [...'安北长东丰福广贵海河衡湖江金京兰乐丽临龙南宁平青庆山韶石松泰天通西襄新兴阳宜永余云肇中'].map((c, i) => ({
      ...hospital(`p${i}`, `${c}明`),
      kind: 'person' as const,
      names: [`${c}明`, `党委书记${c}明`],
    }));
    const slices = sliceTable({ entities: people }, 8, fold);
    expect(Math.max(...slices.map((s) => s.entities.length))).toBeLessThan(people.length / 2);
  });
  it('lists the names offered as you type by their first character, without the derived forms', () => {
    const listed = { ...hospital('h', '高安市中医医院'), names: allHospitalNames(gaoan), listed: ['高安市中医医院', '高安市中医院'] };
    const lists = sliceNameList({ entities: [listed, measure] }, 4, fold);
    expect(lists.flatMap((l) => l.names).sort()).toEqual([
      ['红色钥匙', 'measure'],
      ['高安市中医医院', 'hospital'],
      ['高安市中医院', 'hospital'],
    ]);
    expect(lists[sliceOf('高', 4)].names).toHaveLength(2);
  });
  it('gives a large table more slices, a small one a single slice', () => {
    expect(sliceCount(10_000)).toBe(1);
    expect(sliceCount(SLICE_TARGET_BYTES * 5)).toBe(8);
  });
  it('names a province or measure for its card without making its name stand for others', () => {
    const table: NamesTable = { entities: [measure, hospital('h', '红色钥匙')] };
    expect(entityNamed(table, keysOf('红色钥匙'), fold)?.entity.kind).toBe('hospital');
    expect(entityNamed({ entities: [measure] }, keysOf('“红色钥匙”'), fold)?.entity.id).toBe('m');
  });
  it('links the pages about an entity and, for a hospital, every page that mentions it', () => {
    const ids = new Map([
      ['/hospitals/h/', 'p1'],
      ['/articles/a/', 'p2'],
      ['/articles/b/', 'p3'],
      ['/measures/m/', 'p4'],
    ]);
    const tokens = new Map([
      ['/articles/a/', keyText(tokenize('某县中心医院开展红色钥匙活动'))],
      ['/articles/b/', keyText(tokenize('与某县中心医院结对'))],
    ]);
    const linked = linkPages(
      { entities: [hospital('h', '某县中心医院', ['/hospitals/h/', '/articles/a/', '/nowhere/']), measure] },
      tokens,
      ids,
      fold,
    );
    expect(linked.entities[0]).toMatchObject({ about: ['p1', 'p2'], pages: ['p2', 'p3'] });
    expect(linked.entities[0]).not.toHaveProperty('aboutPaths');
    expect(linked.entities[1]).toMatchObject({ about: ['p4', 'p2'] });
    expect(linked.entities[1]).not.toHaveProperty('pages');
  });
});

describe('name keys', () => {
  it('are the keys the tokenizer gives, also for the names it reads without tokenizing', () => {
    const names = [
      ...allHospitalNames(jinzhou),
      ...allHospitalNames(gaoan),
      '醫院黨委',
      '乾县人民医院',
      '\uF900\uF901医院',
      '“红色密钥”',
      'MDT诊疗中心',
      '张明华',
      '党建+科研',
      '附一',
    ];
    for (const name of names) expect(nameKeys(name, fold), name).toEqual(tokenize(name, fold).map((t) => t.key));
  });
});
