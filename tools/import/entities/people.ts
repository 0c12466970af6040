/**
 * People named in a role (党支部书记 X, 党委书记 X, 院长 X, …): the name cut
 * from running text by the words after it, the title back to a hospital's
 * name or to punctuation.
 */
import { STOP } from './hospitals.ts';
import type { HospitalProposal, PersonProposal } from './model.ts';
import { clauseAround } from './quote.ts';
import { findTeamMembers } from './team-members.ts';

export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
]);

const ROLE =
  /(党支部书记|党总支书记|党委副书记|党委书记|纪委书记|副院长|执行院长|院长|副主任|主任|护士长|市委书记|县委书记|区委书记|市长|县长|区长|负责人)/gu;
/** Words that follow a name in a role phrase (陈琳表示, 钱进代表, 杜海云讲党课). */
const AFTER_NAME =
  /^(?:介绍|表示|代表|讲|为|的|在|带领|率|及|和|与|耐心|指出|说|强调|等|同志|主持|出席|参加|一行|对|向|是|担任|作|做|到|来|去|就|也|都|已|曾|告诉|认为|提出|要求|坦言|感慨|回忆|谈到|称|领|组织|深入|亲自|带队|陪同|上台|接受|获|荣获|被|与|、|，|。|；|：|,|;|:|\s|$)/u;

function roleKind(role: string): PersonProposal['roles'][number]['kind'] {
  if (/党支部书记|党总支书记/.test(role)) return 'branch-secretary';
  if (role === '党委书记') return 'party-secretary';
  if (role === '院长' || role === '执行院长') return 'president';
  if (/副院长|党委副书记|纪委书记|负责人/.test(role)) return 'leader';
  if (/[市县区]委书记|[市县区]长$/.test(role)) return 'official';
  if (/主任|护士长/.test(role)) return 'clinician';
  return 'other';
}

/** A name right after a role: two or three Han characters, decided by what follows. */
export function nameAfter(text: string, at: number): { name: string; uncertain: boolean } | undefined {
  let i = at;
  if (text[i] === ' ' || text[i] === '\u3000') i++;
  const run = /^\p{Script=Han}{2,4}/u.exec(text.slice(i));
  if (!run || !SURNAMES.has(run[0][0])) return undefined;
  const rest = (n: number) => text.slice(i + n);
  // A name standing alone at the end of its line (a byline: …党支部书记 陈国旗).
  const lineEnd = /^\p{Script=Han}{2,3}[ \t]*(?:\n|$)/u.exec(text.slice(i));
  if (lineEnd) return { name: lineEnd[0].trim(), uncertain: false };
  for (const n of [2, 3]) {
    if (run[0].length >= n && AFTER_NAME.test(rest(n)) && !(n === 2 && run[0].length >= 3 && /^[\p{Script=Han}]的/u.test(rest(2)))) {
      return { name: run[0].slice(0, n), uncertain: !/^[，。；：、,;:\s]|^$/u.test(rest(n)) };
    }
  }
  return undefined;
}

/**
 * The words of a title before the role at `at`: they run back to a hospital's
 * name (which names the hospital) or to punctuation, at most 14 characters.
 */
function titlePrefix(flat: string, at: number, hospitals: HospitalProposal[]): { start: number; prefix: string; hospital?: number } {
  let start = at;
  while (start > 0 && at - start < 14 && /\p{Script=Han}/u.test(flat[start - 1]) && !STOP.has(flat[start - 1])) start--;
  const words = flat.slice(start, at);
  for (const [hi, h] of hospitals.entries()) {
    for (const n of [h.name, ...h.aliases].sort((a, b) => b.length - a.length)) {
      const k = words.lastIndexOf(n);
      if (k >= 0) return { start, prefix: words.slice(k + n.length), hospital: hi };
    }
  }
  return { start, prefix: words };
}

export function findPeople(flat: string, hospitals: HospitalProposal[], hospitalAt: (at: number) => number | undefined): PersonProposal[] {
  const people = new Map<string, PersonProposal>();
  for (const m of flat.matchAll(ROLE)) {
    const role = m[1];
    const kind = roleKind(role);
    const after = nameAfter(flat, m.index + role.length);
    if (!after || (kind === 'leader' && role === '负责人')) continue;
    const { start, prefix, hospital } = titlePrefix(flat, m.index, hospitals);
    const official = /[市县区]委书记|[市县区]长/.test(role);
    const title =
      (official
        ? ''
        : prefix.replace(
            /^(?:邀请|以|由|请|经|据|和|与|及|其中|同时|该院|本院|我院|医院|全院|院|(?:成员|队员|组员)(?:包括|有|为)?)+/u,
            '',
          )) + role;
    const hospitalIndex = kind === 'official' ? undefined : (hospital ?? hospitalAt(m.index));
    const end = m.index + role.length + (flat[m.index + role.length] === ' ' ? 1 : 0) + after.name.length;
    const quote = clauseAround(flat, start, end);
    const branch = kind === 'branch-secretary' ? title.replace(/书记$/, '') : undefined;
    const p = people.get(after.name) ?? { name: after.name, roles: [], uncertain: true };
    p.uncertain &&= after.uncertain;
    if (!p.roles.some((r) => r.title === title && r.hospital === hospitalIndex)) {
      p.roles.push({ kind, title, ...(branch ? { branch } : {}), hospital: hospitalIndex, quote, at: m.index });
    }
    people.set(after.name, p);
  }
  addTeamMembers(flat, people, hospitalAt);
  return [...people.values()];
}

/** People named as 组长, 队员, …: a role of their own, or one more role of a person already found. */
function addTeamMembers(flat: string, people: Map<string, PersonProposal>, hospitalAt: (at: number) => number | undefined): void {
  for (const t of findTeamMembers(flat)) {
    const p = people.get(t.name) ?? { name: t.name, roles: [], uncertain: t.uncertain };
    if (!p.roles.some((r) => r.title === t.role.title)) p.roles.push({ ...t.role, hospital: hospitalAt(t.role.at) });
    people.set(t.name, p);
  }
}
