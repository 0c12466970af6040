/**
 * YAML as the importer writes it. Astro reads frontmatter and data files with
 * js-yaml, which follows YAML 1.1 in places (2021-06-09 becomes a timestamp;
 * other 1.1 readers take yes/no/on/off as booleans). The `yaml` package's
 * `compat` option quotes every string a YAML 1.1 reader would read as
 * something else, so each value reads back as the string it is.
 */
import { stringify } from 'yaml';
import { DRAFT_COMMENT } from './model.ts';

/** No line folding (`lineWidth: 0`): a note or quote stays on one line, as an editor would search for it. */
export function toYaml(data: unknown): string {
  return stringify(data, { lineWidth: 0, compat: 'yaml-1.1' });
}

/** A data file (hospital, person, measure) headed by the draft comment. */
export function yamlEntry(data: unknown): string {
  return `${DRAFT_COMMENT}\n${toYaml(data)}`;
}
