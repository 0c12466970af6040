/**
 * The words synthetic reports are made of: name syllables with their pinyin
 * (for ASCII ids), kinds of hospital, newspapers, columns, slogans, headings,
 * branches, departments, the parts of measure names, and the OCR misreadings
 * a source may carry. Changing a list changes every generated archive.
 */

/** A name and its pinyin, e.g. `['临川', 'linchuan']`. */
export type Syl = [string, string];

const SURNAMES =
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 高gao 林lin 罗luo 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 韩han 冯feng 邓deng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong 袁yuan 潘pan 于yu 蒋jiang 蔡cai 余yu 杜du 叶ye 程cheng 苏su 魏wei 吕lv 丁ding 任ren 沈shen 姚yao 卢lu 姜jiang 崔cui 钟zhong 谭tan 陆lu 汪wang 范fan 金jin 石shi 廖liao 贾jia 夏xia 韦wei 付fu 方fang 白bai 邹zou 孟meng 熊xiong 秦qin 邱qiu 江jiang 尹yin 薛xue 闫yan 段duan 雷lei 侯hou 龙long 史shi 陶tao 黎li 贺he 顾gu 毛mao 郝hao 龚gong 邵shao 万wan 钱qian 严yan 覃qin 武wu 戴dai 莫mo 孔kong 向xiang 汤tang';
const GIVEN =
  '伟wei 芳fang 娜na 敏min 静jing 丽li 强qiang 磊lei 军jun 洋yang 勇yong 艳yan 杰jie 娟juan 涛tao 明ming 超chao 秀xiu 霞xia 平ping 刚gang 桂gui 英ying 华hua 玉yu 兰lan 萍ping 红hong 建jian 文wen 辉hui 力li 斌bin 宇yu 浩hao 凯kai 鹏peng 飞fei 云yun 峰feng 波bo 宁ning 欣xin 琳lin 婷ting 雪xue 慧hui 晶jing 颖ying 倩qian 楠nan 蕾lei 薇wei 瑶yao 鑫xin 博bo 昊hao 晨chen 阳yang 海hai 春chun 国guo 志zhi 德de 永yong 庆qing 松song 光guang 成cheng 东dong 亮liang 俊jun';
const PLACE =
  '安an 宁ning 平ping 阳yang 山shan 江jiang 河he 湖hu 川chuan 城cheng 泉quan 源yuan 丰feng 盛sheng 兴xing 隆long 昌chang 德de 庆qing 福fu 寿shou 永yong 长chang 清qing 明ming 新xin 东dong 西xi 南nan 北bei 云yun 水shui 石shi 金jin 玉yu 宝bao 华hua 嘉jia 泰tai 康kang 乐le 顺shun 临lin 兰lan 桂gui 梅mei 松song 柳liu 桃tao 莲lian 溪xi 峰feng 岭ling 屏ping 坪ping 林lin 营ying 洲zhou 沙sha 鹤he 凤feng 龙long 通tong 靖jing 绥sui 岳yue 榆yu';

const syllables = (s: string): Syl[] => s.split(' ').map((x) => [x[0], x.slice(1)]);
export const SURNAME = syllables(SURNAMES);
export const GIVEN_SYL = syllables(GIVEN);
export const PLACE_SYL = syllables(PLACE);

export const HOSPITAL_KINDS = [
  { suffix: '中心医院', slug: 'central', alias: '中心医院', level: ['三级甲等', '三级乙等'], category: '综合医院', city: true },
  { suffix: '人民医院', slug: 'peoples', alias: '人医', level: ['三级甲等', '二级甲等'], category: '综合医院', city: true },
  { suffix: '第一人民医院', slug: 'first-peoples', alias: '一院', level: ['三级甲等'], category: '综合医院', city: true },
  { suffix: '第二人民医院', slug: 'second-peoples', alias: '二院', level: ['三级乙等', '二级甲等'], category: '综合医院', city: true },
  { suffix: '中医医院', slug: 'tcm', alias: '中医院', level: ['三级甲等', '二级甲等'], category: '中医医院', city: true },
  { suffix: '中西医结合医院', slug: 'integrated', alias: '中西医', level: ['二级甲等'], category: '中西医结合医院', city: true },
  { suffix: '妇幼保健院', slug: 'mch', alias: '妇幼', level: ['二级甲等', '三级乙等'], category: '妇幼保健院', city: true },
  { suffix: '人民医院', slug: 'county-peoples', alias: '县医院', level: ['二级甲等', '二级乙等'], category: '综合医院', city: false },
  { suffix: '中医院', slug: 'county-tcm', alias: '', level: ['二级甲等'], category: '中医医院', city: false },
  { suffix: '镇卫生院', slug: 'township', alias: '', level: ['一级'], category: '乡镇卫生院', city: false },
] as const;

export const NEWSPAPER_SUFFIX = ['日报', '晚报', '卫生健康报'];
export const NATIONAL_PAPERS = ['健康报', '中国人口报', '医药卫生报', '中国中医药报'];
export const COLUMNS = [
  '【党建引领】',
  '【高质量发展】',
  '【基层党建】',
  '【支部风采】',
  '健康中国 党建先行',
  '聚焦公立医院高质量发展',
  '【我为群众办实事】',
];
export const SLOGANS = [
  '党建引领 勇毅前行',
  '以高质量党建引领高质量发展',
  '党建赋能 医路同行',
  '守初心 担使命 护健康',
  '凝心聚力促发展',
  '红色引擎驱动医院发展',
  '把支部建在科室上',
  '党旗飘扬在抗疫一线',
  '做百姓家门口的健康卫士',
  '让党建与业务同频共振',
  '筑牢战斗堡垒 彰显先锋本色',
  '以党建之“魂”铸发展之“基”',
  '深化党建品牌建设',
  '践行初心使命 办好人民满意医院',
];
export const SUBHEADINGS = [
  '强化政治引领，把牢发展方向',
  '创新服务理念，彰显党员先锋本色',
  '丰富党建活动载体，凝聚发展合力',
  '坚持党建与业务深度融合',
  '弘扬清风正气，涵养廉洁操守',
  '聚焦群众需求，改善就医体验',
  '加强人才培养，夯实学科基础',
  '落实党委领导下的院长负责制',
  '推进智慧医院建设',
  '下沉优质资源，服务基层群众',
  '抓党建 促业务 提服务',
  '创先争优作奉献 凝心聚力促发展',
  '多维度发力让患者就医舒心又安心',
  '以党建品牌建设提升服务水平',
  '强化责任担当，筑牢安全防线',
  '深化医联体建设，助力分级诊疗',
];
export const TOPICS = ['高质量发展', '党建业务融合', '为民服务', '清廉医院建设', '学科建设'];
export const BRANCHES = [
  '门诊党支部',
  '外科第一党支部',
  '外科第二党支部',
  '内科第一党支部',
  '内科第二党支部',
  '行政第一党支部',
  '行政第二党支部',
  '护理党支部',
  '医技党支部',
  '后勤保障党支部',
  '离退休党支部',
  '药学党支部',
];
export const DEPARTMENTS = [
  '心内科',
  '神经内科',
  '普外科',
  '骨科',
  '儿科',
  '妇产科',
  '急诊科',
  '重症医学科',
  '呼吸与危重症医学科',
  '肿瘤科',
  '康复医学科',
  '感染性疾病科',
  '眼科',
  '耳鼻咽喉科',
  '麻醉科',
  '护理部',
];
export const MEASURE_A = [
  '红色',
  '先锋',
  '暖心',
  '领航',
  '铸魂',
  '聚力',
  '清风',
  '杏林',
  '仁心',
  '惠民',
  '连心',
  '初心',
  '担当',
  '护航',
  '同心',
  '薪火',
  '青春',
  '健康',
  '匠心',
  '星火',
  '守护',
  '筑梦',
  '立德',
  '强基',
  '扬帆',
  '启航',
  '民生',
  '廉洁',
  '书香',
  '阳光',
];
export const MEASURE_B = [
  '引擎',
  '堡垒',
  '驿站',
  '家园',
  '课堂',
  '纽带',
  '桥梁',
  '使者',
  '卫士',
  '港湾',
  '方舟',
  '灯塔',
  '行动',
  '计划',
  'e站',
  '名片',
  '先锋岗',
  '服务队',
  '示范岗',
  '联盟',
];
export const MEASURE_KINDS = [
  ['工程', 'programme'],
  ['品牌', 'brand'],
  ['机制', 'mechanism'],
  ['模式', 'model'],
  ['活动', 'campaign'],
  ['制度', 'system'],
  ['服务', 'service'],
  ['战略', 'strategy'],
] as const;
/** OCR confusions: the right character → what the OCR read. */
export const MISREADS: Record<string, string> = {
  已: '己',
  未: '末',
  入: '人',
  日: '曰',
  干: '千',
  土: '士',
  天: '夭',
  办: '力',
  治: '冶',
  拔: '拨',
};

/** 1 → 一, 12 → 十二, 23 → 二十三: numbers in headings and series numbers (up to 99). */
const CN_DIGITS = '〇一二三四五六七八九';
export function chineseNumeral(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN_DIGITS[n];
  if (n < 20) return `十${CN_DIGITS[n % 10]}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;
}
