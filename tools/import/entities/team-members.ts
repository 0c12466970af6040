/**
 * People named by their place in a team rather than a post: 队员有胡晓燕、方建军、
 * 李婷等, 拉着队员刘小娟的手, 以副院长吴国平为组长. Their role is `other`, titled with
 * the team word as printed (组长, 队员).
 */
import type { PersonProposal } from './model.ts';
import { nameAfter, SURNAMES } from './people.ts';
import { clauseAround } from './quote.ts';

type Role = PersonProposal['roles'][number];
export interface TeamMember {
  name: string;
  /** The name's length was decided by the words after it. */
  uncertain: boolean;
  role: Role;
}

const TEAM_WORD = /(副组长|组长|副队长|队长|副团长|团长|队员|组员|成员)(?:有|为|是|包括|[:：])?/gu;
/** A title that ends right before a name: the 任 of 主任 is not a surname there. */
const TITLE_END = /(?:院长|主任|书记|组长|队长|护士长|局长|部长|科长|处长)$/u;

/** Names listed after a team word: 胡晓燕、方建军、李婷等. */
function listAfter(flat: string, at: number): { name: string; at: number; uncertain: boolean }[] {
  const names: { name: string; at: number; uncertain: boolean }[] = [];
  let i = at;
  for (;;) {
    const n = nameAfter(flat, i);
    if (!n) break;
    names.push({ name: n.name, at: i, uncertain: n.uncertain });
    i += n.name.length;
    if (flat[i] !== '、') break;
    i++;
  }
  return names;
}

/** The name before 为组长 in 以副院长吴国平为组长: three characters unless a title ends at the second. */
function nameBefore(flat: string, end: number): { name: string; at: number } | undefined {
  for (const n of [3, 2]) {
    const start = end - n;
    const name = flat.slice(start, end);
    if (start < 0 || !/^\p{Script=Han}+$/u.test(name) || !SURNAMES.has(name[0])) continue;
    if (n === 3 && TITLE_END.test(flat.slice(Math.max(0, start - 4), start + 1))) continue;
    return { name, at: start };
  }
  return undefined;
}

const role = (flat: string, title: string, at: number, end: number): Role => ({
  kind: 'other',
  title,
  quote: clauseAround(flat, at, end),
  at,
});

export function findTeamMembers(flat: string): TeamMember[] {
  const out: TeamMember[] = [];
  for (const m of flat.matchAll(TEAM_WORD)) {
    const word = m[1];
    // 以副院长吴国平为组长: the name stands before 为.
    if (flat[m.index - 1] === '为' && /以[^，。；,;]{2,16}为$/u.test(flat.slice(Math.max(0, m.index - 16), m.index))) {
      // 以陈劲松、彭冲均为组长: every name of the list before 为.
      for (let n = nameBefore(flat, m.index - 1); n; n = flat[n.at - 1] === '、' ? nameBefore(flat, n.at - 1) : undefined) {
        out.push({ name: n.name, uncertain: false, role: role(flat, word, n.at, m.index + word.length) });
      }
      continue;
    }
    for (const n of listAfter(flat, m.index + m[0].length)) {
      out.push({ name: n.name, uncertain: n.uncertain, role: role(flat, word, m.index, n.at + n.name.length) });
    }
  }
  return out;
}
