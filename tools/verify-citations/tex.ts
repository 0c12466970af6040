/**
 * The TeX side of verify-citations: the article `.bib` files through classic
 * BibTeX (`plain.bst`) and through biber, as users' documents run them, with
 * every warning and error attributed to the entry it names.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One message of a program about the bibliography: the entry it names (or `*` when it names none). */
export interface Finding {
  program: string;
  entry: string;
  severity: 'warning' | 'error';
  message: string;
}

/** A program the check needs, and the Debian package that installs it. */
export const PROGRAMS = {
  bibtex: 'texlive-binaries',
  biber: 'biber',
} as const;

/** Whether `program` is on the PATH. */
export function installed(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).status === 0;
}

/** The first line a program prints about its version, to record with the results. */
export function versionOf(program: string, flag = '--version'): string {
  const run = spawnSync(program, [flag], { encoding: 'utf8' });
  return `${run.stdout ?? ''}${run.stderr ?? ''}`.split('\n').find((l) => l.trim()) ?? '(unknown)';
}

function run(program: string, args: string[], cwd: string): string {
  // max_print_line: TeX would wrap its log at 79 columns, cutting messages and entry keys in two.
  const env = { ...process.env, max_print_line: '100000' };
  const out = spawnSync(program, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (out.error) throw out.error;
  return `${out.stdout ?? ''}${out.stderr ?? ''}`;
}

/**
 * Copies each article's `.bib` into `work` under its own name, so BibTeX's
 * messages, which name a database file and line, name the article.
 */
export function stageBibFiles(bibFiles: string[], work: string): string[] {
  return bibFiles.map((file) => {
    copyFileSync(file, join(work, basename(file)));
    return basename(file, '.bib');
  });
}

/**
 * Classic BibTeX's messages from its log: `Warning--empty journal in key`,
 * and errors, which end with `---line N of file name.bib` (the file names the
 * article).
 */
export function parseBibtexLog(log: string): Finding[] {
  const findings: Finding[] = [];
  const lines = log.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const warning = /^Warning--(.*)$/.exec(line);
    if (warning) {
      const entry = / in ([^\s]+)$/.exec(warning[1])?.[1] ?? '*';
      findings.push({ program: 'bibtex', entry, severity: 'warning', message: warning[1] });
      continue;
    }
    const at = /^(.*?)-+line (\d+) of file (.+?)\.bib$/.exec(line);
    if (at) {
      const message = (at[1] || lines[i - 1] || '').trim();
      findings.push({ program: 'bibtex', entry: basename(at[3]), severity: 'error', message: `${message} (line ${at[2]})` });
    }
  }
  // Errors that name no line ("I couldn't open style file …", "Illegal, another \bibdata command").
  for (const line of lines) {
    if (/^I couldn't open|^Illegal|^I found no/.test(line) && !/-line \d+ of file/.test(line)) {
      findings.push({ program: 'bibtex', entry: '*', severity: 'error', message: line.trim() });
    }
  }
  return findings;
}

/** Classic BibTeX with plain.bst over every entry of the given databases (staged in `work`). */
export function runBibtex(databases: string[], work: string): Finding[] {
  writeFileSync(join(work, 'plain.aux'), `\\citation{*}\n\\bibstyle{plain}\n\\bibdata{${databases.join(',')}}\n`);
  const output = run('bibtex', ['-terse', 'plain'], work);
  const log = existsSync(join(work, 'plain.blg')) ? readFileSync(join(work, 'plain.blg'), 'utf8') : output;
  return parseBibtexLog(log);
}

/** biber's `WARN - …` and `ERROR - …` lines; an entry is named as `Entry 'key'` or `entry 'key'`. */
export function parseBiberOutput(output: string, program: string): Finding[] {
  const findings: Finding[] = [];
  for (const line of output.split('\n')) {
    const m = /^(WARN|ERROR) - (.*)$/.exec(line.trim());
    if (!m) continue;
    const entry = /[Ee]ntry '([^']+)'/.exec(m[2])?.[1] ?? /\bkey '([^']+)'/.exec(m[2])?.[1] ?? '*';
    findings.push({ program, entry, severity: m[1] === 'WARN' ? 'warning' : 'error', message: m[2] });
  }
  return findings;
}

/**
 * biber in tool mode, no LaTeX needed: every entry read through biblatex's
 * default data model, with `--validate-datamodel` naming each field or entry
 * type biblatex does not know.
 */
export function runBiberTool(databases: string[], work: string): Finding[] {
  const all = join(work, 'all.bib');
  writeFileSync(all, databases.map((d) => readFileSync(join(work, `${d}.bib`), 'utf8')).join('\n'));
  return parseBiberOutput(
    run('biber', ['--tool', '--validate-datamodel', '--output-file', join(work, 'all_bibertool.bib'), all], work),
    'biber --tool',
  );
}

/** Where TeX finds `file` (`plain.bst`, `biblatex.sty`), or '' when it is not installed. */
export function kpsewhich(file: string): string {
  if (!installed('kpsewhich')) return '';
  return run('kpsewhich', [file], '.').trim();
}

/** Whether a LaTeX run with biblatex is possible here (latex and biblatex.sty installed). */
export function latexAvailable(): boolean {
  return installed('latex') && kpsewhich('biblatex.sty') !== '';
}

/** biblatex's version as its package file defines it (`\def\abx@version{3.18b}`, `\def\abx@date{…}`). */
export function biblatexVersion(): string {
  const sty = kpsewhich('biblatex.sty');
  if (!sty) return '(unknown)';
  const text = readFileSync(sty, 'utf8');
  const def = (name: string) => new RegExp(`\\\\def\\\\abx@${name}\\{([^}]*)\\}`).exec(text)?.[1];
  return `${def('version') ?? '(unknown)'} (${def('date') ?? 'undated'})`;
}

/**
 * The way a biblatex user meets the entries: a LaTeX document that
 * `\nocite{*}`s them and prints the bibliography, then biber (with data
 * model validation), then LaTeX again. The input encoding is raw so that
 * pdfTeX typesets the Chinese bytes without a CJK setup: the check is about
 * the bibliography data, not about how the glyphs look.
 */
export function runBiblatex(databases: string[], work: string): Finding[] {
  const resources = databases.map((d) => `\\addbibresource{${d}.bib}`).join('\n');
  writeFileSync(
    join(work, 'biblatex.tex'),
    [
      '\\documentclass{article}',
      '\\UseRawInputEncoding',
      '\\usepackage[backend=biber,style=authoryear,bibencoding=utf8,texencoding=utf8]{biblatex}',
      resources,
      '\\begin{document}',
      '\\nocite{*}',
      '\\printbibliography',
      '\\end{document}',
      '',
    ].join('\n'),
  );
  const latex = () => run('latex', ['-interaction=nonstopmode', '-halt-on-error', 'biblatex.tex'], work);
  latex();
  const findings = parseBiberOutput(run('biber', ['--validate-datamodel', 'biblatex'], work), 'biber');
  latex();
  latex();
  const log = readFileSync(join(work, 'biblatex.log'), 'utf8');
  findings.push(...parseLatexLog(log));
  return findings;
}

/** biblatex's own warnings and LaTeX errors from the final run's log; "rerun" notices are not about the data. */
export function parseLatexLog(log: string): Finding[] {
  const findings: Finding[] = [];
  const blocks = log.split(/\n\s*\n/);
  for (const block of blocks) {
    const text = block.replace(/\n\(biblatex\)\s*/g, ' ').trim();
    const warning = /^Package biblatex Warning: ([\s\S]*)$/m.exec(text);
    if (warning && !/rerun|Please \(re\)run/i.test(warning[1])) {
      const entry = /(?:entry|issues with) '([^']+)'/.exec(warning[1])?.[1] ?? '*';
      findings.push({ program: 'latex+biblatex', entry, severity: 'warning', message: warning[1].replace(/\s+/g, ' ') });
    }
    const error = /^! (.*)$/m.exec(text);
    if (error) findings.push({ program: 'latex+biblatex', entry: '*', severity: 'error', message: error[1] });
  }
  return findings;
}
