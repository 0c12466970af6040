/**
 * The one tokenizer of full-text search. The index builder
 * (`src/search/index/record.ts`) and the search page
 * (`src/browser/search.ts`) both use it, so the index and the queries cannot
 * disagree.
 *
 * A text's search form is what the search checker compares (NFKC,
 * whitespace removed, case ignored), with Traditional characters folded to
 * Simplified (`Fold`); every character of it becomes one token. Pagefind indexes each
 * token as a word and finds a term as a phrase of consecutive tokens, which
 * is exact substring search: no word breaker, no stemming, no prefixes.
 *
 * A token's `key` is what the index holds: a Han character, a lower-case ASCII
 * letter or digit, or `x` + the hex code point for anything else, so
 * Pagefind's own normalizing (it drops punctuation, strips diacritics) has
 * nothing to change. Punctuation between a Han character and a Latin letter
 * or digit (`“1457”战略`) is attached to the letter or digit and has no key of
 * its own: `1457战略` finds it, as readers type such names without quotes.
 */

/** Traditional → Simplified, one character at a time; identity where nothing changes. */
export type Fold = (ch: string) => string;

export const identityFold: Fold = (ch) => ch;

export type TokenClass = 'han' | 'alnum' | 'punct' | 'other';

export interface Token {
  /** The indexed word: see the module comment. */
  key: string;
  /** The text it shows: the character, with any punctuation attached to it. */
  text: string;
  /** Length (UTF-16) of attached punctuation before the character in `text`. */
  lead: number;
  /** Length (UTF-16) of the character itself in `text`. */
  size: number;
  /** UTF-16 offset in the tokenized input where the character came from. */
  at: number;
}

const HAN = /^\p{Script=Han}$/u;
const LETTER = /^\p{L}$/u;
const ALNUM = /^[A-Za-z0-9]$/;
const PUNCT = /^\p{P}$/u;
const CONNECTOR = /^\p{Pc}$/u;
const SPACE = /^\s$/u;
const ENCODED = /^x[0-9a-f]+$/;

export function classify(ch: string): TokenClass {
  if (ALNUM.test(ch)) return 'alnum';
  if (HAN.test(ch) && LETTER.test(ch)) return 'han';
  // Connector punctuation (`_`) is kept by Pagefind inside words, so it is never attached.
  if (PUNCT.test(ch) && !CONNECTOR.test(ch)) return 'punct';
  return 'other';
}

/** Where a new NFKC segment may start: nothing composes with a preceding character here. */
function isSegmentStart(ch: string): boolean {
  return ch.charCodeAt(0) < 0x80 || SPACE.test(ch) || HAN.test(ch);
}

/** A character of a text's search form, with the offset in the input it came from. */
export interface SearchChar {
  ch: string;
  at: number;
}

/**
 * The search form of a text, character by character: NFKC, Traditional
 * folded to Simplified, whitespace removed. NFKC runs on segments that start at ASCII,
 * whitespace or Han characters (which never compose with what precedes them),
 * so the result equals NFKC of the whole string and each character keeps the
 * offset of the segment it came from.
 */
export function searchFormChars(input: string, fold: Fold = identityFold): SearchChar[] {
  const out: SearchChar[] = [];
  let segStart = 0;
  const flush = (end: number) => {
    if (end <= segStart) return;
    for (const c of input.slice(segStart, end).normalize('NFKC')) {
      if (!SPACE.test(c)) out.push({ ch: fold(c), at: segStart });
    }
  };
  let i = 0;
  for (const c of input) {
    if (i > segStart && isSegmentStart(c)) {
      flush(i);
      segStart = i;
    }
    i += c.length;
  }
  flush(input.length);
  return out;
}

/** The search form as one string (what the index and the matcher compare). */
export function searchForm(input: string, fold: Fold = identityFold): string {
  return searchFormChars(input, fold)
    .map((c) => c.ch)
    .join('');
}

function keyOf(ch: string, cls: TokenClass): string {
  if (cls === 'han') return ch;
  if (cls === 'alnum') return ch.toLowerCase();
  const lower = ch.toLowerCase();
  const cp = ([...lower].length === 1 ? lower : ch).codePointAt(0)!;
  return `x${cp.toString(16)}`;
}

/** Tokens of a text's search form; see the module comment for attached punctuation. */
export function tokenizeChars(chars: SearchChar[]): Token[] {
  const classes = chars.map((c) => classify(c.ch));
  const tokens: Token[] = [];
  let pendingLead = '';
  for (let i = 0; i < chars.length; ) {
    const cls = classes[i];
    if (cls === 'punct') {
      let j = i;
      while (j < chars.length && classes[j] === 'punct') j++;
      const run = chars.slice(i, j);
      const before = i > 0 ? classes[i - 1] : undefined;
      const after = j < chars.length ? classes[j] : undefined;
      if (before === 'han' && after === 'alnum') {
        pendingLead = run.map((c) => c.ch).join('');
      } else if (before === 'alnum' && after === 'han') {
        tokens[tokens.length - 1].text += run.map((c) => c.ch).join('');
      } else {
        for (const c of run) tokens.push({ key: keyOf(c.ch, 'punct'), text: c.ch, lead: 0, size: c.ch.length, at: c.at });
      }
      i = j;
      continue;
    }
    const { ch, at } = chars[i];
    tokens.push({ key: keyOf(ch, cls), text: pendingLead + ch, lead: pendingLead.length, size: ch.length, at });
    pendingLead = '';
    i++;
  }
  return tokens;
}

export function tokenize(input: string, fold: Fold = identityFold): Token[] {
  return tokenizeChars(searchFormChars(input, fold));
}

/**
 * The word a token is stored as in the index's content: Han and ASCII
 * characters as themselves (with attached punctuation, which Pagefind drops
 * from the indexed word), everything else as its key.
 */
export function contentWord(token: Token): string {
  return ENCODED.test(token.key) ? token.key : token.text;
}

/** A page's index content: one word per token, separated by spaces. */
export function encodeContent(tokens: Token[]): string {
  return tokens.map(contentWord).join(' ');
}

/** Tokens back from index content, with the text they show. */
export function decodeContent(content: string): Token[] {
  const tokens: Token[] = [];
  for (const word of content.split(/[ \u200B]+/)) {
    if (!word) continue;
    if (word.length > 1 && word.charCodeAt(0) === 0x78 /* x */ && ENCODED.test(word)) {
      const ch = String.fromCodePoint(parseInt(word.slice(1), 16));
      tokens.push({ key: word, text: ch, lead: 0, size: ch.length, at: -1 });
      continue;
    }
    // Otherwise one Han character, or one ASCII letter or digit with any attached punctuation around it.
    let lead = 0;
    let size = word.length;
    if (word.length > 2 || (word.length === 2 && !/^[\uD800-\uDBFF]/.test(word))) {
      lead = word.search(/[A-Za-z0-9]/);
      if (lead < 0) continue;
      size = 1;
    }
    const core = word.slice(lead, lead + size);
    tokens.push({ key: core.toLowerCase(), text: word, lead, size, at: -1 });
  }
  return tokens;
}

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
}

/** Longest query the search page runs; longer input is cut, and the page says so. */
export const MAX_QUERY_LENGTH = 1000;

/**
 * Space-separated terms, each a phrase of keys. Punctuation at a term's edges
 * may stand attached to a neighbour in the page (`“1457”` in `展“1457”战略`),
 * so it is not looked up but checked on the page text (`findHits`); so is a
 * term of punctuation only, on every page. Duplicate terms count once.
 */
export function parseQuery(query: string, fold: Fold = identityFold): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const raw of query.normalize('NFKC').split(/\s+/u)) {
    if (!raw) continue;
    const tokens = tokenize(raw, fold);
    if (tokens.length === 0) continue;
    let a = 0;
    let b = tokens.length;
    while (a < b && classify(tokens[a].text) === 'punct') a++;
    while (b > a && classify(tokens[b - 1].text) === 'punct') b--;
    const term: QueryTerm =
      a === b
        ? { raw, keys: tokens.map((t) => t.key), lead: tokens.map((t) => t.text).join(''), trail: '', punct: true }
        : {
            raw,
            keys: tokens.slice(a, b).map((t) => t.key),
            lead: tokens
              .slice(0, a)
              .map((t) => t.text)
              .join(''),
            trail: tokens
              .slice(b)
              .map((t) => t.text)
              .join(''),
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

/** Every place the term occurs in the page (the exact semantics the index approximates from above). */
export function findHits(page: PageText, term: QueryTerm, limit = Infinity): Hit[] {
  const { tokens, text, starts } = page;
  const n = term.keys.length;
  const hits: Hit[] = [];
  if (n === 0) return hits;
  if (term.punct) {
    // Punctuation-only: the literal characters anywhere in the shown text.
    const needle = term.lead;
    for (let at = text.indexOf(needle); at >= 0 && hits.length < limit; at = text.indexOf(needle, at + 1)) {
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
    if (term.lead && text.slice(from - term.lead.length, from) !== term.lead) continue;
    if (term.trail && text.slice(to, to + term.trail.length) !== term.trail) continue;
    hits.push({ first: i, last: i + n, from: from - term.lead.length, to: to + term.trail.length });
  }
  return hits;
}

/** The phrase Pagefind is asked for: keys (a term's, or a run of them) in quotes, which is its exact (consecutive words) mode. */
export function pagefindPhrase(keys: string[]): string {
  return `"${keys.join(' ')}"`;
}
