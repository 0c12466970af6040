/**
 * An article's body as reading text: without correction marks and Markdown
 * markers, split at its declared sections, and the passage around a name.
 */
import { stripCorrectionMarks } from '../content-model/correction-marks.ts';

/** Markdown body to reading text: no marks, no emphasis markers, no HTML tags, no heading hashes. */
export function plainText(markdown: string): string {
  return stripCorrectionMarks(markdown)
    .replace(/<[^>]+>/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*|__|~~/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

const HEADING_LINE = /^(#{1,6})\s+(.*)$/;

/** Splits a body at its declared section headings, like the rehype plugin does for the page. */
export function splitSections(body: string, sections: { id: string; heading: string }[]): Map<string, string> {
  const key = (s: string) => s.replace(/\s+/g, '').replace(/\*\*/g, '');
  const byHeading = new Map(sections.map((s) => [key(s.heading), s.id]));
  const out = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of body.split('\n')) {
    const m = HEADING_LINE.exec(line);
    const id = m ? byHeading.get(key(m[2])) : undefined;
    if (id && !out.has(id)) {
      current = [];
      out.set(id, current);
    }
    current?.push(line);
  }
  return new Map([...out].map(([id, lines]) => [id, plainText(lines.join('\n'))]));
}

/**
 * The sentence (up to ~80 characters) around the first occurrence of any of
 * `names`. Paragraphs (and headings) bound a passage; line breaks inside a
 * paragraph do not.
 */
export function passageAround(text: string, names: string[], max = 80): string | undefined {
  const paragraphs = text.split(/\n\s*\n/).map((raw) => raw.replace(/\s*\n\s*/g, ''));
  // Prefer running text (a paragraph with a full stop) over headings and captions.
  const sentences = paragraphs.filter((p) => /[。！？]/u.test(p));
  return findPassage(sentences, names, max) ?? findPassage(paragraphs, names, max);
}

function findPassage(paragraphs: string[], names: string[], max: number): string | undefined {
  for (const para of paragraphs) {
    let at = -1;
    let found = '';
    for (const name of names) {
      const i = para.indexOf(name);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
        found = name;
      }
    }
    if (at < 0) continue;
    const start = Math.max(para.lastIndexOf('。', at), para.lastIndexOf('！', at), para.lastIndexOf('？', at)) + 1;
    const endMark = para.slice(at + found.length).search(/[。！？]/u);
    const end = endMark < 0 ? para.length : at + found.length + endMark + 1;
    let passage = para.slice(start, end);
    if (passage.length > max) {
      const from = Math.max(0, Math.min(at - start - 20, passage.length - max));
      passage = `${from > 0 ? '…' : ''}${passage.slice(from, from + max)}…`;
    }
    return passage;
  }
  return undefined;
}
