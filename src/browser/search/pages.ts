/**
 * Result pages as the search page reads them: each fragment fetched once,
 * decoded with its printed text for showing, or on its keys alone where
 * they decide (src/search/content-codec.ts `decodeContent`).
 */
import { decodeAnchors, type AnchorRef } from '../../search/query/engine.ts';
import type { PagefindFragment } from '../../search/query/fragment.ts';
import { decodeContent } from '../../search/content-codec.ts';
import { isExact, type QueryTerm } from '../../search/query-terms.ts';
import { pageText, type PageText } from '../../search/query/page-text.ts';
import type { PagefindResult } from './pagefind.ts';

export interface Loaded {
  fragment: PagefindFragment;
  page: PageText;
  anchors: AnchorRef[];
}
const loaded = new Map<string, Promise<Loaded>>();
const fragments = new Map<string, Promise<PagefindFragment>>();

/** A result's fragment, fetched once whether the check or the display asks first. */
function fragmentOf(result: PagefindResult): Promise<PagefindFragment> {
  let p = fragments.get(result.id);
  if (!p) fragments.set(result.id, (p = result.data()));
  return p;
}

/** Whether a page's fragment is already asked for: the planner checks those first. */
export const isFetched = (id: string) => fragments.has(id);

/**
 * Lets the page handle input and paint before the next piece of work: pages
 * are decoded one task each, not all in the task their files arrived in
 * (where the browser has no `scheduler.yield`, they are).
 */
export const yieldToPage = () => (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.();

/** A result decoded with its printed text, as it is shown; once. */
export function load(result: PagefindResult): Promise<Loaded> {
  let p = loaded.get(result.id);
  if (!p) {
    p = fragmentOf(result).then(async (fragment) => {
      await yieldToPage();
      // Without its printed text (an index built without it) a page still shows, in its search form.
      const printedText = fragment.printed ?? '';
      const page = pageText(decodeContent(fragment.content, printedText));
      const anchors = decodeAnchors(fragment.meta.anchors, printedText);
      return { fragment, page, anchors };
    });
    loaded.set(result.id, p);
  }
  return p;
}

/** A result decoded without its printed text: its keys, which decide and count plain terms. */
export function keysOf(result: PagefindResult): Promise<Loaded> {
  return fragmentOf(result).then(async (fragment) => {
    await yieldToPage();
    return { fragment, page: pageText(decodeContent(fragment.content)), anchors: decodeAnchors(fragment.meta.anchors) };
  });
}

/**
 * A candidate's text for the check on its text: its keys, without the
 * printed text decoded onto them; only punctuation at a term's edge needs
 * that (what stands beside a key on the page).
 */
export function textToCheck(result: PagefindResult, terms: QueryTerm[]): Promise<PageText> {
  if (loaded.has(result.id) || !terms.every(isExact)) return load(result).then((item) => item.page);
  return keysOf(result).then((item) => item.page);
}
