/**
 * What the entity finders propose: hospitals, people, measures, sections,
 * the date and the newspaper, each with the words of the source it came from.
 */
import type { MEASURE_KINDS, ROLE_KINDS } from '../../../src/content-model/schema.ts';
import type { Author } from './byline.ts';

export interface KnownHospital {
  id: string;
  name: string;
  aliases: string[];
  province?: string;
}

export interface Evidence {
  /** Verbatim words of the source (one line, whitespace aside). */
  quote: string;
  /** Why the tool proposes the value. */
  inferred: string;
}

export interface HospitalProposal {
  /** Names as the text writes them; `name` is the most used full form. */
  name: string;
  aliases: string[];
  mentions: number;
  /** An existing entry this matches, by name or alias. */
  existing?: string;
  /** Named in the title, a heading or often enough to be what the article is about. */
  about: boolean;
  firstAt: number;
  province?: { value: string } & Evidence;
  city?: { value: string } & Evidence;
  county?: { value: string } & Evidence;
  level?: { value: string } & Evidence;
  category?: { value: string } & Evidence;
  founded?: { value: number } & Evidence;
}

export interface PersonProposal {
  name: string;
  roles: {
    kind: keyof typeof ROLE_KINDS;
    title: string;
    branch?: string;
    /** Index into the hospital proposals. */
    hospital?: number;
    quote: string;
    at: number;
  }[];
  /** The name's length was decided by the words after it, not by punctuation: check it. */
  uncertain: boolean;
}

export interface MeasureProposal {
  name: string;
  kind: keyof typeof MEASURE_KINDS;
  description: string;
  hospital?: number;
  at: number;
  /** Words of the name used for its id. */
  core: string;
}

export interface SectionProposal {
  block: number;
  heading: string;
  kind: 'essay' | 'profile' | 'editor-note' | 'report';
  hospital?: number;
  branch?: string;
  /** Index into the people proposals. */
  secretary?: number;
}

export interface DateProposal {
  value: string;
  quote?: string;
  inferred: string;
}

export interface BylineProposal {
  /** The byline as printed, on one line. */
  text: string;
  /** Each author with the role printed before the name. */
  authors: Author[];
  line: number;
}

export interface Entities {
  hospitals: HospitalProposal[];
  people: PersonProposal[];
  measures: MeasureProposal[];
  sections: SectionProposal[];
  date?: DateProposal;
  newspaper?: { value: string } & Evidence;
  byline?: BylineProposal;
}
