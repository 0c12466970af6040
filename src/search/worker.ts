/**
 * Whether the search page runs Pagefind in its Web Worker. In a large
 * archive Pagefind's WebAssembly (reading its metadata, walking the posting
 * lists of common characters) keeps the main thread busy: at 1,000 reports
 * the broad query 党建 had a 0.4 s task there, at 10,000 reports 0.6 s, and
 * none longer than 50 ms once Pagefind ran in its worker. In a small one the
 * worker only costs: its script (12 KiB) and its start delay the first
 * results of the real six-report archive by about 0.2 s; at 300 reports both
 * ways are alike. The page decides at build time, from the archive's size.
 */
export const WORKER_FROM_REPORTS = 500;

export const usePagefindWorker = (reports: number) => reports >= WORKER_FROM_REPORTS;
