/**
 * One pass over a source: its layout, its defects and its entities. Pure.
 */
import { parseDocument, type SourceDocument } from './document.ts';
import { placesIn } from './places.ts';
import { findSecondArticle, type SecondArticle } from './second-article.ts';
import { detectDefects, type Proposal } from './defects.ts';
import {
  findByline,
  findDate,
  findHospitals,
  findMeasures,
  findNewspaper,
  findPeople,
  findSections,
  hospitalFacts,
  hospitalScope,
  type Entities,
  type KnownHospital,
} from './entities.ts';

export interface Analysis {
  doc: SourceDocument;
  proposals: Proposal[];
  entities: Entities;
  /** Where a second article printed in the same source starts. */
  secondArticle?: SecondArticle;
}

export function analyze(source: string, known: KnownHospital[] = []): Analysis {
  const doc = parseDocument(source.replace(/^\uFEFF/, ''));
  const detection = detectDefects(doc);
  const text = doc.text;
  const hospitals = findHospitals(doc, text, known);
  const blockAt = (at: number) => doc.blocks.find((b) => b.start <= at && at < b.end);
  let sections = findSections(doc, hospitals, []);
  const scope = hospitalScope(sections, hospitals, blockAt);
  const people = findPeople(text, hospitals, scope);
  sections = findSections(doc, hospitals, people);
  const measures = findMeasures(text, scope);
  const places = placesIn(text);
  hospitals.forEach((h, i) => {
    if (h.existing) return;
    hospitalFacts(h, text, (at) => scope(at) === i, places);
  });
  return {
    doc,
    proposals: detection.proposals,
    secondArticle: findSecondArticle(doc),
    entities: {
      hospitals,
      people,
      measures,
      sections,
      date: findDate(text, detection.furnitureDates),
      newspaper: findNewspaper(text),
      byline: findByline(doc),
    },
  };
}
