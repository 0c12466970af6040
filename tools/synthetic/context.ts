/** What every part of the generator draws on while it writes one archive. */
import type { Corpus } from './corpus.ts';
import type { Measures } from './measures.ts';
import type { Namer } from './names.ts';
import type { People } from './people.ts';
import type { Rng } from './random.ts';

export interface Context {
  rng: Rng;
  corpus: Corpus;
  namer: Namer;
  people: People;
  measures: Measures;
}
