/**
 * Pagefind, loaded the first time a term needs it. Pagefind runs on the
 * main thread in a small archive and in its worker in a large one
 * (`src/search/worker.ts`).
 */
import { joinBase } from '../../model/urls.ts';
import type { PagefindFragment } from '../../search/query/fragment.ts';
import { BASE, USE_WORKER } from './options.ts';

export interface PagefindResult {
  id: string;
  matchedMetaFields?: string[];
  data: () => Promise<PagefindFragment>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

let pagefindLoad: Promise<Pagefind> | undefined;
export function pagefind(): Promise<Pagefind> {
  pagefindLoad ??= (async () => {
    const pf = (await import(/* @vite-ignore */ joinBase(BASE, 'pagefind/pagefind.js'))) as Pagefind;
    await pf.options({ noWorker: !USE_WORKER, baseUrl: BASE });
    await pf.init();
    return pf;
  })();
  return pagefindLoad;
}
