/**
 * The article's citation as a COinS span (an OpenURL ContextObject in the
 * `title` of an empty `span.Z3988`), for reference managers that save a page.
 *
 * Zotero reads the page head through its Embedded Metadata translator, which
 * drops every keyword tag unless another translator called it; its COinS
 * translator ranks above Embedded Metadata and keeps `rft.subject` as tags.
 * So the span says everything the head says, in the Dublin Core format with
 * `rft.type=newspaperArticle` (Zotero takes a `rft.type` that names one of
 * its item types), and authors as family and given name (`rft.aulast`,
 * `rft.aufirst`), as the head's `姓, 名` does.
 *
 * Zotero decodes `+` and `%2B` alike as a space, so a `+` cannot be sent: a
 * value holding one is left out rather than sent altered, and the page head
 * still carries it.
 */
import type { CitationInput, ReferenceExtras } from './citation.ts';
import { fullTitle } from './citation.ts';
import { splitChineseName } from './names.ts';

/** The ContextObject's key/value pairs, in the order Zotero applies them. */
export function coinsFields(input: CitationInput, extra: ReferenceExtras = {}): [string, string][] {
  const authors = input.authors.flatMap((name): [string, string][] => {
    const parts = splitChineseName(name);
    return parts
      ? [
          ['rft.aulast', parts.family],
          ['rft.aufirst', parts.given],
        ]
      : [['rft.au', name]];
  });
  const fields: [string, string | undefined][] = [
    ['ctx_ver', 'Z39.88-2004'],
    ['rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc'],
    ['rft.type', 'newspaperArticle'],
    ['rft.title', fullTitle(input)],
    ...authors,
    ['rft.date', input.date.value],
    ['rft.source', input.newspaper?.value],
    ['rft_id', input.url],
    ['rft.language', 'zh-CN'],
    ['rft.description', extra.abstract],
    ...(extra.keywords ?? []).map((k): [string, string] => ['rft.subject', k]),
  ];
  return fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '' && !f[1].includes('+'));
}

/**
 * A value percent-encoded in its ASCII characters only. Readers decode the
 * value with `decodeURIComponent`, which leaves other characters as they are;
 * written as they are, they repeat the page head's text, which gzip then
 * sends almost for free (percent-encoded, the span would be the page's
 * largest part after the text).
 */
function encodeValue(value: string): string {
  return value.replace(/\p{ASCII}/gu, (c) => encodeURIComponent(c));
}

/** The `title` of the COinS span. */
export function coinsContextObject(input: CitationInput, extra: ReferenceExtras = {}): string {
  return coinsFields(input, extra)
    .map(([key, value]) => `${key}=${encodeValue(value)}`)
    .join('&');
}
