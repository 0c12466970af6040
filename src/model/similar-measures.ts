/**
 * Which measures resemble each other: their names' distinctive cores, and
 * how close two cores are, found through the bigrams they share.
 */
import { groupBy } from './group-by.ts';

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return out;
}

/**
 * A measure's distinctive core: its name without quotes, 党建 and the generic
 * words every programme carries (工作, 模式, 工程, …), for comparing names
 * across hospitals.
 */
export function measureCore(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[“”"'‘’「」『』《》〈〉()（）\s·・、，。]/gu, '')
    .replace(/党建|工作|新模式|模式|工程|品牌|机制|体系|制度|战略|活动/g, '')
    .toLowerCase();
}

/** Similar when the cores are equal, one contains the other, or their bigrams overlap ≥ 60 % (Dice). */
export function similarNames(a: string, b: string): boolean {
  return closeness(measureCore(a), measureCore(b)) > 0;
}

/**
 * How close two cores are, 0 when not similar: equal 3, one inside the other
 * 1–2 (the closer their lengths, the higher), else their bigram overlap
 * (Dice) when it is at least 60 %.
 */
function closeness(x: string, y: string, bx = bigrams(x), by = bigrams(y)): number {
  if (x.length < 2 || y.length < 2) return x === y && x.length > 0 ? 3 : 0;
  if (x === y) return 3;
  if (x.includes(y) || y.includes(x)) return 1 + Math.min(x.length, y.length) / Math.max(x.length, y.length);
  let shared = 0;
  for (const g of bx) if (by.has(g)) shared++;
  const dice = (2 * shared) / (bx.size + by.size);
  return dice >= 0.6 ? dice : 0;
}

/**
 * How many similar measures a measure lists. Common names (主题党日, 三会一课)
 * recur at hundreds of hospitals in a large archive: listing them all would
 * make every measure page, the measures index and the data downloads grow with
 * the square of the archive.
 */
export const SIMILAR_SHOWN = 10;

/**
 * For each distinct core, the distinct cores similar to it, closest first
 * (ties in the order the cores were given). Two cores of two or more
 * characters are only similar if they share a bigram (containment and a Dice
 * overlap above zero both imply one), so candidates come from an inverted
 * index of bigrams instead of from every pair of measures.
 */
export function similarCoreMap(cores: string[]): Map<string, string[]> {
  const grams = new Map(cores.map((c) => [c, bigrams(c)]));
  const order = new Map(cores.map((c, i) => [c, i]));
  const byGram = groupBy(
    cores.filter((c) => c.length >= 2),
    (c) => [...grams.get(c)!],
  );
  const out = new Map<string, string[]>();
  for (const [x, gx] of grams) {
    const similar = new Map<string, number>();
    if (x.length > 0) similar.set(x, 3);
    if (x.length >= 2) {
      for (const g of gx) {
        for (const y of byGram.get(g)!) {
          if (similar.has(y)) continue;
          const c = closeness(x, y, gx, grams.get(y)!);
          if (c > 0) similar.set(y, c);
        }
      }
    }
    out.set(
      x,
      [...similar].sort((a, b) => b[1] - a[1] || order.get(a[0])! - order.get(b[0])!).map(([c]) => c),
    );
  }
  return out;
}
