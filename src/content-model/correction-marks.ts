/**
 * The one pattern of a correction mark in an article body: `[[c3]]` stands
 * right after the text that correction `c3` changed. The Markdown pipeline
 * turns it into a note reference; everything else that reads a body (the
 * browse model, the importer, the tests) finds or drops marks through here.
 */

/** A fresh global pattern each call, so no caller shares `lastIndex` with another. */
export function correctionMarkPattern(): RegExp {
  return /\[\[(c\d+)\]\]/g;
}

/** The correction ids marked in a body, in order of appearance (repeats kept). */
export function correctionMarkIds(body: string): string[] {
  return [...body.matchAll(correctionMarkPattern())].map((m) => m[1]);
}

/** The body without its marks. */
export function stripCorrectionMarks(body: string): string {
  return body.replace(correctionMarkPattern(), '');
}

/** Whether the text holds at least one mark. */
export function hasCorrectionMark(text: string): boolean {
  return correctionMarkPattern().test(text);
}

/** The mark for correction `id`, as an editor writes it in the body. */
export function correctionMark(id: string): string {
  return `[[${id}]]`;
}
