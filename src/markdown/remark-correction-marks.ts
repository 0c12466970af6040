/**
 * Turns a correction mark `[[c3]]` in an article body into a note reference
 * that links to the 校勘记 entry `c3` shown under the article. The mark sits
 * right after the text the correction changed.
 *
 * The rendered reference is `data-pagefind-ignore` and a `sup`, so neither
 * search nor the fidelity check reads "校3" as part of the sentence around it.
 * A mark with no matching correction in the frontmatter is an error naming
 * the file.
 */
import type { Html, Root } from 'mdast';
import { findAndReplace } from 'mdast-util-find-and-replace';
import { visit } from 'unist-util-visit';
import { correctionMark, correctionMarkIds, correctionMarkPattern } from '../content-model/correction-marks.ts';

export function correctionLabel(id: string): string {
  return `校${id.slice(1)}`;
}

export function remarkCorrectionMarks() {
  return (tree: Root, file: { path?: string; data: Record<string, any> }) => {
    const frontmatter = file.data.astro?.frontmatter ?? {};
    const known = new Set<string>((frontmatter.corrections ?? []).map((c: { id: string }) => c.id));
    const unknown = markedIds(tree).filter((id) => !known.has(id));
    if (unknown.length > 0) throw unknownMarksError(file.path, unknown);

    // Raw HTML such as a caption paragraph: expand marks inside it too.
    visit(tree, 'html', (node) => {
      node.value = node.value.replace(correctionMarkPattern(), (_, id: string) => noteRef(id));
    });
    findAndReplace(tree, [correctionMarkPattern(), (_: string, id: string): Html => ({ type: 'html', value: noteRef(id) })]);
  };
}

/** Ids of every mark in text and raw HTML, in document order. */
function markedIds(tree: Root): string[] {
  const ids: string[] = [];
  visit(tree, ['text', 'html'], (node) => {
    if (node.type === 'text' || node.type === 'html') ids.push(...correctionMarkIds(node.value));
  });
  return ids;
}

function unknownMarksError(path: string | undefined, unknown: string[]): Error {
  const many = unknown.length > 1;
  return new Error(
    `${path ?? 'an article'}: correction mark${many ? 's' : ''} ${unknown.map(correctionMark).join(', ')} ` +
      `name${many ? '' : 's'} no entry in \`corrections\`. Add the correction or remove the mark.`,
  );
}

function noteRef(id: string): string {
  return (
    `<sup class="correction-ref" data-pagefind-ignore><a href="#note-${id}" id="ref-${id}" role="doc-noteref" ` +
    `aria-label="${correctionLabel(id)}（校勘记第${id.slice(1)}条）">${correctionLabel(id)}</a></sup>`
  );
}
