/**
 * npm run import -- <file.txt> [--apply kinds] [--dry-run] [--root dir]
 *
 * Turns an OCR'd report into a draft article with its hospitals, people and
 * measures, copies the source byte for byte to content/sources/, and prints
 * what it found. The work is in tools/import/; see docs/import.md.
 */
import { CORRECTION_KINDS, type CorrectionKind } from '../../src/content-model/schema.ts';
import { APPLICABLE, DEFAULT_APPLY } from './draft.ts';
import { formatReport } from './report.ts';
import { ImportError, runImport } from './run.ts';

const USAGE = `usage: npm run import -- <file.txt> [options]

Writes a draft article for an OCR'd report (content/articles/), new hospital,
people and measure entries, and a byte-identical copy of the source
(content/sources/<id>.txt). Never overwrites a file.

options:
  --apply <kinds>  correction kinds the draft applies (and records); the others
                   are proposed as 存疑 queries with the text unchanged.
                   default: ${[...DEFAULT_APPLY].join(',')}
                   also possible: ${[...APPLICABLE].filter((k) => !DEFAULT_APPLY.has(k)).join(',')}; "all"; "none"
  --dry-run        analyse and print the report, write nothing
  --root <dir>     project root holding content/ (default: the current directory)
  -h, --help       this text`;

function parseApply(value: string): Set<CorrectionKind> {
  if (value === 'all') return new Set(APPLICABLE);
  if (value === 'none') return new Set();
  const kinds = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const k of kinds) {
    if (!(k in CORRECTION_KINDS)) throw new Error(`--apply: "${k}" is not a correction kind (${Object.keys(CORRECTION_KINDS).join(', ')})`);
    if (!APPLICABLE.has(k as CorrectionKind)) throw new Error(`--apply: the tool cannot apply "${k}" (it only flags it); applicable: ${[...APPLICABLE].join(', ')}`);
  }
  return new Set(kinds as CorrectionKind[]);
}

function main(argv: string[]): number {
  let file: string | undefined;
  let apply: Set<CorrectionKind> | undefined;
  let dryRun = false;
  let root = process.cwd();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else if (a === '--dry-run') dryRun = true;
    else if (a === '--apply' || a.startsWith('--apply=')) apply = parseApply(a.includes('=') ? a.slice(8) : (argv[++i] ?? ''));
    else if (a === '--root' || a.startsWith('--root=')) root = a.includes('=') ? a.slice(7) : (argv[++i] ?? '.');
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}\n\n${USAGE}`);
    else if (file) throw new Error(`one file at a time (got ${file} and ${a})`);
    else file = a;
  }
  if (!file) {
    console.error(USAGE);
    return 2;
  }
  const result = runImport({ root, file, apply, dryRun });
  console.log(formatReport(result, dryRun));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`import: ${error.message}`);
    process.exitCode = 1;
  } else {
    console.error(`import: ${(error as Error).message}`);
    process.exitCode = 2;
  }
}
