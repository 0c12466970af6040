/**
 * npm run import -- <file.txt> [--apply kinds] [--split] [--dry-run] [--root dir]
 *
 * Turns an OCR'd report into a draft article with its hospitals, people and
 * measures, copies the source byte for byte to content/sources/, and prints
 * what it found. The work is in tools/import/; see docs/import.md.
 */
import { parseArgs } from 'node:util';
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
  --split          when the source prints two articles (the report says
                   "Second article"), write two drafts of the one source, the
                   second from the line where it starts
  --dry-run        analyse and print the report, write nothing
  --root <dir>     project root holding content/ (default: the current directory)
  -h, --help       this text`;

function parseApply(value: string): Set<CorrectionKind> {
  if (value === 'all') return new Set(APPLICABLE);
  if (value === 'none') return new Set();
  const kinds = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const k of kinds) {
    if (!(k in CORRECTION_KINDS)) throw new Error(`--apply: "${k}" is not a correction kind (${Object.keys(CORRECTION_KINDS).join(', ')})`);
    if (!APPLICABLE.has(k as CorrectionKind))
      throw new Error(`--apply: the tool cannot apply "${k}" (it only flags it); applicable: ${[...APPLICABLE].join(', ')}`);
  }
  return new Set(kinds as CorrectionKind[]);
}

interface Command {
  help: boolean;
  file?: string;
  /** The --apply value as written; read by parseApply once help is ruled out. */
  apply?: string;
  dryRun: boolean;
  split: boolean;
  root: string;
}

/** The command line, read by `node:util` parseArgs: an unknown or malformed option throws an error that names it. */
function parseCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      apply: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      split: { type: 'boolean', default: false },
      root: { type: 'string', default: process.cwd() },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw new Error(`one file at a time (got ${positionals.join(' and ')})`);
  return {
    help: values.help,
    file: positionals[0],
    apply: values.apply,
    dryRun: values['dry-run'],
    split: values.split,
    root: values.root,
  };
}

function main(argv: string[]): number {
  const command = parseCommand(argv);
  if (command.help) {
    console.log(USAGE);
    return 0;
  }
  if (!command.file) {
    console.error(USAGE);
    return 2;
  }
  const apply = command.apply === undefined ? undefined : parseApply(command.apply);
  const result = runImport({ root: command.root, file: command.file, apply, dryRun: command.dryRun, split: command.split });
  console.log(formatReport(result, command.dryRun));
  return 0;
}

/** Errors of node:util parseArgs (unknown option, missing value, …) carry codes like ERR_PARSE_ARGS_UNKNOWN_OPTION. */
function isParseArgsError(error: unknown): boolean {
  return String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS_');
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof ImportError) {
    console.error(`import: ${error.message}`);
    process.exitCode = 1;
  } else {
    // A command-line mistake (exit 2); a wrong option also gets the usage text.
    console.error(`import: ${(error as Error).message}${isParseArgsError(error) ? `\n\n${USAGE}` : ''}`);
    process.exitCode = 2;
  }
}
