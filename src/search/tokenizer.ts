/**
 * The one tokenizer of full-text search. The index builder
 * (`src/search/index/record.ts`) and the search page
 * (`src/browser/search/main.ts`) both use it, so the index and the queries cannot
 * disagree: the index's content (`content-codec.ts`), a query's terms
 * (`query-terms.ts`) and a page's hits (`query/page-text.ts`) are made of its tokens.
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

export type TokenClass = 'han' | 'alnum' | 'punct' | 'join' | 'other';

export interface Token {
  /** The indexed word: see the module comment. */
  key: string;
  /** The character in the search form (what the key is made from). */
  core: string;
  /** The printed text it shows: its character as printed, with any punctuation and whitespace attached to it. */
  text: string;
  /** Length (UTF-16) of attached punctuation before the character in `text`. */
  lead: number;
  /** Length (UTF-16) of the printed character itself in `text`. */
  size: number;
  /** UTF-16 offset in the tokenized input where the character came from. */
  at: number;
}

const HAN = /^\p{Script=Han}$/u;
const LETTER = /^\p{L}$/u;
const ALNUM = /^[A-Za-z0-9]$/;
const PUNCT = /^\p{P}$/u;
const CONNECTOR = /^\p{Pc}$/u;
export const SPACE = /^\s$/u;
/** A key that stands for a character by its code point (`keyOf`). */
export const ENCODED = /^x[0-9a-f]+$/;
/**
 * Punctuation that only joins words: enumeration comma, quotation marks,
 * book-title marks, corner brackets, middle dots. It has no key, so a phrase
 * matches across it (重培训求实效 finds 重培训、求实效) and a query need not type it.
 */
const JOIN = /^[、“”‘’《》〈〉「」『』·・‧"']$/u;

export function classify(ch: string): TokenClass {
  if (ALNUM.test(ch)) return 'alnum';
  if (JOIN.test(ch)) return 'join';
  if (HAN.test(ch) && LETTER.test(ch)) return 'han';
  // Connector punctuation (`_`) is kept by Pagefind inside words, so it is never attached.
  if (PUNCT.test(ch) && !CONNECTOR.test(ch)) return 'punct';
  return 'other';
}

/** Where a new NFKC segment may start: nothing composes with a preceding character here. */
function isSegmentStart(ch: string): boolean {
  return ch.charCodeAt(0) < 0x80 || SPACE.test(ch) || HAN.test(ch);
}

/** A character of a text's search form, with where it came from. */
export interface SearchChar {
  ch: string;
  /** UTF-16 offset in the input of the NFKC segment it came from. */
  at: number;
  /**
   * The printed characters it stands for: the input character it came from
   * (empty for the second and later characters of an expansion such as
   * ㈠ → (一)), with a space for any whitespace that follows it (a paragraph
   * separator, U+2029, when the whitespace holds one: there the page shows
   * text that is not indexed, and excerpts stop).
   */
  src: string;
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
  let space = '';
  const emit = (nf: string, src: string, at: number) => {
    let first = true;
    for (const c of nf) {
      if (SPACE.test(c)) {
        if (space !== '\u2029') space = c === '\u2029' ? c : ' ';
        continue;
      }
      if (space && out.length > 0) out[out.length - 1].src += space;
      space = '';
      out.push({ ch: fold(c), at, src: first ? src : '' });
      first = false;
    }
  };
  let segStart = 0;
  const flush = (end: number) => {
    if (end <= segStart) return;
    const seg = input.slice(segStart, end);
    const whole = seg.normalize('NFKC');
    const parts = [...seg].map((c) => [c.normalize('NFKC'), c] as const);
    // Character by character where that gives the same result (nearly always), so each keeps its own printed form.
    if (parts.map((p) => p[0]).join('') === whole) for (const [nf, c] of parts) emit(nf, SPACE.test(c) ? '' : c, segStart);
    else emit(whole, seg.replace(/\s+/gu, ''), segStart);
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

/** A token from one search-form character; `lead` is printed punctuation attached before it. */
function tokenOf(c: SearchChar, cls: TokenClass, lead: string): Token {
  const size = c.src.replace(/ $/, '').length;
  return { key: keyOf(c.ch, cls), core: c.ch, text: lead + c.src, lead: lead.length, size, at: c.at };
}

/**
 * Tokens of a text's search form. Joining punctuation (`JOIN`) and
 * punctuation between a Han character and a Latin letter or digit have no
 * token: their printed text is attached to a neighbouring token.
 */
export function tokenizeChars(chars: SearchChar[]): Token[] {
  const classes = chars.map((c) => classify(c.ch));
  const tokens: Token[] = [];
  let pendingLead = '';
  const attach = (printed: string) => {
    if (tokens.length > 0) tokens[tokens.length - 1].text += printed;
    else pendingLead += printed;
  };
  for (let i = 0; i < chars.length; ) {
    const cls = classes[i];
    if (cls === 'join') {
      attach(chars[i].src);
      i++;
      continue;
    }
    if (cls === 'punct') {
      let j = i;
      while (j < chars.length && classes[j] === 'punct') j++;
      const run = chars.slice(i, j);
      const printed = run.map((c) => c.src).join('');
      const before = i > 0 ? classes[i - 1] : undefined;
      const after = j < chars.length ? classes[j] : undefined;
      if (before === 'han' && after === 'alnum') pendingLead += printed;
      else if (before === 'alnum' && after === 'han') attach(printed);
      else {
        for (const c of run) {
          tokens.push(tokenOf(c, 'punct', pendingLead));
          pendingLead = '';
        }
      }
      i = j;
      continue;
    }
    tokens.push(tokenOf(chars[i], cls, pendingLead));
    pendingLead = '';
    i++;
  }
  return tokens;
}

export function tokenize(input: string, fold: Fold = identityFold): Token[] {
  return tokenizeChars(searchFormChars(input, fold));
}
