/**
 * An entry's id is its file name without extension: it is the URL slug, so it
 * must be ASCII, and two files may not claim the same one.
 */
import { ID_PATTERN } from './schema.ts';

export function entryIdFromPath(path: string, seen: Map<string, string>): string {
  const file = path.split('/').pop() ?? path;
  const id = file.replace(/\.[^.]+$/, '');
  if (!ID_PATTERN.test(id)) {
    throw new Error(
      `${path}: the file name "${id}" is the entry's id and URL, so it must be ASCII: lower-case letters, digits and single hyphens (e.g. ankang-central.yaml)`,
    );
  }
  const other = seen.get(id);
  if (other !== undefined && other !== path) {
    throw new Error(`${path}: duplicate id "${id}": ${other} has the same id. Rename one of the files.`);
  }
  seen.set(id, path);
  return id;
}
