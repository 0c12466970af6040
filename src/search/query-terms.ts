/**
 * A query as terms: whitespace-separated parts, each a phrase of keys of
 * the one tokenizer (`tokenizer.ts`), with punctuation at its edges kept
 * apart to be checked on the page text.
 */
import { classify, identityFold, SPACE, tokenize, type Fold, type Token } from './tokenizer.ts';

export interface QueryTerm {
  /** The term as typed. */
  raw: string;
  /** Keys looked up as one phrase. */
  keys: string[];
  /** Punctuation typed at the start or end of the term: checked against the page text, not looked up. */
  lead: string;
  trail: string;
  /**
   * Only punctuation: it may stand attached to a letter in the page, where no
   * key holds it, so every page is a candidate and the text decides.
   */
  punct: boolean;
  /**
   * For a term that is a name of a hospital (`src/search/names.ts`): the keys
   * of each of its names; the term occurs wherever any of them does.
   */
  alternatives?: string[][];
}

/** Longest query the search page runs; longer input is cut, and the page says so. */
export const MAX_QUERY_LENGTH = 1000;

/** A token's printed character without what is attached to it. */
const own = (t: Token) => t.text.slice(t.lead, t.lead + t.size);

/** Whitespace-separated parts of a query; whitespace inside quotes ("…", “…”) does not separate. */
export function splitQuery(query: string): string[] {
  const parts: string[] = [];
  let part = '';
  let quote = '';
  for (const c of query) {
    if (quote && c === quote) quote = '';
    else if (!quote && (c === '"' || c === '“')) quote = c === '"' ? '"' : '”';
    if (!quote && SPACE.test(c)) {
      if (part) parts.push(part);
      part = '';
    } else part += c;
  }
  if (part) parts.push(part);
  return parts;
}

/**
 * Whitespace-separated terms, each a phrase of keys; quotes keep a phrase
 * with spaces together and are not looked for (they join, `JOIN`). Punctuation at a term's edges
 * may stand attached to a neighbour in the page (`“1457”` in `展“1457”战略`),
 * so it is not looked up but checked on the page text (`findHits`); so is a
 * term of punctuation only, on every page. Duplicate terms count once.
 */
export function parseQuery(query: string, fold: Fold = identityFold): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const raw of splitQuery(query.normalize('NFKC'))) {
    const tokens = tokenize(raw, fold);
    if (tokens.length === 0) continue;
    const isPunct = (t: Token) => classify(t.core) === 'punct';
    let a = 0;
    let b = tokens.length;
    while (a < b && isPunct(tokens[a])) a++;
    while (b > a && isPunct(tokens[b - 1])) b--;
    const printed = (ts: Token[]) => ts.map(own).join('');
    const term: QueryTerm =
      a === b
        ? { raw, keys: tokens.map((t) => t.key), lead: printed(tokens), trail: '', punct: true }
        : {
            raw,
            keys: tokens.slice(a, b).map((t) => t.key),
            lead: printed(tokens.slice(0, a)),
            trail: printed(tokens.slice(b)),
            punct: false,
          };
    const id = `${term.lead}\u0000${term.keys.join(' ')}\u0000${term.trail}`;
    if (seen.has(id)) continue;
    seen.add(id);
    terms.push(term);
  }
  return terms;
}

/** True when Pagefind's phrase match alone decides the term (nothing to check on the page text). */
export function isExact(term: QueryTerm): boolean {
  return !term.punct && term.lead === '' && term.trail === '';
}

/** The phrase Pagefind is asked for: keys (a term's, or a run of them) in quotes, which is its exact (consecutive words) mode. */
export function pagefindPhrase(keys: string[]): string {
  return `"${keys.join(' ')}"`;
}
