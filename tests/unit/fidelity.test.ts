import { describe, expect, it } from 'vitest';
import { checkCorrections, checkSource, readingForm, splitUnits } from '../../src/content-model/fidelity.ts';

describe('splitUnits', () => {
  it('cuts lines after sentence-final punctuation and merges short pieces', () => {
    expect(splitUnits('党建强，则医院兴。对。党建工作是保障！\n\n短\n下一行；好')).toEqual([
      { line: 1, text: '党建强，则医院兴。' },
      { line: 1, text: '对。党建工作是保障！' },
      { line: 4, text: '下一行；好' },
    ]);
  });
});

describe('source markup', () => {
  it('is not text: heading hashes and bold markers are dropped from units', () => {
    expect(splitUnits('## ——安康市中心医院“支部书记谈”之三\n**【编者按】**：在全市上下')).toEqual([
      { line: 1, text: '——安康市中心医院“支部书记谈”之三' },
      { line: 2, text: '【编者按】：在全市上下' },
    ]);
  });
});

describe('readingForm', () => {
  it('ignores whitespace and width but keeps punctuation', () => {
    expect(readingForm('党建 引领,\n践初心')).toBe(readingForm('党建引领，践初心'));
    expect(readingForm('党建、引领')).not.toBe(readingForm('党建引领'));
  });
});

describe('checkSource', () => {
  const source = '医院注重急救技能培训，成立了急救急救技能培训组。\n聚焦公立医院高质量发展\n各支部要深入思\n\n考如何办好医院。';
  const corrections = [
    { id: 'c1', kind: 'doubled', original: '急救急救技能', reading: '急救技能' },
    { id: 'c2', kind: 'furniture', original: '聚焦公立医院高质量发展', reading: '' },
  ];

  it('accepts verbatim, corrected, removed-and-noted and rejoined text', () => {
    const rendered = '医院注重急救技能培训，成立了急救技能培训组。各支部要深入思考如何办好医院。急救急救技能 聚焦公立医院高质量发展';
    const results = checkSource(source, rendered, corrections);
    expect(results.map((r) => [r.text, r.status])).toEqual([
      ['医院注重急救技能培训，成立了急救急救技能培训组。', 'corrected'],
      // Removed from the body, but its note quotes it.
      ['聚焦公立医院高质量发展', 'verbatim'],
      ['各支部要深入思', 'verbatim'],
      ['考如何办好医院。', 'verbatim'],
    ]);
  });

  it('reports a sentence the page lost', () => {
    const rendered = '医院注重急救技能培训，成立了急救技能培训组。急救急救技能 聚焦公立医院高质量发展';
    const missing = checkSource(source, rendered, corrections).filter((r) => r.status === 'missing');
    expect(missing.map((r) => r.text)).toEqual(['各支部要深入思', '考如何办好医院。']);
  });

  it('does not count a change or a removal whose note is not on the page', () => {
    const rendered = '医院注重急救技能培训，成立了急救技能培训组。各支部要深入思考如何办好医院。';
    const statuses = checkSource(source, rendered, corrections).map((r) => r.status);
    expect(statuses).toEqual(['missing', 'missing', 'verbatim', 'verbatim']);
  });

  it('does not accept an unrecorded change', () => {
    const rendered = '医院注重急救技能培训，成立了急救技能培训组。各支部要深入思考如何办好医院。聚焦公立医院高质量发展';
    const results = checkSource(source, rendered, [corrections[1]]);
    expect(results[0].status).toBe('missing');
  });
});

describe('checkCorrections', () => {
  it('requires the original in the source and the reading in the body', () => {
    const problems = checkCorrections('成立了急救急救技能培训组', '成立了急救技能组', [
      { id: 'c1', kind: 'doubled', original: '急救急救技能', reading: '急救技能培训' },
      { id: 'c2', kind: 'misread', original: '不存在', reading: '急救' },
    ]);
    expect(problems).toEqual([
      { id: 'c1', problem: 'reading "急救技能培训" is not in the article body' },
      { id: 'c2', problem: 'original "不存在" is not in the source' },
    ]);
  });
});
