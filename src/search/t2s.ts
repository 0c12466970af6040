/**
 * Which characters need the Traditional → Simplified table (`t2s-table.ts`),
 * decided without loading it: a Han character outside GB2312, or one of the
 * few GB2312 characters OpenCC still converts (a unit test keeps this list
 * equal to the table). Simplified queries thus never download the table.
 */
import type { Fold } from './tokenizer.ts';

/** GB2312 characters that OpenCC's TSCharacters converts (後 → 后, 於 → 于, …). */
export const GB2312_FOLDED = '乾吒夥後徵拚捱摺於榘菸薹袷醣麴麽';

let gb2312: Set<string> | undefined;

/** GB2312's 6,763 Han characters, decoded with the platform's GBK decoder (no table shipped). */
function gb2312Set(): Set<string> {
  if (gb2312) return gb2312;
  const bytes: number[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) for (let col = 0xa1; col <= 0xfe; col++) bytes.push(row, col);
  const text = new TextDecoder('gbk').decode(new Uint8Array(bytes));
  gb2312 = new Set([...text].filter((c) => c !== '\uFFFD'));
  return gb2312;
}

export function isGb2312(ch: string): boolean {
  return gb2312Set().has(ch);
}

const HAN = /\p{Script=Han}/u;

export function mayNeedFold(text: string): boolean {
  for (const ch of text) {
    if (!HAN.test(ch)) continue;
    if (!isGb2312(ch) || GB2312_FOLDED.includes(ch)) return true;
  }
  return false;
}

export function foldWith(table: Map<string, string>): Fold {
  return (ch) => table.get(ch) ?? ch;
}
