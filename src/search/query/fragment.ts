/**
 * A page's Pagefind fragment read without Pagefind: a query of names alone
 * has its pages from the names table, so the page loads their fragments
 * itself instead of starting a search over every page to get Pagefind's
 * result objects (at 10,000 reports that search alone took 0.2–0.3 s).
 *
 * A fragment file is what Pagefind's own `loadFragment` reads: gzip of the
 * signature `pagefind_dcd` and the fragment's JSON (a host may already have
 * undone the gzip). Pagefind then drops the zero-width spaces it wrote into
 * `content`; so does this.
 */

export interface PagefindFragment {
  url: string;
  raw_url?: string;
  content: string;
  meta: Record<string, string>;
  /** The page's printed text (`printedText`), which the index builder adds beside Pagefind's fields. */
  printed?: string;
}

/** Where the fragment of the page with Pagefind id `id` is, under the site's base. */
export const fragmentFile = (id: string) => `pagefind/fragment/${id}.pf_fragment`;

/** The fragment from the file's text once gunzipped; throws, naming the file, when it is not one. */
export function decodeFragment(text: string, file: string): PagefindFragment {
  if (!text.startsWith('pagefind_dcd')) throw new Error(`${file}: not a Pagefind fragment`);
  const fragment = JSON.parse(text.slice(12)) as PagefindFragment;
  fragment.content = fragment.content.replace(/\u200B/g, '');
  return fragment;
}
