/**
 * What the search page shows beside its results, loaded only when a query
 * needs it: the card of the hospital, person, province or measure a query names, and the offers
 * of a query that found nothing (assembled here, so the search page's own script stays small). Neither is a result: no `data-result`.
 */
import { joinBase } from '../../model/urls.ts';
import type { EntityKind, NamedEntity } from '../../search/names.ts';
import type { Fold } from '../../search/tokenizer.ts';
import type { QueryTerm } from '../../search/query-terms.ts';
import { similarNames } from '../../search/query/suggest.ts';
import { stateSearch } from '../../search/query/state.ts';
import { element } from './dom.ts';

/** A query the page offers, and how the offer reads. */
export interface Offer {
  q: string;
  label: string;
}

const KIND_LABELS: Record<EntityKind, string> = { hospital: '医院', person: '人物', province: '省份', measure: '举措' };

/** The card of the thing a one-name query names (`data-search-entity`). */
export function entityCard(entity: NamedEntity, base: string): HTMLElement {
  const card = element('aside', 'search-entity');
  card.dataset.searchEntity = entity.kind;
  const kind = KIND_LABELS[entity.kind];
  card.setAttribute('aria-label', kind);
  const title = element('h2', 'search-entity-title');
  const link = element('a', undefined, entity.name);
  link.href = joinBase(base, entity.path.slice(1));
  title.append(link);
  card.append(
    element('p', 'search-entity-kind', kind),
    title,
    element('p', 'search-entity-facts', `${entity.place ? `${entity.place} · ` : ''}${entity.reports} 篇报道`),
  );
  return card;
}

/** Names of hospitals, people and measures that share most of the typed characters, as offers. */
export function nameOffers(typed: string, names: readonly string[]): Offer[] {
  return similarNames(typed, names, 5).map((offer) => ({ q: offer.name, label: offer.name }));
}

/** What the offers of an empty result need from the search page. */
export interface OffersContext {
  q: string;
  terms: QueryTerm[];
  fold: Fold;
  base: string;
  /** The names of the name list that start with one of these keys, with their kind. */
  listedNames(firstKeys: string[]): Promise<[string, EntityKind][]>;
  /** How many pages a term finds alone; undefined when it cannot be told or a newer query took over. */
  pagesAlone(term: QueryTerm): Promise<number | undefined>;
  isCurrent(): boolean;
}

/**
 * A query with no result offers what exists: the Simplified form of a
 * Traditional query, hospital names sharing most of its characters, and for
 * several terms each term alone with the number of pages it finds. Undefined
 * when there is nothing to offer or a newer query took over.
 */
export async function emptyResultOffers(ctx: OffersContext): Promise<HTMLElement | undefined> {
  const { q, terms, fold } = ctx;
  const offers: Offer[] = [];
  const simplified = [...q].map(fold).join('');
  if (simplified !== q) offers.push({ q: simplified, label: `简体：${simplified}` });
  const typed = [...terms.map((t) => t.raw).join('')].map(fold).join('');
  // A similar name shares most of the typed characters, so it starts with one of them, almost always.
  const listed = await ctx.listedNames(terms.flatMap((t) => t.keys)).catch(() => []);
  offers.push(
    ...nameOffers(
      typed,
      listed.filter(([, kind]) => kind !== 'province').map(([name]) => name),
    ),
  );
  if (terms.length > 1) {
    for (const term of terms) {
      const count = await ctx.pagesAlone(term);
      if (!ctx.isCurrent()) return undefined;
      if (count) offers.push({ q: term.raw, label: `${term.raw}（${count} 篇）` });
    }
  }
  if (offers.length === 0 || !ctx.isCurrent()) return undefined;
  return offersBox(offers, ctx.base);
}

/** The offers as links to their searches (`data-search-suggestion`). */
export function offersBox(offers: Offer[], base: string): HTMLElement {
  const list = element('ul');
  for (const { q, label } of offers) {
    const li = element('li');
    const a = element('a', undefined, label);
    a.href = joinBase(base, `search/${stateSearch({ q, filters: {} })}`);
    a.dataset.searchSuggestion = '';
    li.append(a);
    list.append(li);
  }
  const box = element('div', 'search-suggestions');
  box.dataset.searchSuggestions = '';
  box.append(element('p', undefined, '可以试试：'), list);
  return box;
}
