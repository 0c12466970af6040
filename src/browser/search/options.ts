/** What the search page is built and asked for: its base path, and the overrides its URL may carry. */

export const BASE = import.meta.env.BASE_URL;
const params = new URLSearchParams(location.search);
/** Results shown at a time; `?per=` (1–50) overrides it, e.g. for tests of "more". */
export const PAGE_SIZE = Math.min(50, Math.max(1, Number(params.get('per')) || 10));
/** Pagefind in its worker, as the page was built for the archive's size; `?worker=on|off` overrides it, e.g. for tests. */
export const USE_WORKER = (params.get('worker') ?? (document.querySelector('[data-search-worker]') ? 'on' : 'off')) === 'on';
