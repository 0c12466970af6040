/**
 * The command line of every tool: `node:util` parseArgs, strict (an unknown
 * option, a missing value or an unexpected argument is an error that names
 * it). The usage is the tool file's top comment: `--help` prints it, and a
 * mistake prints the error and the usage on stderr and exits with status 2.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** The first block comment of a module, without its comment marks. */
export function usageOf(moduleUrl: string): string {
  const comment = /\/\*\*([\s\S]*?)\*\//.exec(readFileSync(fileURLToPath(moduleUrl), 'utf8'))?.[1] ?? '';
  return comment
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}

/** `process.argv` read by `config` for the tool at `moduleUrl` (pass `import.meta.url`). */
export function parseCommandLine<T extends ParseArgsConfig>(moduleUrl: string, config: T): ReturnType<typeof parseArgs<T>> {
  const args = config.args ?? process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usageOf(moduleUrl));
    process.exit(0);
  }
  try {
    return parseArgs(config);
  } catch (error) {
    if (!String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS_')) throw error;
    console.error(`${(error as Error).message}\n\n${usageOf(moduleUrl)}`);
    process.exit(2);
  }
}

/** A whole number ≥ `min` from an option's text, or exit 2 naming the option. */
export function intOption(name: string, text: string | undefined, fallback: number, min = 1): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (Number.isInteger(n) && n >= min) return n;
  console.error(`--${name}: expected a whole number ≥ ${min}, got ${JSON.stringify(text)}`);
  process.exit(2);
}
