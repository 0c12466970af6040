/**
 * Proposes the entities a source reports: hospitals (matched against the
 * collection or new), people named in a role, named measures, the date and
 * the newspaper. Every proposal carries the sentence it came from. Pure.
 * One module a kind of entity, in entities/.
 */
export { findHospitals } from './entities/hospitals.ts';
export { hospitalFacts } from './entities/hospital-facts.ts';
export { findMeasures } from './entities/measures.ts';
export type { Author } from './entities/byline.ts';
export type {
  BylineProposal,
  DateProposal,
  Entities,
  Evidence,
  HospitalProposal,
  KnownHospital,
  MeasureProposal,
  PersonProposal,
  SectionProposal,
} from './entities/model.ts';
export { findPeople, nameAfter } from './entities/people.ts';
export { findByline, findDate, findNewspaper } from './entities/publication.ts';
export { findSections, hospitalScope } from './entities/sections.ts';
