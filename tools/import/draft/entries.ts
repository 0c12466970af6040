/**
 * The YAML entries a draft adds: new hospitals, new people and the measures
 * of the hospitals the article is about. Each comes with what a person must
 * still decide about it.
 */
import type { Entities, HospitalProposal } from '../entities.ts';
import { pinyinSlug, unique } from '../ids.ts';
import { defined, type DraftFile } from './model.ts';
import { yamlEntry } from './yaml.ts';

export interface Entries {
  files: DraftFile[];
  decisions: string[];
}

type Fact<T> = ({ value: T } & { quote: string; inferred: string }) | undefined;

function hospitalData(h: HospitalProposal, source: string) {
  const fact = <T>(f: Fact<T>) => (f ? { value: f.value, source, quote: f.quote, inferred: f.inferred } : undefined);
  return defined({
    name: h.name,
    aliases: h.aliases,
    province: fact(h.province),
    city: fact(h.city),
    county: fact(h.county),
    level: fact(h.level),
    category: fact(h.category),
    founded: fact(h.founded),
  });
}

/** An entry for each hospital the draft gave a new id (the ones the article is about). */
export function hospitalEntries(hospitals: HospitalProposal[], hospitalIds: (string | undefined)[], source: string): Entries {
  const files: DraftFile[] = [];
  const decisions: string[] = [];
  hospitals.forEach((h, i) => {
    const id = hospitalIds[i];
    if (!id || h.existing) return;
    files.push({ path: `content/hospitals/${id}.yaml`, content: yamlEntry(hospitalData(h, source)), what: 'hospital', id });
    if (!h.province)
      decisions.push(
        `content/hospitals/${id}.yaml: province of ${h.name} unknown — the text names no place that tells it; write \`province\` (the build fails without it).`,
      );
  });
  return { files, decisions };
}

interface PeopleIds {
  hospitalIds: (string | undefined)[];
  personIds: string[];
  /** People already in the archive, id → name. */
  taken: ReadonlyMap<string, string>;
}

/** An entry for each person not yet in the archive, with their roles in this source. */
export function personEntries(people: Entities['people'], { hospitalIds, personIds, taken }: PeopleIds, source: string): Entries {
  const files: DraftFile[] = [];
  const decisions: string[] = [];
  people.forEach((p, i) => {
    const id = personIds[i];
    if (taken.get(id) === p.name) {
      decisions.push(
        `content/people/${id}.yaml exists (${p.name}): add the role(s) from this source by hand if they are new — ${p.roles.map((r) => r.title).join('、')}.`,
      );
      return;
    }
    const roles = p.roles.map((r) => {
      const hid = r.hospital !== undefined ? hospitalIds[r.hospital] : undefined;
      return {
        kind: r.kind,
        title: r.title,
        ...(r.branch ? { branch: r.branch } : {}),
        ...(hid ? { hospital: hid } : {}),
        source,
        quote: r.quote,
      };
    });
    files.push({ path: `content/people/${id}.yaml`, content: yamlEntry({ name: p.name, roles }), what: 'person', id });
    if (p.uncertain)
      decisions.push(
        `content/people/${id}.yaml: the name “${p.name}” was cut from running text by the words after it; check that it is the whole name.`,
      );
  });
  return { files, decisions };
}

interface MeasureContext {
  hospitalIds: (string | undefined)[];
  about: string[];
  articleId: string;
  /** Measures already in the archive. */
  taken: ReadonlySet<string>;
  /** The id of the section that holds a source offset. */
  sectionAt: (offset: number) => string | undefined;
}

/** An entry for each measure of a hospital the article is about (a measure with no hospital belongs to the article's only one). */
export function measureEntries(measures: Entities['measures'], context: MeasureContext, source: string): DraftFile[] {
  const { hospitalIds, about, articleId } = context;
  const used = new Set(context.taken);
  const files: DraftFile[] = [];
  for (const m of measures) {
    const hid = m.hospital !== undefined ? hospitalIds[m.hospital] : about.length === 1 ? about[0] : undefined;
    if (!hid || !about.includes(hid)) continue;
    const id = unique(`${hid}-${pinyinSlug(m.core, 5) || 'measure'}`, used);
    used.add(id);
    const section = context.sectionAt(m.at);
    const data = {
      name: m.name,
      hospital: hid,
      kind: m.kind,
      description: m.description,
      source,
      article: articleId,
      ...(section ? { section } : {}),
    };
    files.push({ path: `content/measures/${id}.yaml`, content: yamlEntry(data), what: 'measure', id });
  }
  return files;
}
