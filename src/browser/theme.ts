/**
 * Light/dark theme. The page follows the system (`prefers-color-scheme`) in
 * CSS alone; this script only adds a remembered choice on top.
 *
 * `initTheme` is inlined, as source text, in a tiny synchronous script in the
 * document head (see Base.astro), so a remembered theme is on <html> before
 * the body is parsed: no flash of the wrong theme. It must therefore be
 * self-contained (no imports, no outer variables).
 *
 * The toggle button is rendered `hidden`: without JavaScript it never shows,
 * and the system setting still applies. A choice equal to the system setting
 * is forgotten, so the page goes back to following the system.
 */
export function initTheme(): void {
  const root = document.documentElement;
  // Shows the toggle from the first paint (CSS: .js .theme-toggle), so nothing shifts when it is wired.
  root.classList.add('js');
  const key = 'theme';
  const system = matchMedia('(prefers-color-scheme: dark)');
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(key);
  } catch {
    // Storage blocked: follow the system.
  }
  const apply = (theme: string | null) => {
    if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
    else delete root.dataset.theme;
    const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]');
    if (meta) meta.content = root.dataset.theme ?? 'light dark';
  };
  apply(saved);
  const isDark = () => (root.dataset.theme ?? (system.matches ? 'dark' : 'light')) === 'dark';
  addEventListener('DOMContentLoaded', () => {
    const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
    if (!button) return;
    const sync = () => button.setAttribute('aria-pressed', String(isDark()));
    sync();
    system.addEventListener('change', sync);
    button.hidden = false;
    button.addEventListener('click', () => {
      const next = isDark() ? 'light' : 'dark';
      const follow = next === (system.matches ? 'dark' : 'light');
      apply(follow ? null : next);
      try {
        if (follow) localStorage.removeItem(key);
        else localStorage.setItem(key, next);
      } catch {
        // Not remembered, but applied to this page.
      }
      sync();
    });
  });
}
