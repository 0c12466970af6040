/**
 * Ids for what the importer writes: the source id, and ASCII entry ids made
 * from pinyin (curation.md: people are `chen-guoqi`; hospitals, measures and
 * articles are short ASCII slugs).
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { SOURCE_ID_PATTERN } from '../../src/content-model/sources.ts';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A new source's id. A file already named like a source id (`005_…` from the
 * team's OCR pipeline) keeps its name; otherwise the id is the next sequence
 * number after the highest in use and the first 16 hex digits of the file's
 * SHA-256.
 */
export function newSourceId(existing: string[], bytes: Uint8Array, fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.txt$/i, '');
  if (SOURCE_ID_PATTERN.test(base)) return base;
  const next = existing.reduce((n, id) => Math.max(n, Number(id.slice(0, 3)) + 1), 0);
  if (next > 999) throw new Error('source numbers are used up to 999; the id format (NNN_<hex>) needs a fourth digit');
  return `${String(next).padStart(3, '0')}_${sha256Hex(bytes).slice(0, 16)}`;
}

function syllables(text: string): string[] {
  const han = text.replace(/[^\p{Script=Han}\dA-Za-z]+/gu, ' ').trim();
  if (!han) return [];
  return pinyin(han, { toneType: 'none', type: 'array', v: true, nonZh: 'consecutive' })
    .map((s) =>
      s
        .toLowerCase()
        .replace(/ü/g, 'v')
        .replace(/[^a-z0-9]/g, ''),
    )
    .filter(Boolean);
}

/** `chen-guoqi`: surname, hyphen, given name (surname readings: 单 shan, 曾 zeng). */
export function personId(name: string): string {
  const s = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }).map((x) => x.toLowerCase().replace(/[^a-z]/g, ''));
  return [s[0], s.slice(1).join('')].filter(Boolean).join('-');
}

/** Syllables joined by hyphens, at most `max` of them. */
export function pinyinSlug(text: string, max = 6): string {
  return syllables(text).slice(0, max).join('-');
}

const TYPES: [RegExp, string][] = [
  [/中心医院$/, 'central'],
  [/第(\p{Script=Han})人民医院$/u, 'peoples-$1'],
  [/人民医院$/, 'peoples'],
  [/中医医院$|中医院$/, 'tcm'],
  [/中西医结合医院$/, 'integrated'],
  [/妇幼保健院$/, 'mch'],
  [/(中心)?卫生院$|社区卫生服务中心$|卫生服务中心$/, ''],
];

/** 安康市中心医院 → ankang-central; 大足区邮亭中心卫生院 → dazu-youting; 綦江区中医院 → qijiang-tcm. */
export function hospitalId(name: string): string {
  let rest = name.replace(/^(?:\p{Script=Han}{2,7}?(?:省|自治区)|北京市|天津市|上海市|重庆市)(?=\p{Script=Han}{2,}(?:市|县|区))/u, '');
  const places: string[] = [];
  for (;;) {
    const m = /^(\p{Script=Han}{2,4}?)(?:市|县|区|镇|乡|街道)/u.exec(rest);
    if (!m || m[0].length === rest.length) break;
    places.push(syllables(m[1]).join(''));
    rest = rest.slice(m[0].length);
  }
  if (places.length === 0) return pinyinSlug(name, 8);
  for (const [re, word] of TYPES) {
    const m = re.exec(rest);
    if (m) {
      const number = m[1] ? (syllables(m[1])[0] ?? '') : '';
      const type = word.replace('$1', number);
      const lead = rest.slice(0, m.index);
      return [...places, ...(lead ? [syllables(lead).join('')] : []), ...(type ? [type] : [])].join('-');
    }
  }
  return [...places, pinyinSlug(rest, 4)].filter(Boolean).join('-');
}

/** An id not yet in `taken`: the base, or base-2, base-3, … */
export function unique(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
