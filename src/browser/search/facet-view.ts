/**
 * The filters with their counts, each group's values in the order the index
 * gives them (src/search/facets.ts `facetOrder`).
 */
import { FILTER_GROUPS, splitFacetValues } from '../../search/facets.ts';
import type { SearchState } from '../../search/query/state.ts';
import { element } from './dom.ts';

export function renderFacets(
  facets: HTMLElement,
  counts: Record<string, Record<string, number>>,
  order: Record<string, string[]>,
  state: SearchState,
) {
  // The reader keeps their place: the filter that had focus has it again after the redraw, and an opened "其余" stays open.
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && facets.contains(active) ? active.id : undefined;
  const opened = new Set([...facets.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.dataset.group));
  facets.replaceChildren();
  for (const { name, label } of FILTER_GROUPS) {
    const all = order[name] ?? [];
    const place = new Map(all.map((v, i) => [v, i]));
    const chosen = state.filters[name] ?? [];
    // Values with no result here are left out, unless chosen (so they can be unchosen).
    const values = all.filter((v) => counts[name][v] > 0 || chosen.includes(v));
    if (values.length === 0) continue;
    // Ids by place among all of the group's values, so they stay the same from one search to the next.
    const idOf = (value: string) => `facet-${name}-${place.get(value)}`;
    const row = (value: string) => {
      const id = idOf(value);
      const div = element('div', 'search-facet-value');
      const box = element('input');
      box.type = 'checkbox';
      box.id = id;
      box.name = name;
      box.value = value;
      box.checked = chosen.includes(value);
      const labelEl = element('label', undefined, `${value}（${counts[name][value]}）`);
      labelEl.htmlFor = id;
      div.append(box, labelEl);
      return div;
    };
    const fieldset = element('fieldset', 'search-facet');
    fieldset.append(element('legend', undefined, label));
    const { shown, rest } = splitFacetValues(values, counts[name], chosen);
    fieldset.append(...shown.map(row));
    if (rest.length > 0) {
      const more = element('details', 'search-facet-more');
      more.dataset.group = name;
      more.open = opened.has(name) || rest.some((v) => idOf(v) === focused);
      more.append(element('summary', undefined, `其余 ${rest.length} 项`), ...rest.map(row));
      fieldset.append(more);
    }
    facets.append(fieldset);
  }
  facets.hidden = facets.childElementCount === 0;
  if (focused) document.getElementById(focused)?.focus();
}
