import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The plain variant's search page: Pagefind's JS API with default settings, the eval contract's markup. */
export const PLAIN_SEARCH_PAGE = `<!doctype html>
<html lang="zh-Hans-CN">
<head><meta charset="utf-8"><title>plain Pagefind</title></head>
<body>
<form action="./"><input name="q"></form>
<ol data-search-results></ol>
<button data-search-more hidden>更多</button>
<script type="module">
const root = document.querySelector('[data-search-results]');
const more = document.querySelector('[data-search-more]');
const q = new URLSearchParams(location.search).get('q') ?? '';
const base = new URL('../', location.href).pathname;
const show = async (results) => {
  const data = await Promise.all(results.map((r) => r.data()));
  for (const d of data) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.setAttribute('data-result', '');
    a.href = d.url;
    a.textContent = d.meta?.title ?? d.url;
    li.append(a);
    root.append(li);
  }
};
if (q.trim()) {
  const pagefind = await import(base + 'pagefind/pagefind.js');
  const search = await pagefind.search(q);
  const results = search?.results ?? [];
  await show(results.slice(0, 10));
  if (results.length > 10) {
    more.hidden = false;
    more.addEventListener('click', async () => {
      root.removeAttribute('data-state');
      more.hidden = true;
      await show(results.slice(10));
      root.setAttribute('data-state', 'done');
    }, { once: true });
  }
}
root.setAttribute('data-state', 'done');
</script>
</body>
</html>
`;

export function writePlainSearchPage(dist: string): void {
  mkdirSync(join(dist, 'search'), { recursive: true });
  writeFileSync(join(dist, 'search/index.html'), PLAIN_SEARCH_PAGE);
}
