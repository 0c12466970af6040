/**
 * Bylines: who wrote a report and in what role (□本报记者 邹欣芮 通讯员 周晶,
 * 本报讯（通讯员 李雪梅 记者 王川）, （记者 陈敏）, (陈春伟 朱少荣)). A line is a
 * byline only when all of it reads as roles and names: a paragraph that
 * mentions a reporter is running text.
 */
import { SURNAMES } from './people.ts';

export interface Author {
  name: string;
  /** The role as printed (本报记者, 通讯员, 随州日报全媒体记者); absent when the byline prints names only. */
  role?: string;
}

const ROLE = String.raw`(?:\p{Script=Han}{2,8}?(?:日报|晚报|时报|报)社?)?(?:本报|特约|见习|实习|全媒体|融媒体|首席|驻站)?记者|通讯员|实习生|摄影|特约撰稿|撰稿|供稿|文\/图|文|图`;
const ROLE_AT = new RegExp(`^(?:${ROLE})`, 'u');
const NAME_AT = /^\p{Script=Han}{2,4}(?=$|[\s、，,　）)])/u;
/** A dateline before a byline in brackets: 本报讯, 新华社北京6月1日电. */
const NEWS_LEAD = /^(?:本报讯|\p{Script=Han}{2,8}讯|\p{Script=Han}{2,10}电)/u;
const OPEN = /^[□■◎●\s]*[（(]?/u;

/**
 * The authors of a byline, or undefined when the text is not one: roles each
 * followed by names, or names alone, and nothing else.
 */
export function parseByline(text: string): Author[] | undefined {
  let rest = text.trim().replace(NEWS_LEAD, '').replace(OPEN, '');
  const bracketed = /[）)]$/.test(rest);
  if (bracketed) rest = rest.replace(/[）)]$/, '');
  const authors: Author[] = [];
  let role: string | undefined;
  let names = 0;
  while ((rest = rest.replace(/^[\s、，,　/]+/u, '')) !== '') {
    const r = ROLE_AT.exec(rest);
    const n = NAME_AT.exec(rest);
    // A role word glued to the name after it (□本报记者邹欣芮) is still a role.
    if (r && (!n || n[0].length <= r[0].length || !SURNAMES.has(n[0][0]))) {
      if (role !== undefined && names === 0) return undefined;
      role = r[0];
      names = 0;
      rest = rest.slice(r[0].length);
    } else if (n && SURNAMES.has(n[0][0])) {
      authors.push(role === undefined ? { name: n[0] } : { name: n[0], role });
      names++;
      rest = rest.slice(n[0].length);
    } else return undefined;
  }
  if (authors.length === 0 || (role !== undefined && names === 0)) return undefined;
  // Names with no role at all count only in brackets: (陈春伟 朱少荣).
  if (authors.every((a) => a.role === undefined) && !bracketed) return undefined;
  return authors;
}

/** A byline at the start of a paragraph: 本报讯（通讯员 李雪梅 记者 王川）近日，…; its printed text and authors. */
export function leadingByline(paragraph: string): { text: string; authors: Author[] } | undefined {
  const m = /^\s*(?:本报讯|\p{Script=Han}{2,8}讯)\s*[（(][^（）()]{2,40}[）)]/u.exec(paragraph);
  if (!m) return undefined;
  const authors = parseByline(m[0]);
  return authors ? { text: m[0].trim(), authors } : undefined;
}
