/**
 * Which lines of an OCR text are page furniture: the running head (paper,
 * section, date, weekday, page), the editors' credits and the page's phone
 * numbers. Pure, one line at a time; the block reader (document.ts) and the
 * furniture detector (defects/furniture.ts) both ask it.
 *
 * A running head is printed as one line or several, in any order
 * (`衢州日报 2021年7月5日 星期一 第3版`, `责任编辑：方晓明 版式：周丽 校对：吴敏`), so a
 * line is read as a row of furniture items; what is left over must be short
 * words without sentence punctuation (the paper's or section's name).
 */
export type FurnitureItem = 'phone' | 'page' | 'date' | 'editor';

const NAME = String.raw`\p{Script=Han}{2,4}(?:[、 ]\p{Script=Han}{2,4})?`;
const ITEMS: [FurnitureItem, RegExp][] = [
  [
    'phone',
    /(?:新闻|报料|服务|投诉)?(?:电话|热线|传真|Tel)?\s*[:：]?\s*(?:\(?0\d{2,3}\)?[-－—]?\d{7,8}|1[3-9]\d{9}|\d{3}[-－]\d{3}[-－]\d{4})/iu,
  ],
  ['date', /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*(?:星期|周)[一二三四五六日天])?/u],
  [
    'editor',
    new RegExp(String.raw`(?:责任编辑|责编|编辑|美编|美术编辑|校对|版式|版式设计|本版编辑|组版|审核|值班编辑)\s*[:：]\s*${NAME}`, 'u'),
  ],
  [
    'page',
    /第\s*\d{1,3}\s*版|(?<![\p{Script=Han}\d])[A-H]\d{1,2}(?:版)?(?![\d\p{Script=Han}])|[-—－]\s*\d{1,3}\s*[-—－]|^\d{1,3}$|(?<=\s)\d{1,3}$/u,
  ],
];
const WEEKDAY = /(?:星期|周)[一二三四五六日天]/u;

/** The furniture items a line is made of, or undefined when it is (also) running text. */
export function furnitureItems(line: string): FurnitureItem[] | undefined {
  let rest = line.trim();
  if (!rest || rest.startsWith('#')) return undefined;
  const found: FurnitureItem[] = [];
  for (const [item, re] of ITEMS) {
    const g = new RegExp(re.source, `${re.flags.replace('g', '')}g`);
    if (!g.test(rest)) continue;
    found.push(item);
    rest = rest.replace(g, ' ');
  }
  if (found.length === 0) return undefined;
  rest = rest.replace(WEEKDAY, ' ');
  // What is left is the paper's or the section's name: short words, no sentence punctuation.
  const words = rest.split(/[\s|｜/]+/u).filter(Boolean);
  if (words.some((w) => [...w].length > 12 || /[，。；！？、,;!?“”]/u.test(w))) return undefined;
  if ([...words.join('')].length > 16) return undefined;
  return found;
}

/** A short line beside furniture that can only be a running head: a name, no sentence punctuation. */
export function isRunningHead(line: string): boolean {
  const l = line.trim().replace(/\*\*/g, '');
  return l !== '' && !l.startsWith('#') && [...l].length <= 24 && !/[，。；！？、,;!?“”]/u.test(l);
}

/** Every line of a block is furniture or a running head beside it, and one at least is furniture. */
export function isFurnitureBlock(lines: string[]): boolean {
  const items = lines.map(furnitureItems);
  return items.some(Boolean) && lines.every((l, i) => items[i] || isRunningHead(l));
}
