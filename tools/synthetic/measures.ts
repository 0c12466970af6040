/**
 * The measures (举措) of a synthetic archive: a programme, brand or mechanism
 * named in one sentence of a report, which is also the measure's description.
 */
import type { Corpus } from './corpus.ts';
import type { Hospital } from './hospitals.ts';
import { pick, type Rng } from './random.ts';
import { MEASURE_A, MEASURE_B, MEASURE_KINDS } from './vocabulary.ts';

export interface MeasureEntry {
  id: string;
  /** The name as the text writes it, e.g. `“红色引擎”工程`. */
  name: string;
  /** The quoted part of the name, e.g. `红色引擎`: the same core may recur at other hospitals. */
  core: string;
  hospital: string;
  kind: string;
  description: string;
  source: string;
  article: string;
  section?: string;
}

export class Measures {
  readonly list: MeasureEntry[] = [];
  /** Each core's number, in order of first use: ids carry the number, not the Chinese core. */
  private readonly coreNumber = new Map<string, number>();
  private readonly usedIds = new Set<string>();
  private readonly rng: Rng;
  private readonly corpus: Corpus;

  constructor(rng: Rng, corpus: Corpus) {
    this.rng = rng;
    this.corpus = corpus;
  }

  /** A new measure of hospital `h`, named in the sentence it returns. */
  add(h: Hospital, source: string, article: string, section?: string): string {
    const rng = this.rng;
    const core = `${pick(rng, MEASURE_A)}${pick(rng, MEASURE_B)}`;
    const [suffix, kind] = pick(rng, MEASURE_KINDS);
    const name = `“${core}”${suffix}`;
    const s = `${pick(rng, ['医院', '院党委', h.short, '支部'])}${pick(rng, ['创新实施', '着力打造', '深入开展', '探索建立'])}${name}，${pick(rng, this.corpus.clauses)}。`;
    if (!this.coreNumber.has(core)) this.coreNumber.set(core, this.coreNumber.size + 1);
    const base = `${h.id}-m${this.coreNumber.get(core)}-${kind}`;
    let id = base;
    for (let k = 2; this.usedIds.has(id); k++) id = `${base}-${k}`;
    this.usedIds.add(id);
    this.list.push({ id, name, core, hospital: h.id, kind, description: s, source, article, section });
    return s;
  }
}
