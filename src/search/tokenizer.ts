/**
 * The one tokenizer of full-text search. The index builder
 * (`src/search/index/record.ts`) and the search page
 * (`src/browser/search/main.ts`) both use it, so the index and the queries cannot
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
const SPACE = /^\s$/u;
const ENCODED = /^x[0-9a-f]+$/;
/**
 * Punctuation that only joins words: enumeration comma, quotation marks,
 * book-title marks, corner brackets, middle dots. It has no key, so a phrase
 * matches across it (重培训求实效 finds 重培训、求实效) and a query need not type it.
 */
const JOIN = /^[、“”‘’《》〈〉「」『』·・‧"']$/u;
/** A token's character in a content word: a Han character or an ASCII letter or digit. */
const CORE = /[\p{Script=Han}A-Za-z0-9]/u;

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

/**
 * The word a token is stored as in the index's content: its key (a Han or
 * ASCII character as itself, case kept). What the page prints around it is
 * kept apart, in `encodePrinted`, so the index holds no extra words.
 */
export function contentWord(token: Token): string {
  return ENCODED.test(token.key) ? token.key : token.core;
}

/** A page's index content: one word per token, separated by spaces. */
export function encodeContent(tokens: Token[]): string {
  return tokens.map(contentWord).join(' ');
}

/** ASCII punctuation that a Chinese text prints full-width: shown so unless the page says otherwise. */
const FULL_WIDTH = /^[!(),:;?]$/;

/** How a token is shown when nothing else is known: the character, full-width for `FULL_WIDTH` punctuation. */
function defaultShown(core: string, encoded: boolean): string {
  return encoded && FULL_WIDTH.test(core) ? String.fromCharCode(core.charCodeAt(0) + 0xfee0) : core;
}

const ENTRY = '\uE001';
const FIELD = '\uE002';
/** A printed character that is empty (the second character of an expansion such as ㈠ → (一)). */
const NOTHING = '\uE003';

/**
 * What the page prints where it differs from the tokens' `defaultShown`
 * text: per token (index as a base-36 delta from the previous entry) the
 * text printed before its character, the character if printed differently, and the text after it
 * (joining punctuation, whitespace as one space). The search page shows
 * excerpts from it. The index builder adds it to the page's fragment file, beside Pagefind's
 * fields (src/search/index/pagefind-files.ts): not in the record, whose meta is word-indexed,
 * and not beside it, which made each result shown two requests.
 */
export function encodePrinted(tokens: Token[]): string {
  const out: string[] = [];
  let last = 0;
  tokens.forEach((t, i) => {
    const before = t.text.slice(0, t.lead);
    const own = t.text.slice(t.lead, t.lead + t.size);
    const after = t.text.slice(t.lead + t.size);
    const same = own === defaultShown(t.core, ENCODED.test(t.key));
    if (!before && !after && same) return;
    out.push([(i - last).toString(36), before, same ? '' : own || NOTHING, after].join(FIELD));
    last = i;
  });
  return out.join(ENTRY);
}

/**
 * Where a printed file's text ends: after it the file holds the page's
 * paragraph anchors (`encodeParagraphs`, index/record.ts), which would add
 * words to the index in the record's meta.
 */
export const PARAGRAPHS_MARK = '\uE004';

/** Sets the printed text of decoded tokens from `encodePrinted`'s output. */
function applyPrinted(tokens: Token[], file: string) {
  const end = file.indexOf(PARAGRAPHS_MARK);
  const printed = end < 0 ? file : file.slice(0, end);
  if (!printed) return;
  let i = 0;
  for (const entry of printed.split(ENTRY)) {
    const [delta, before = '', own = '', after = ''] = entry.split(FIELD);
    i += parseInt(delta, 36);
    const t = tokens[i];
    if (!t || Number.isNaN(i)) return;
    const shown = own === NOTHING ? '' : own || t.text;
    t.text = before + shown + after;
    t.lead = before.length;
    t.size = shown.length;
  }
}

/** What separates words in index content: a space, or the zero-width space Pagefind may keep. */
const isWordBreak = (code: number) => code === 0x20 || code === 0x200b;

/** Tokens back from index content, with the printed text they show (`encodePrinted`). */
export function decodeContent(content: string, printed = ''): Token[] {
  const tokens: Token[] = [];
  // A scan rather than a split: a page is thousands of one-character words, and the search page
  // decodes every result's page before it shows the first.
  for (let from = 0, to = 0; from < content.length; from = to + 1) {
    to = from;
    while (to < content.length && !isWordBreak(content.charCodeAt(to))) to++;
    if (to === from) continue;
    const word = content.slice(from, to);
    const code = word.charCodeAt(0);
    if (to - from === 1 && code >= 0x4e00 && code <= 0x9fff) {
      // The common case, a Han character of the basic block: its own key, printed as itself.
      tokens.push({ key: word, core: word, text: word, lead: 0, size: 1, at: -1 });
      continue;
    }
    if (word.length > 1 && ENCODED.test(word)) {
      const ch = String.fromCodePoint(parseInt(word.slice(1), 16));
      const text = defaultShown(ch, true);
      tokens.push({ key: word, core: ch, text, lead: 0, size: text.length, at: -1 });
      continue;
    }
    // Otherwise one Han character, or one ASCII letter or digit (any punctuation around it is in an older index's word).
    const core = CORE.exec(word);
    if (!core) continue;
    tokens.push({ key: core[0].toLowerCase(), core: core[0], text: word, lead: core.index, size: core[0].length, at: -1 });
  }
  if (printed) applyPrinted(tokens, printed);
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

/** The phrase Pagefind is asked for: keys (a term's, or a run of them) in quotes, which is its exact (consecutive words) mode. */
export function pagefindPhrase(keys: string[]): string {
  return `"${keys.join(' ')}"`;
}
