/**
 * Traditional → Simplified, one character at a time, from OpenCC's own
 * dictionaries (opencc-js): Taiwan and Hong Kong variants to OpenCC's
 * standard forms, then standard Traditional to Simplified.
 *
 * Only characters, never phrases: OpenCC's phrase rules convert a character
 * differently by context, and a query must fold to a substring of the folded
 * page wherever it occurs. Variant rules apply only outside GB2312 (the
 * Simplified character set), so that Simplified text such as 著名 stays as it
 * is. The search page loads this module only for queries that need it
 * (`mayNeedFold`), since it is the largest part of the search code.
 */
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import { isGb2312 } from './t2s.ts';

function parseDict(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    if (from && to && !map.has(from)) map.set(from, to);
  }
  return map;
}

let table: Map<string, string> | undefined;

/** Every character that folds, with what it folds to. */
export function t2sTable(): Map<string, string> {
  if (table) return table;
  const ts = parseDict(TSCharacters);
  const variants = [parseDict(TWVariantsRev), parseDict(HKVariantsRev)];
  const out = new Map<string, string>();
  const add = (from: string) => {
    if (out.has(from)) return;
    let ch = from;
    if (!isGb2312(ch)) ch = variants.find((v) => v.has(ch))?.get(ch) ?? ch;
    ch = ts.get(ch) ?? ch;
    if (ch !== from) out.set(from, ch);
  };
  for (const k of ts.keys()) add(k);
  for (const v of variants) for (const k of v.keys()) add(k);
  table = out;
  return table;
}
