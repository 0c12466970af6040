/**
 * The sections of an article (an editor's note, essays, profiles) and the
 * hospital each position of the text is about.
 */
import { headingText, type Block, type SourceDocument } from '../document.ts';
import { stripMarkup } from '../text.ts';
import type { HospitalProposal, PersonProposal, SectionProposal } from './model.ts';

/** Sections: a heading followed by a secretary's byline (an essay), or a heading that starts with a hospital's name (a profile). */
export function findSections(doc: SourceDocument, hospitals: HospitalProposal[], people: PersonProposal[]): SectionProposal[] {
  const out: SectionProposal[] = [];
  const blocks = doc.blocks.filter((b) => b.index >= doc.head.bodyStart && !doc.head.blocks.includes(b.index));
  blocks.forEach((b, k) => {
    if (b.kind !== 'heading') return;
    const heading = headingText(b);
    const next = blocks[k + 1];
    if (/^【(编者按|阅读提示|编者的话)】/.test(heading)) {
      out.push({ block: b.index, heading, kind: 'editor-note' });
      return;
    }
    const byline = next && (next.kind === 'label' || next.kind === 'byline') ? stripMarkup(next.text) : '';
    const sec = /(\S*?党(?:总)?支部)书记\s*(\p{Script=Han}{2,3})$/u.exec(byline);
    if (sec) {
      const person = people.findIndex((p) => p.name === sec[2]);
      const hospital = hospitals.findIndex((h) => [h.name, ...h.aliases].some((n) => sec[1].startsWith(n)));
      const hname =
        hospital >= 0 ? [hospitals[hospital].name, ...hospitals[hospital].aliases].find((n) => sec[1].startsWith(n)) : undefined;
      out.push({
        block: b.index,
        heading,
        kind: 'essay',
        hospital: hospital >= 0 ? hospital : undefined,
        branch: hname ? sec[1].slice(hname.length) : sec[1],
        secretary: person >= 0 ? person : undefined,
      });
      return;
    }
    const first = heading.split(/\s+/)[0].replace(/[：:]$/, '');
    const hospital = hospitals.findIndex((h) => [h.name, ...h.aliases].includes(first));
    if (hospital >= 0 && heading.includes(' ')) out.push({ block: b.index, heading, kind: 'profile', hospital });
  });
  return out;
}

/** The hospital a position of the text is about: its section's, or the article's only one. */
export function hospitalScope(sections: SectionProposal[], hospitals: HospitalProposal[], blockAt: (at: number) => Block | undefined) {
  const about = hospitals.map((h, i) => (h.about ? i : -1)).filter((i) => i >= 0);
  return (at: number): number | undefined => {
    const block = blockAt(at);
    if (block) {
      const section = [...sections].reverse().find((s) => s.block <= block.index && s.hospital !== undefined);
      if (section) return section.hospital;
    }
    return about.length === 1 ? about[0] : about.length > 0 && sections.every((s) => s.hospital === undefined) ? about[0] : undefined;
  };
}
