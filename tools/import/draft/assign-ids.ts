/**
 * The ids a draft gives what it writes: new hospitals, the article, people
 * and sections. An id already in the archive is never reused; a person
 * already in the archive keeps their id.
 */
import type { SourceDocument } from '../document.ts';
import type { Entities, HospitalProposal, PersonProposal, SectionProposal } from '../entities.ts';
import { hospitalId, personId, pinyinSlug, unique } from '../ids.ts';

/** An id for each hospital proposal: the matched entry's, a new one for a hospital the article is about, none for one only mentioned. */
export function assignHospitalIds(hospitals: HospitalProposal[], taken: ReadonlySet<string>): (string | undefined)[] {
  const used = new Set(taken);
  return hospitals.map((h) => {
    if (h.existing) return h.existing;
    if (!h.about) return undefined;
    const id = unique(hospitalId(h.name) || 'hospital', used);
    used.add(id);
    return id;
  });
}

/** The ids of the hospitals the article is about, in the order the analysis ranks them. */
export function aboutIds(hospitals: HospitalProposal[], hospitalIds: (string | undefined)[]): string[] {
  return hospitals.map((h, i) => (h.about ? hospitalIds[i] : undefined)).filter((x): x is string => !!x);
}

/** `<first hospital>-<year>`, or a slug of the title when the tool found no hospital. */
export function assignArticleId(doc: SourceDocument, entities: Entities, about: string[], taken: ReadonlySet<string>): string {
  const year = entities.date?.value.slice(0, 4);
  const base = [about[0] ?? pinyinSlug(doc.head.title ?? 'article', 5), year].filter(Boolean).join('-');
  return unique(base, taken);
}

/** A person's pinyin id; a namesake already in the archive makes it `<id>-<hospital>` (or a numbered id). */
export function assignPersonIds(
  people: PersonProposal[],
  hospitalIds: (string | undefined)[],
  taken: ReadonlyMap<string, string>,
): string[] {
  const used = new Map(taken);
  return people.map((p) => {
    let id = personId(p.name);
    const other = used.get(id);
    if (other === p.name) return id; // already in the archive
    if (other !== undefined) {
      const h = p.roles.map((r) => (r.hospital !== undefined ? hospitalIds[r.hospital] : undefined)).find(Boolean);
      id = unique(h ? `${id}-${h}` : id, new Set(used.keys()));
    }
    used.set(id, p.name);
    return id;
  });
}

export interface DraftSection {
  /** Index of the section's heading block. */
  block: number;
  /** The section as the article's frontmatter lists it. */
  data: { id: string; heading: string; kind: SectionProposal['kind']; hospital?: string; branch?: string; secretary?: string };
}

interface SectionIds {
  hospitalIds: (string | undefined)[];
  personIds: string[];
  about: string[];
}

/** The article's sections with ids: `editor-note`, a profile's hospital, an essay's secretary, else `s<n>`. */
export function assignSections(sections: SectionProposal[], { hospitalIds, personIds, about }: SectionIds): DraftSection[] {
  const used = new Set<string>();
  return sections.map((s, k) => {
    const hid = s.hospital !== undefined ? hospitalIds[s.hospital] : undefined;
    const pid = s.secretary !== undefined ? personIds[s.secretary] : undefined;
    const base = s.kind === 'editor-note' ? 'editor-note' : s.kind === 'profile' ? (hid ?? `s${k + 1}`) : (pid ?? `s${k + 1}`);
    const id = unique(base, used);
    used.add(id);
    return {
      block: s.block,
      data: {
        id,
        heading: s.heading,
        kind: s.kind,
        ...(hid && about.includes(hid) ? { hospital: hid } : {}),
        ...(s.branch ? { branch: s.branch } : {}),
        ...(pid ? { secretary: pid } : {}),
      },
    };
  });
}

/** The id of the section that holds a source offset, if any. */
export function sectionAt(doc: SourceDocument, sections: DraftSection[], offset: number): string | undefined {
  const block = doc.blocks.find((b) => b.start <= offset && offset < b.end);
  if (!block) return undefined;
  return [...sections].reverse().find((s) => s.block <= block.index)?.data.id;
}
