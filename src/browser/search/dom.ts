/** The few DOM helpers the search page's views share. */

export function setText(el: HTMLElement, text: string) {
  el.textContent = text;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}
