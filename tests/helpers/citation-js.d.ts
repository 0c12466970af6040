/** The parts of citation-js the tests use; the packages ship no types. */
declare module '@citation-js/core' {
  export interface CslName {
    family?: string;
    given?: string;
    literal?: string;
  }
  export interface CslItem {
    type: string;
    title?: string;
    author?: CslName[];
    reporter?: string[] | string;
    issued?: { 'date-parts'?: number[][]; raw?: string };
    'container-title'?: string;
    language?: string;
    URL?: string;
    genre?: string;
  }
  export class Cite {
    constructor(data: string);
    data: CslItem[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
