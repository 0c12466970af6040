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
import type { Root, Text, PhrasingContent, Parent } from 'mdast';

const MARK = /\[\[(c\d+)\]\]/g;

export function correctionLabel(id: string): string {
  return `校${id.slice(1)}`;
}

export function remarkCorrectionMarks() {
  return (tree: Root, file: { path?: string; data: Record<string, any> }) => {
    const frontmatter = file.data.astro?.frontmatter ?? {};
    const known = new Set<string>((frontmatter.corrections ?? []).map((c: { id: string }) => c.id));
    const unknown: string[] = [];

    const visit = (node: Parent) => {
      for (let i = 0; i < node.children.length; i++) {
        const child = node.children[i];
        if (child.type === 'text') {
          const replaced = splitMarks(child as Text, known, unknown);
          if (replaced) {
            node.children.splice(i, 1, ...replaced);
            i += replaced.length - 1;
          }
        } else if (child.type === 'html') {
          // Raw HTML such as a caption paragraph: expand marks inside it too.
          child.value = child.value.replace(MARK, (_, id: string) => {
            if (!known.has(id)) unknown.push(id);
            return noteRef(id);
          });
        } else if ('children' in child) {
          visit(child as Parent);
        }
      }
    };
    visit(tree);

    if (unknown.length > 0) {
      throw new Error(
        `${file.path ?? 'an article'}: correction mark${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `[[${u}]]`).join(', ')} ` +
          `name${unknown.length > 1 ? '' : 's'} no entry in \`corrections\`. Add the correction or remove the mark.`,
      );
    }
  };
}

function noteRef(id: string): string {
  return (
    `<sup class="correction-ref" data-pagefind-ignore><a href="#note-${id}" id="ref-${id}" role="doc-noteref" ` +
    `aria-label="${correctionLabel(id)}（校勘记第${id.slice(1)}条）">${correctionLabel(id)}</a></sup>`
  );
}

function splitMarks(node: Text, known: Set<string>, unknown: string[]): PhrasingContent[] | undefined {
  const value = node.value;
  MARK.lastIndex = 0;
  if (!MARK.test(value)) return undefined;
  MARK.lastIndex = 0;
  const parts: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(MARK)) {
    const id = match[1];
    if (!known.has(id)) unknown.push(id);
    if (match.index > last) parts.push({ type: 'text', value: value.slice(last, match.index) });
    parts.push({ type: 'html', value: noteRef(id) });
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}
