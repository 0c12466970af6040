/**
 * Invented names and ids, each used once in an archive: place and person
 * names are never repeated (so a query for one finds only its own pages), and
 * entry ids are unique across hospitals, people and articles.
 */
import { chance, pick, type Rng } from './random.ts';
import { GIVEN_SYL, PLACE_SYL, SURNAME, type Syl } from './vocabulary.ts';

/** Failed draws in a row after which a name space counts as crowded. */
const CROWDED = 50;

export class Namer {
  private readonly usedNames = new Set<string>();
  private readonly usedIds = new Set<string>();
  private readonly rng: Rng;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /** `base`, or `base-2`, `base-3` … when taken. */
  uniqueId(base: string): string {
    let id = base;
    for (let k = 2; this.usedIds.has(id); k++) id = `${base}-${k}`;
    this.usedIds.add(id);
    return id;
  }

  /** A place name of two syllables not used before, e.g. `['临川', 'linchuan']`. */
  place(): Syl {
    // Two syllables make 4,489 places, which a 30,000-report archive outgrows; once a free one is
    // hard to find, three. (Smaller archives never get there, so they stay as they were.)
    return this.fresh((attempt) => {
      const syl = Array.from({ length: attempt < CROWDED ? 2 : 3 }, () => pick(this.rng, PLACE_SYL));
      return [syl.map((s) => s[0]).join(''), syl.map((s) => s[1]).join('')];
    });
  }

  /** A person's name not used before, with its pinyin as an id, e.g. `['王伟', 'wang-wei']`. */
  person(): Syl {
    return this.fresh(() => {
      const s = pick(this.rng, SURNAME);
      const g = Array.from({ length: chance(this.rng, 0.7) ? 2 : 1 }, () => pick(this.rng, GIVEN_SYL));
      return [s[0] + g.map((x) => x[0]).join(''), `${s[1]}-${g.map((x) => x[1]).join('')}`];
    });
  }

  private fresh(make: (attempt: number) => Syl): Syl {
    for (let attempt = 0; ; attempt++) {
      const s = make(attempt);
      if (!this.usedNames.has(s[0])) {
        this.usedNames.add(s[0]);
        return s;
      }
    }
  }
}
