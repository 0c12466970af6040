/**
 * The intersection of the index's answers, one list per lookup: its own
 * module so that the search page can intersect pair lookups without loading
 * the planner (`run-plan.ts`), which only a query of longer terms needs.
 */

/** Ids present in every list, in the first list's order. */
export function intersectOrdered(lists: string[][]): string[] {
  if (lists.length === 0) return [];
  const rest = lists.slice(1).map((l) => new Set(l));
  return lists[0].filter((id) => rest.every((s) => s.has(id)));
}
