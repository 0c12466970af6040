/**
 * The proof that no sentence of a source is lost. A source is cut into units
 * (each line, then after 。！？；); every unit must stand in the text the
 * archive renders from that source — verbatim (removed text counts because
 * its correction note quotes it), or with the recorded corrections applied,
 * whose notes the page shows.
 *
 * Comparison ignores whitespace and width (NFKC: `,` = `，`) but keeps every
 * other character, punctuation included: stricter than a letters-only match.
 */

export interface CorrectionLike {
  id: string;
  kind: string;
  original: string;
  reading: string;
  global?: boolean;
}

export interface SourceUnit {
  line: number;
  text: string;
}

export type UnitStatus = 'verbatim' | 'corrected' | 'missing';

export interface UnitResult extends SourceUnit {
  status: UnitStatus;
  /** Corrections that explain a `corrected` unit. */
  by: string[];
}

/** The form in which two readings of a text compare: NFKC, no whitespace (line breaks and width do not change a reading). */
export function readingForm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

/**
 * The sources are OCR output with light Markdown: heading hashes at the start
 * of a line and `**` around bold runs are markup, not text.
 */
export function stripSourceMarkup(line: string): string {
  return line.replace(/^\s*#{1,6}\s+/u, '').replaceAll('**', '');
}

const UNIT_END = /(?<=[。！？；!?;])/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;
const MIN_UNIT = 4;

function weight(text: string): number {
  return text.match(LETTER_OR_DIGIT)?.length ?? 0;
}

/**
 * Lines, then pieces after sentence-final punctuation. A piece with fewer than
 * four letters or digits joins the next piece on its line (at the end of a
 * line, the previous one); a line that short as a whole is skipped.
 */
export function splitUnits(source: string): SourceUnit[] {
  const units: SourceUnit[] = [];
  source.split('\n').forEach((rawLine, index) => {
    const line = stripSourceMarkup(rawLine).trim();
    if (weight(line) < MIN_UNIT) return;
    const pieces: string[] = [];
    let carry = '';
    for (const piece of line.split(UNIT_END)) {
      const joined = carry + piece;
      if (weight(joined) < MIN_UNIT) carry = joined;
      else {
        pieces.push(joined);
        carry = '';
      }
    }
    if (carry) pieces[pieces.length - 1] += carry;
    for (const text of pieces) units.push({ line: index + 1, text: text.trim() });
  });
  return units;
}

/**
 * Checks one source against the text rendered from it (body and notes) and
 * its corrections. A unit is
 * - `verbatim` when it stands in the rendered text as it is (in the body,
 *   or in a note that quotes removed text);
 * - `corrected` when applying the corrections whose `original` lies in it
 *   gives text that stands in the rendered text, and those notes are shown;
 * - `missing` otherwise.
 */
export function checkSource(source: string, rendered: string, corrections: CorrectionLike[]): UnitResult[] {
  const page = readingForm(rendered);
  const local = corrections
    .filter((c) => !c.global)
    .map((c) => ({ id: c.id, original: readingForm(c.original), reading: readingForm(c.reading) }))
    // Apply longer originals first, so a long removal wins over a short fix inside it.
    .sort((a, b) => b.original.length - a.original.length);

  return splitUnits(source).map((unit): UnitResult => {
    const text = readingForm(unit.text);
    if (page.includes(text)) return { ...unit, status: 'verbatim', by: [] };

    let fixed = text;
    const by: string[] = [];
    for (const c of local) {
      if (c.original && fixed.includes(c.original)) {
        fixed = fixed.split(c.original).join(c.reading);
        by.push(c.id);
      }
    }
    // The changed words must be quoted on the page (the note shows them).
    const shown = (ids: string[]) => ids.every((id) => page.includes(local.find((c) => c.id === id)!.original));
    if (by.length > 0 && (fixed === '' || page.includes(fixed)) && shown(by)) return { ...unit, status: 'corrected', by };

    // A unit that straddles the edge of a correction (e.g. the start of a
    // removed duplicate passage on a line that continues) is corrected when
    // the overlap is replaced.
    for (const c of local) {
      const overlap = overlapEdit(text, c.original, c.reading);
      if (overlap !== undefined && (overlap === '' || page.includes(overlap)) && shown([c.id])) {
        return { ...unit, status: 'corrected', by: [c.id] };
      }
    }

    return { ...unit, status: 'missing', by: [] };
  });
}

/**
 * When the unit's end overlaps the correction's start (or its start the
 * correction's end), returns the unit with the overlapping part replaced by
 * the matching part of the reading; otherwise undefined. Needs ≥ 4 chars of
 * overlap so a chance match of a character or two does not count.
 */
function overlapEdit(unit: string, original: string, reading: string): string | undefined {
  for (let n = Math.min(unit.length, original.length) - 1; n >= 4; n--) {
    if (unit.endsWith(original.slice(0, n)) && reading === '') return unit.slice(0, unit.length - n);
    if (unit.startsWith(original.slice(original.length - n)) && reading === '') return unit.slice(n);
  }
  return undefined;
}

export interface CorrectionProblem {
  id: string;
  problem: string;
}

/**
 * Each correction must be true of the texts: its `original` stands in the
 * source, and its `reading` stands in the rendered body. Global corrections
 * (punctuation throughout) are checked by the unit comparison instead.
 */
export function checkCorrections(source: string, body: string, corrections: CorrectionLike[]): CorrectionProblem[] {
  const src = readingForm(source);
  const text = readingForm(body);
  const problems: CorrectionProblem[] = [];
  for (const c of corrections) {
    if (c.global) continue;
    if (!src.includes(readingForm(c.original))) {
      problems.push({ id: c.id, problem: `original "${c.original}" is not in the source` });
    }
    if (c.reading !== '' && !text.includes(readingForm(c.reading))) {
      problems.push({ id: c.id, problem: `reading "${c.reading}" is not in the article body` });
    }
  }
  return problems;
}
