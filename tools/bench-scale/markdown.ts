/**
 * Writes the benchmark's tables into the documents that show them: the
 * summary into README.md ("Performance at scale") and docs/performance.md,
 * the per-size tables into docs/performance.md. Each table sits between a
 * pair of markers, `<!-- scale-results:NAME -->` … `<!-- /scale-results:NAME -->`;
 * everything outside them is left as written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../shared/project.ts';
import type { SizeFigures } from './figures.ts';
import { markdownTable, summaryTable } from './report.ts';

/** `text` with the content between the markers of block `name` replaced; an error naming the file when they are missing. */
export function replaceBlock(text: string, name: string, content: string, file: string): string {
  const open = `<!-- scale-results:${name} -->`;
  const close = `<!-- /scale-results:${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${file}: no ${open} … ${close} block to write the ${name} table into`);
  return `${text.slice(0, start + open.length)}\n${content}\n${text.slice(end)}`;
}

/** The documents and the blocks each holds. */
const DOCUMENTS: [string, string[]][] = [
  ['README.md', ['summary']],
  ['docs/performance.md', ['summary', 'per-size']],
];

/** Rewrites every table block from the figures; returns the files written. */
export function writeTables(sizes: SizeFigures[], root = ROOT): string[] {
  const tables: Record<string, string> = {
    summary: summaryTable(sizes),
    'per-size': sizes.map(markdownTable).join('\n\n'),
  };
  return DOCUMENTS.map(([file, blocks]) => {
    const path = join(root, file);
    const text = blocks.reduce((t, name) => replaceBlock(t, name, tables[name], file), readFileSync(path, 'utf8'));
    writeFileSync(path, text);
    return file;
  });
}
