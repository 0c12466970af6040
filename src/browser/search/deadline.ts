/** How long a search may wait for the index before the page says it failed (the reader is told within 10 s). */
export const INDEX_TIMEOUT_MS = 8000;

export class IndexTimeout extends Error {}

/** The promise, or an `IndexTimeout` when it takes longer than `ms`. */
export function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new IndexTimeout()), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
