/**
 * Just enough geography to infer a hospital's province from a place named in
 * the text: every prefecture-level city (地级市, without 市) and the districts
 * and counties of the four municipalities, by province. A name that stands
 * under two provinces (朝阳 is a city of 辽宁省 and a district of 北京市) is
 * left out of the lookup so it never decides alone.
 */
import { PROVINCE_NAMES } from '../../src/content-model/provinces.ts';

const CITIES: Record<string, string> = {
  河北省: '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水',
  山西省: '太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁',
  内蒙古自治区: '呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布',
  辽宁省: '沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 葫芦岛',
  吉林省: '长春 四平 辽源 通化 白山 松原 白城',
  黑龙江省: '哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化',
  江苏省: '南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁',
  浙江省: '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水',
  安徽省: '合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城',
  福建省: '福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德',
  江西省: '南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶',
  山东省: '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽',
  河南省: '郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源',
  湖北省: '武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 仙桃 潜江 天门',
  湖南省: '长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底',
  广东省: '广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮',
  广西壮族自治区: '南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左',
  海南省: '海口 三亚 三沙 儋州',
  四川省: '成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳',
  贵州省: '贵阳 六盘水 遵义 安顺 毕节 铜仁',
  云南省: '昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧',
  西藏自治区: '拉萨 日喀则 昌都 林芝 山南 那曲',
  陕西省: '西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛',
  甘肃省: '兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南',
  青海省: '西宁 海东',
  宁夏回族自治区: '银川 石嘴山 吴忠 固原 中卫',
  新疆维吾尔自治区: '乌鲁木齐 克拉玛依 吐鲁番 哈密',
};

/** Districts (区) and counties (县) of the municipalities, written without the suffix. */
const MUNICIPALITY_PARTS: Record<string, string> = {
  北京市: '东城 西城 丰台 石景山 海淀 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆',
  天津市: '和平 河东 河西 南开 红桥 东丽 西青 津南 北辰 武清 宝坻 滨海新 宁河 静海 蓟州',
  上海市: '黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 浦东新 金山 松江 青浦 奉贤 崇明',
  重庆市:
    '万州 涪陵 渝中 大渡口 江北 沙坪坝 九龙坡 南岸 北碚 綦江 大足 渝北 巴南 黔江 长寿 江津 合川 永川 南川 璧山 铜梁 潼南 荣昌 开州 梁平 武隆 城口 丰都 垫江 忠县 云阳 奉节 巫山 巫溪 石柱 秀山 酉阳 彭水',
};

export interface PlaceHit {
  /** The place as the text writes it, e.g. 安康市, 大足区, 秀山县. */
  place: string;
  province: string;
  kind: 'province' | 'city' | 'municipality-part';
}

function build() {
  const cities = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const [province, names] of Object.entries(CITIES)) {
    for (const n of names.split(' ')) {
      cities.set(n, province);
      seen.set(n, (seen.get(n) ?? 0) + 1);
    }
  }
  const parts = new Map<string, string>();
  for (const [province, names] of Object.entries(MUNICIPALITY_PARTS)) {
    for (const n of names.split(' ')) {
      parts.set(n, province);
      seen.set(n, (seen.get(n) ?? 0) + 1);
    }
  }
  // A name under two provinces decides nothing.
  for (const [n, k] of seen) {
    if (k > 1) {
      cities.delete(n);
      parts.delete(n);
    }
  }
  return { cities, parts };
}

const TABLES = build();

const SHORT_PROVINCES = PROVINCE_NAMES.map((name) => ({
  name,
  short: name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, ''),
}));

/** Every place in `text` that tells a province, in order of appearance. */
export function placesIn(text: string): (PlaceHit & { at: number })[] {
  const hits: (PlaceHit & { at: number })[] = [];
  for (const { name, short } of SHORT_PROVINCES) {
    // The full name, or the short one followed by 省/市 (江西省, 重庆市).
    for (const m of text.matchAll(new RegExp(`${short}(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)?`, 'gu'))) {
      if (m[0] === short && !name.endsWith('市')) continue; // 江西 alone may be part of another word
      if (m[0] === short) continue;
      hits.push({ place: m[0], province: name, kind: 'province', at: m.index });
    }
  }
  for (const [city, province] of TABLES.cities) {
    for (const m of text.matchAll(new RegExp(`${city}(?:市|地区)`, 'gu'))) hits.push({ place: m[0], province, kind: 'city', at: m.index });
  }
  for (const [part, province] of TABLES.parts) {
    for (const m of text.matchAll(new RegExp(`${part}(?:区|县)`, 'gu')))
      hits.push({ place: m[0], province, kind: 'municipality-part', at: m.index });
  }
  return hits.sort((a, b) => a.at - b.at);
}

/** The province a hospital's own name tells (江西省高安市中医医院, 安康市中心医院, 大足区人民医院). */
export function provinceOfName(name: string): PlaceHit | undefined {
  const hits = placesIn(name);
  return hits.find((h) => h.kind === 'province') ?? hits.find((h) => h.kind === 'city') ?? hits.find((h) => h.kind === 'municipality-part');
}
