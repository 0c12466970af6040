/**
 * Names as you type on the search page: the query box becomes an ARIA
 * combobox (list autocomplete) offering hospital names that contain what is
 * typed. The search page loads this module on the box's first focus, and
 * the names (`load`, the names table's slice for what is typed) as the
 * reader types, so a page that is only read fetches neither; the box's ARIA
 * roles are set by the page itself before that. Keyboard: ↓/↑ move
 * through the names, Enter picks one and searches, Escape closes the list.
 */

/** Names that contain `typed` (case ignored), those that start with it first, then shorter; at most `limit`. */
export function matchingNames(names: readonly string[], typed: string, limit = 8): string[] {
  const t = typed.trim().toLowerCase();
  if (!t) return [];
  return [...new Set(names)]
    .filter((n) => n.toLowerCase().includes(t))
    .sort((a, b) => Number(!a.toLowerCase().startsWith(t)) - Number(!b.toLowerCase().startsWith(t)) || a.length - b.length)
    .slice(0, limit);
}

/** One name offered; a click picks it. */
function optionElement(id: string, name: string, choose: (name: string) => void): HTMLLIElement {
  const li = document.createElement('li');
  li.id = id;
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', 'false');
  li.textContent = name;
  // Before the input loses focus, so the click is not lost to the blur that closes the list.
  li.addEventListener('mousedown', (e) => {
    e.preventDefault();
    choose(name);
  });
  return li;
}

export function attachNameCombobox(
  input: HTMLInputElement,
  listbox: HTMLUListElement,
  load: (typed: string) => Promise<string[]>,
  pick: () => void,
) {
  let names: string[] = [];
  let active = -1;

  const options = () => [...listbox.querySelectorAll<HTMLLIElement>('[role="option"]')];
  const close = () => {
    listbox.hidden = true;
    listbox.replaceChildren();
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = (i: number) => {
    const all = options();
    active = all.length === 0 ? -1 : (i + all.length) % all.length;
    all.forEach((o, k) => o.setAttribute('aria-selected', String(k === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', all[active].id);
    else input.removeAttribute('aria-activedescendant');
  };
  const choose = (name: string) => {
    input.value = name;
    close();
    pick();
  };
  const open = () => {
    const found = matchingNames(names, input.value);
    if (found.length === 0 || found.every((n) => n === input.value.trim())) return close();
    listbox.replaceChildren(...found.map((name, i) => optionElement(`${listbox.id}-${i}`, name, choose)));
    listbox.hidden = false;
    active = -1;
    input.setAttribute('aria-expanded', 'true');
  };

  let asked = 0;
  /** The names for what is typed now; an answer for an older input is dropped. */
  const refresh = () => {
    const mine = ++asked;
    void load(input.value).then((loaded) => {
      if (mine !== asked) return;
      names = loaded;
      if (document.activeElement === input && input.value) open();
    });
  };
  refresh();
  input.addEventListener('input', () => {
    open();
    refresh();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (listbox.hidden) open();
      highlight(active + (e.key === 'ArrowDown' ? 1 : -1));
      e.preventDefault();
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault();
      choose(options()[active].textContent ?? '');
    } else if (e.key === 'Escape' && !listbox.hidden) {
      e.preventDefault();
      close();
    }
  });
}
