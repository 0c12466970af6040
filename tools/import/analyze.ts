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
  /** Dates in the page furniture (running heads), first first. */
  pageDates: { text: string }[];
}

/**
 * `pageDates`: the furniture dates of the whole page, for a part of a split
 * source whose own lines hold none (the running head sits above the first article).
 */
export function analyze(source: string, known: KnownHospital[] = [], pageDates: { text: string }[] = []): Analysis {
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
  const dates = detection.furnitureDates.length ? detection.furnitureDates : pageDates;
  return {
    doc,
    proposals: detection.proposals,
    secondArticle: findSecondArticle(doc),
    pageDates: dates,
    entities: {
      hospitals,
      people,
      measures,
      sections,
      date: findDate(text, dates),
      newspaper: findNewspaper(text),
      byline: findByline(doc),
    },
  };
}
