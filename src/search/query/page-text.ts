/**
 * A page's text as the search page reads it, and every place a query term
 * occurs in it: the exact semantics that the index's lookups approximate
 * from above.
 */
import type { QueryTerm } from '../query-terms.ts';
import { classify, type Token } from '../tokenizer.ts';

/** A page's tokens with the display string they make and where each token starts in it. */
export interface PageText {
  tokens: Token[];
  text: string;
  starts: number[];
}

export function pageText(tokens: Token[]): PageText {
  const starts = new Array<number>(tokens.length);
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    starts[i] = at;
    at += tokens[i].text.length;
  }
  return { tokens, text: tokens.map((t) => t.text).join(''), starts };
}

export interface Hit {
  /** Token range [first, last). */
  first: number;
  last: number;
  /** Range in `PageText.text` to highlight. */
  from: number;
  to: number;
}

/** Index of the token whose shown text covers offset `at`. */
function tokenIndexAt(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Printed text compared with a query's: NFKC, character by character where that keeps the length. */
function loose(text: string): string {
  let out = '';
  for (const c of text) {
    const n = c.normalize('NFKC');
    out += n.length === c.length ? n : c;
  }
  return out;
}

/** Characters that are skipped next to a hit: whitespace and joining punctuation. */
const skipped = (c: string) => c === ' ' || classify(c) === 'join';

/** `n` characters of the page text before (`dir` -1) or after (`dir` 1) `at`, skipping whitespace and joining punctuation. */
function neighbours(text: string, at: number, n: number, dir: 1 | -1): string {
  let out = '';
  for (let i = dir > 0 ? at : at - 1; i >= 0 && i < text.length && out.length < n; i += dir) {
    if (skipped(text[i])) continue;
    out = dir > 0 ? out + text[i] : text[i] + out;
  }
  return loose(out);
}

/** Every place the term occurs in the page (the exact semantics the index approximates from above). */
export function findHits(page: PageText, term: QueryTerm, limit = Infinity): Hit[] {
  if (term.alternatives) return alternativeHits(page, term, limit);
  const { tokens, text, starts } = page;
  const n = term.keys.length;
  const hits: Hit[] = [];
  if (n === 0) return hits;
  if (term.punct) {
    // Punctuation-only: the literal characters anywhere in the text.
    const needle = term.lead;
    const hay = loose(text);
    for (let at = hay.indexOf(needle); at >= 0 && hits.length < limit; at = hay.indexOf(needle, at + 1)) {
      const first = tokenIndexAt(starts, at);
      hits.push({ first, last: tokenIndexAt(starts, at + needle.length - 1) + 1, from: at, to: at + needle.length });
    }
    return hits;
  }
  outer: for (let i = 0; i + n <= tokens.length && hits.length < limit; i++) {
    for (let k = 0; k < n; k++) if (tokens[i + k].key !== term.keys[k]) continue outer;
    const from = starts[i] + tokens[i].lead;
    const lastToken = tokens[i + n - 1];
    const to = starts[i + n - 1] + lastToken.lead + lastToken.size;
    if (term.lead && neighbours(text, from, term.lead.length, -1) !== term.lead) continue;
    if (term.trail && neighbours(text, to, term.trail.length, 1) !== term.trail) continue;
    hits.push({ first: i, last: i + n, from: Math.max(0, from - term.lead.length), to: Math.min(text.length, to + term.trail.length) });
  }
  return hits;
}

/** Hits of any of a term's alternatives; where they overlap (重庆市大足区人民医院 holds 大足区人民医院) the longest counts. */
function alternativeHits(page: PageText, term: QueryTerm, limit: number): Hit[] {
  const all = term.alternatives!.flatMap((keys) => findHits(page, { ...term, keys, alternatives: undefined }));
  all.sort((a, b) => a.from - b.from || b.to - a.to);
  const out: Hit[] = [];
  for (const h of all) {
    const last = out[out.length - 1];
    if (last && h.from < last.to) continue;
    out.push(h);
    if (out.length >= limit) break;
  }
  return out;
}
