/** Items grouped under each distinct key they give, in item order; an item is listed once per key. */
export function groupBy<T, K>(items: T[], keysOf: (item: T) => K[]): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) (groups.get(key) ?? groups.set(key, []).get(key)!).push(item);
  }
  return groups;
}
