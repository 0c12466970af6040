/**
 * One search result as the page shows it: the title linked where the first
 * hit is, an excerpt with the hits marked, the count of hits, and a few
 * other sections with hits, each linked.
 */
import { joinBase } from '../../model/urls.ts';
import { anchorFor, anchorTitle, excerpt, linkFor, pageHits, type AnchorRef } from '../../search/query/engine.ts';
import type { QueryTerm } from '../../search/query-terms.ts';
import { element } from './dom.ts';
import { BASE } from './options.ts';
import type { Loaded } from './pages.ts';

/** Sections listed under a result besides the first hit's. */
const MORE_PLACES = 2;

/**
 * An excerpt: the page's printed text with hits marked, in an element
 * (`data-result-excerpt`) that holds only the page's own characters; the
 * ellipses that say the text goes on stand outside it.
 */
function excerptElement(loadedPage: Loaded, focusIndex: number, hits: ReturnType<typeof pageHits>['hits']): HTMLElement {
  const parts = excerpt(loadedPage.page, hits, hits[focusIndex], 90);
  const cut = (at: number, edge: 'start' | 'end') => {
    const part = parts[at];
    if (!part || part.mark) return false;
    const has = edge === 'start' ? part.text.startsWith('…') : part.text.endsWith('…');
    if (has) part.text = edge === 'start' ? part.text.slice(1) : part.text.slice(0, -1);
    return has;
  };
  const before = cut(0, 'start');
  const after = cut(parts.length - 1, 'end');
  const p = element('p', 'search-excerpt');
  const own = element('span');
  own.dataset.resultExcerpt = '';
  for (const part of parts) {
    if (part.mark) own.append(element('mark', undefined, part.text));
    else if (part.text) own.append(document.createTextNode(part.text));
  }
  p.append(...(before ? ['…'] : []), own, ...(after ? ['…'] : []));
  return p;
}

/** One result, or null when the page does not hold every term after all. */
export function renderResult(item: Loaded, terms: QueryTerm[]): HTMLLIElement | null {
  const { hits, all, focus } = pageHits(item.page, terms);
  if (!all || hits.length === 0) return null;
  const url = joinBase(BASE, item.fragment.raw_url ?? item.fragment.url);
  const placeOf = (i: number) => anchorFor(item.anchors, hits[i].first);
  const first = placeOf(focus);

  const li = element('li', 'search-result');
  const h = element('h2', 'search-result-title');
  const a = element('a', undefined, item.fragment.meta.title || url);
  const target = linkFor(item.anchors, hits[focus].first);
  a.href = target ? `${url}#${target}` : url;
  a.dataset.result = '';
  h.append(a);
  li.append(h, excerptElement(item, focus, hits));

  // Other sections with hits, each linked where its first hit is.
  const seen = new Set([first?.id ?? '']);
  const places: { anchor: AnchorRef; index: number }[] = [];
  for (let i = 0; i < hits.length && places.length < MORE_PLACES; i++) {
    if (i === focus) continue;
    const anchor = placeOf(i);
    if (!anchor || seen.has(anchor.id)) continue;
    seen.add(anchor.id);
    places.push({ anchor, index: i });
  }
  const summary = element(
    'p',
    'search-result-count',
    `共 ${hits.length} 处${first ? `，摘录出自“${anchorTitle(item.page, item.anchors, first) || '正文'}”` : ''}`,
  );
  li.append(summary);
  if (places.length > 0) {
    const ul = element('ul', 'search-result-places');
    for (const { anchor, index } of places) {
      const sub = element('li');
      const link = element('a', undefined, anchorTitle(item.page, item.anchors, anchor) || '正文');
      link.href = `${url}#${linkFor(item.anchors, hits[index].first) ?? anchor.id}`;
      sub.append(link, excerptElement(item, index, hits));
      ul.append(sub);
    }
    li.append(ul);
  }
  return li;
}
