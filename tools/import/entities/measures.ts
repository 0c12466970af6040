/**
 * Named measures: programmes, brands, mechanisms, campaigns (“三抢三让”工作机制,
 * “铸魂工程”, 聚力工程).
 */
import { readingForm } from '../text.ts';
import type { MeasureProposal } from './model.ts';
import { sentenceOf } from './quote.ts';

const MEASURE_SUFFIX: [RegExp, MeasureProposal['kind']][] = [
  [/品牌$/u, 'brand'],
  [/(工程|项目)$/u, 'programme'],
  [/机制$/u, 'mechanism'],
  [/战略$/u, 'strategy'],
  [/模式$/u, 'model'],
  [/(活动|行动)$/u, 'campaign'],
  [/(制度|标准|体系|制)$/u, 'system'],
  [/服务$/u, 'service'],
];

function measureKind(name: string): MeasureProposal['kind'] | undefined {
  return MEASURE_SUFFIX.find(([re]) => re.test(name))?.[1];
}

export function findMeasures(flat: string, hospitalAt: (at: number) => number | undefined): MeasureProposal[] {
  const found = new Map<string, MeasureProposal>();
  const add = (name: string, core: string, at: number) => {
    const kind = measureKind(name);
    if (!kind) return;
    const key = `${readingForm(name.replace(/[“”"]/g, ''))}|${hospitalAt(at)}`;
    if (found.has(key)) return;
    found.set(key, { name, kind, description: sentenceOf(flat, at), hospital: hospitalAt(at), at, core });
  };
  // “三抢三让”工作机制, “党建+专科联盟”品牌, “1457”战略, “六有”标准
  for (const m of flat.matchAll(
    /“([^“”\n]{2,20})”((?:工作|党建|服务|管理|实践|主题|新)?(?:机制|模式|品牌|工程|战略|制度|活动|行动|标准|体系|项目))/gu,
  )) {
    add(`“${m[1]}”${m[2]}`, m[1], m.index);
  }
  // “铸魂工程”, “杏林红·健康高安”党建品牌 (already), “书记查房制”
  for (const m of flat.matchAll(/“([^“”\n]{2,16}(?:工程|品牌|机制|模式|战略|行动|计划|制))”/gu)) {
    add(m[1], m[1].replace(/(工程|品牌|机制|模式|战略|行动|计划|制)$/u, ''), m.index + 1);
  }
  // 铸魂工程、聚力工程、暖心工程 in a list
  for (const m of flat.matchAll(/(?<=[、：:，]|^)([\p{Script=Han}\d]{2,8}工程)(?=[、。，；])/gmu)) {
    add(m[1], m[1].replace(/工程$/, ''), m.index);
  }
  return [...found.values()].sort((a, b) => a.at - b.at);
}
