/**
 * The material of generated running text: the real sources cut into clean
 * sentences and clauses, with the real hospitals' names blanked out so that
 * the generated names are the only hospital names in a synthetic archive.
 */

export interface Corpus {
  /** Whole sentences ending 。！？, sorted. */
  sentences: string[];
  /** Parts of those sentences between ，；：, sorted. */
  clauses: string[];
}

export const CJK = /\p{Script=Han}/u;

/** A source line without Markdown marks, or undefined when it is a caption, a picture note or too short to hold a sentence. */
function cleanLine(line: string, names: string[]): string | undefined {
  let clean = line
    .replace(/^#+\s*/, '')
    .replace(/\*\*|__/g, '')
    .replace(/[<>[\]_`|*#\\]/g, '')
    .trim();
  if (clean.startsWith('□') || clean.startsWith('▲') || clean.length < 12) return undefined;
  for (const name of names) clean = clean.split(name).join('医院');
  return clean;
}

/** Mostly Chinese, of a reasonable length, not a numbered item, no URL, no quotation left open or closed outside it. */
function usableSentence(s: string): boolean {
  const han = [...s].filter((c) => CJK.test(c)).length;
  if (s.length < 12 || s.length > 140 || han < s.length * 0.6 || /[~～$&]|http|www/.test(s)) return false;
  return !(/^[\d一二三四五六七八九十（(]/.test(s) || /[“‘「][^”’」]*$/.test(s) || /^[^“‘「]*[”’」]/.test(s));
}

/** Cuts texts into clean sentences and clauses; throws when too few are left to vary the text. */
export function prepareCorpus(texts: string[], avoid: string[] = []): Corpus {
  const sentences = new Set<string>();
  const clauses = new Set<string>();
  // Longest first, so that a name is blanked before a shorter name inside it.
  const names = [...avoid].filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  const lines = texts.flatMap((text) => text.split('\n').flatMap((line) => cleanLine(line, names) ?? []));
  for (const line of lines) {
    for (const raw of line.match(/[^。！？]+[。！？]/gu) ?? []) {
      const s = raw.replace(/\s+/g, '').replace(/^[”’」』）)]+/, '');
      if (!usableSentence(s)) continue;
      sentences.add(s);
      for (const c of s.slice(0, -1).split(/[，；：]/)) {
        if (c.length >= 5 && c.length <= 28 && !/[“”‘’「」《》（）()]/.test(c)) clauses.add(c);
      }
    }
  }
  if (sentences.size < 20 || clauses.size < 20) throw new Error(`corpus too small: ${sentences.size} sentences, ${clauses.size} clauses`);
  return { sentences: [...sentences].sort(), clauses: [...clauses].sort() };
}
