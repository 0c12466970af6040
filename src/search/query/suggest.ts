/**
 * What a query with no result offers instead (docs/search.md, "No result"):
 * the names in the archive that share most characters with it.
 */

export interface NameOffer {
  name: string;
  /** Characters of the query it shares. */
  shared: number;
}

/** Distinct characters of a string, by code point. */
const charsOf = (s: string) => new Set([...s]);

/**
 * Names sharing at least half of the query's distinct characters (and at
 * least two), most shared first, then the shorter name; at most `limit`.
 */
export function similarNames(query: string, names: readonly string[], limit = 5): NameOffer[] {
  const want = charsOf(query);
  const need = Math.max(2, Math.ceil(want.size / 2));
  const offers: NameOffer[] = [];
  for (const name of new Set(names)) {
    let shared = 0;
    for (const c of charsOf(name)) if (want.has(c)) shared++;
    if (shared >= need && name !== query) offers.push({ name, shared });
  }
  return offers.sort((a, b) => b.shared - a.shared || a.name.length - b.name.length || (a.name < b.name ? -1 : 1)).slice(0, limit);
}
