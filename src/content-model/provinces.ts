/**
 * China's 34 provincial-level divisions. Content names a province by its full
 * Chinese name; pages address it by the ASCII id (stable under any base path).
 * `row`/`col` place it on the schematic tile-grid map (no survey outline).
 */
export interface Province {
  id: string;
  name: string;
  short: string;
  row: number;
  col: number;
}

export const PROVINCES: readonly Province[] = [
  { id: 'heilongjiang', name: '黑龙江省', short: '黑龙江', row: 0, col: 8 },
  { id: 'jilin', name: '吉林省', short: '吉林', row: 1, col: 8 },
  { id: 'liaoning', name: '辽宁省', short: '辽宁', row: 2, col: 7 },
  { id: 'xinjiang', name: '新疆维吾尔自治区', short: '新疆', row: 1, col: 0 },
  { id: 'neimenggu', name: '内蒙古自治区', short: '内蒙古', row: 1, col: 5 },
  { id: 'beijing', name: '北京市', short: '北京', row: 2, col: 5 },
  { id: 'tianjin', name: '天津市', short: '天津', row: 2, col: 6 },
  { id: 'hebei', name: '河北省', short: '河北', row: 3, col: 5 },
  { id: 'gansu', name: '甘肃省', short: '甘肃', row: 2, col: 2 },
  { id: 'ningxia', name: '宁夏回族自治区', short: '宁夏', row: 2, col: 3 },
  { id: 'shanxi', name: '山西省', short: '山西', row: 3, col: 4 },
  { id: 'shandong', name: '山东省', short: '山东', row: 3, col: 6 },
  { id: 'qinghai', name: '青海省', short: '青海', row: 3, col: 1 },
  { id: 'shaanxi', name: '陕西省', short: '陕西', row: 3, col: 3 },
  { id: 'henan', name: '河南省', short: '河南', row: 4, col: 4 },
  { id: 'jiangsu', name: '江苏省', short: '江苏', row: 4, col: 6 },
  { id: 'anhui', name: '安徽省', short: '安徽', row: 4, col: 5 },
  { id: 'shanghai', name: '上海市', short: '上海', row: 4, col: 7 },
  { id: 'xizang', name: '西藏自治区', short: '西藏', row: 4, col: 0 },
  { id: 'sichuan', name: '四川省', short: '四川', row: 4, col: 2 },
  { id: 'chongqing', name: '重庆市', short: '重庆', row: 4, col: 3 },
  { id: 'hubei', name: '湖北省', short: '湖北', row: 5, col: 4 },
  { id: 'zhejiang', name: '浙江省', short: '浙江', row: 5, col: 6 },
  { id: 'jiangxi', name: '江西省', short: '江西', row: 5, col: 5 },
  { id: 'hunan', name: '湖南省', short: '湖南', row: 6, col: 4 },
  { id: 'guizhou', name: '贵州省', short: '贵州', row: 5, col: 3 },
  { id: 'yunnan', name: '云南省', short: '云南', row: 5, col: 2 },
  { id: 'fujian', name: '福建省', short: '福建', row: 6, col: 6 },
  { id: 'guangxi', name: '广西壮族自治区', short: '广西', row: 6, col: 3 },
  { id: 'guangdong', name: '广东省', short: '广东', row: 7, col: 5 },
  { id: 'taiwan', name: '台湾省', short: '台湾', row: 7, col: 7 },
  { id: 'hongkong', name: '香港特别行政区', short: '香港', row: 8, col: 5 },
  { id: 'macau', name: '澳门特别行政区', short: '澳门', row: 8, col: 4 },
  { id: 'hainan', name: '海南省', short: '海南', row: 8, col: 3 },
];

export const PROVINCE_NAMES = PROVINCES.map((p) => p.name) as [string, ...string[]];

const byName = new Map(PROVINCES.map((p) => [p.name, p]));
const byId = new Map(PROVINCES.map((p) => [p.id, p]));

export function provinceByName(name: string): Province | undefined {
  return byName.get(name);
}

export function provinceById(id: string): Province | undefined {
  return byId.get(id);
}
