/**
 * What the search page shows beside its results, loaded only when a query
 * needs it: the card of the hospital, person, province or measure a query names, and the offers
 * of a query that found nothing. Neither is a result: no `data-result`.
 */
import { joinBase } from '../model/urls.ts';
import type { EntityKind, NamedEntity } from '../search/names.ts';
import { similarNames } from '../search/query/suggest.ts';
import { stateSearch } from '../search/query/state.ts';

/** A query the page offers, and how the offer reads. */
export interface Offer {
  q: string;
  label: string;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
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
