/**
 * The OCR'd source texts. The archive keeps its own byte-identical copy of
 * every source in `content/sources/` so a clone builds without anything beside
 * it; a test checks the copy against `../shared/sources/` when that exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Resolved from the project root: bundled page code has no stable file location of its own. */
export const SOURCES_DIR = resolve(process.cwd(), 'content/sources');

/** A source id is the source file's name without `.txt`, e.g. `000_804ee4f55abab6f2`. */
export const SOURCE_ID_PATTERN = /^\d{3}_[0-9a-f]{16}$/;

export function listSourceIds(dir: string = SOURCES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -'.txt'.length))
    .sort();
}

export function isSourceId(id: string, dir: string = SOURCES_DIR): boolean {
  return SOURCE_ID_PATTERN.test(id) && existsSync(`${dir}/${id}.txt`);
}

export function readSource(id: string, dir: string = SOURCES_DIR): string {
  return readFileSync(`${dir}/${id}.txt`, 'utf8');
}
