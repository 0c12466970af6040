/**
 * Which of a term's pairs the search page reads from the position table
 * (src/search/positions.ts): planning only, so it rides with the planner and
 * the position reader's chunk holds no planning code.
 */

/**
 * The cheapest set of a term's pairs (by start) that covers every key:
 * `cost[s]` is what reading pair s costs. Key i is covered by pair i - 1 or
 * pair i, so the first and the last pair are always in it.
 */
export function cheapestCover(cost: number[]): number[] {
  const n = cost.length + 1;
  // best[covered]: cheapest choice of pairs before key i, with key i covered by pair i - 1 or not.
  type Choice = { cost: number; pairs: number[] };
  let best: [Choice | undefined, Choice | undefined] = [{ cost: 0, pairs: [] }, undefined];
  for (let s = 0; s < n - 1; s++) {
    const next: [Choice | undefined, Choice | undefined] = [undefined, undefined];
    const better = (a: Choice | undefined, b: Choice) => (!a || b.cost < a.cost ? b : a);
    for (const covered of [0, 1] as const) {
      const from = best[covered];
      if (!from) continue;
      next[1] = better(next[1], { cost: from.cost + cost[s], pairs: [...from.pairs, s] });
      // Leaving pair s out leaves key s uncovered unless pair s - 1 covered it.
      if (covered) next[0] = better(next[0], from);
    }
    best = next;
  }
  return best[1]!.pairs;
}
