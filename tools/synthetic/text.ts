/**
 * The running text of a synthetic report, as blocks of pieces: each piece is
 * one sentence with the article's reading, the source's text and the
 * corrections between them (the two are equal until a defect is put in).
 * Filler sentences come from the corpus with their numbers re-drawn, or are
 * strung together from its clauses.
 */
import type { Context } from './context.ts';
import { chance, int, pick, type Rng } from './random.ts';

export interface CorrectionDraft {
  kind: string;
  original: string;
  reading: string;
  note?: string;
  global?: boolean;
}

/** One sentence of a paragraph: the article's reading, the source's text, the corrections between them. */
export interface Piece {
  /** The article text, with `\u0001k\u0001` where the mark of `corr[k]` goes. */
  body: string;
  src: string;
  corr: CorrectionDraft[];
  /** Sentence from the corpus, free to carry a defect. */
  filler?: boolean;
}

export interface Block {
  /** `p` running text, `h` heading (Markdown level), `furniture` page furniture (source only), `caption`. */
  type: 'p' | 'h' | 'furniture' | 'caption';
  level?: number;
  pieces: Piece[];
}

/** A sentence the source prints as the article reads it. */
export const plain = (s: string): Piece => ({ body: s, src: s, corr: [] });
export const para = (pieces: Piece[]): Block => ({ type: 'p', pieces });

/** Every number in `s` drawn anew with as many digits (years stay years), so recombined sentences do not repeat figures. */
function renumber(rng: Rng, s: string): string {
  return s.replace(/\d+(?:\.\d+)?/g, (m) => {
    if (/^(19|20)\d\d$/.test(m)) return String(int(rng, 2012, 2023));
    const digits = m.replace('.', '').length;
    const v = String(int(rng, 1, 10 ** Math.min(digits, 5) - 1));
    return m.includes('.') ? `${v.slice(0, -1) || '0'}.${v.slice(-1)}` : v;
  });
}

function fillerSentence({ rng, corpus }: Context): string {
  if (chance(rng, 0.55)) return renumber(rng, pick(rng, corpus.sentences));
  const k = int(rng, 2, 4);
  return `${Array.from({ length: k }, () => pick(rng, corpus.clauses)).join('，')}。`;
}

function filler(ctx: Context): Piece {
  const s = fillerSentence(ctx);
  return { body: s, src: s, corr: [], filler: true };
}

/** A paragraph of `min`–`max` filler sentences with the `extra` pieces put in at random places. */
export function fillerPara(ctx: Context, extra: Piece[] = [], min = 2, max = 5): Block {
  const pieces = Array.from({ length: int(ctx.rng, min, max) }, () => filler(ctx));
  for (const e of extra) pieces.splice(int(ctx.rng, 0, pieces.length), 0, e);
  return para(pieces);
}
