/**
 * A page's tokens as the index stores them: one word per token in the
 * record's content (`encodeContent`), and apart from it what the page prints
 * around them (`encodePrinted`); `decodeContent` gives the tokens back.
 */
import { ENCODED, type Token } from './tokenizer.ts';

/** A token's character in a content word: a Han character or an ASCII letter or digit. */
const CORE = /[\p{Script=Han}A-Za-z0-9]/u;

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
