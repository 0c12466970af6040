/**
 * Wraps each section an article declares in its frontmatter (`sections`) in a
 * `<section id="…">`, from the heading whose text equals the section's
 * `heading` up to the next section heading. Every other heading gets an ASCII
 * id too (`h-1`, `h-2`, …), because non-ASCII fragments break on some hosts.
 *
 * A declared heading that is not in the body is an error naming the file:
 * a section that silently vanished would break deep links and the data.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';

interface DeclaredSection {
  id: string;
  heading: string;
  kind?: string;
}

const HEADING = /^h[1-6]$/;

/** Heading text compared without whitespace, so a line break in the Markdown does not matter. */
export function headingKey(text: string): string {
  return text.replace(/\s+/g, '');
}

function isHeading(node: RootContent): node is Element {
  return node.type === 'element' && HEADING.test(node.tagName);
}

/** The `<section>` a declared section's heading opens, holding that heading. */
function sectionFor(section: DeclaredSection, heading: Element): Element {
  heading.properties = { ...heading.properties, id: `${section.id}-title` };
  return {
    type: 'element',
    tagName: 'section',
    properties: {
      id: section.id,
      className: ['article-section'],
      dataSectionKind: section.kind ?? 'section',
      ariaLabelledby: `${section.id}-title`,
    },
    children: [heading],
  };
}

function missingSectionsError(path: string | undefined, declared: DeclaredSection[], missing: DeclaredSection[]): Error {
  const list = missing.map((s) => `sections[${declared.indexOf(s)}].heading "${s.heading}"`).join(', ');
  return new Error(
    `${path ?? 'an article'}: ${list} matches no heading in the body. A section starts at a Markdown heading whose text equals its \`heading\`.`,
  );
}

export function rehypeSections() {
  return (tree: Root, file: { path?: string; data: Record<string, any> }) => {
    const frontmatter = file.data.astro?.frontmatter ?? {};
    const declared: DeclaredSection[] = Array.isArray(frontmatter.sections) ? frontmatter.sections : [];
    const byHeading = new Map(declared.map((s) => [headingKey(s.heading), s]));
    const found = new Set<string>();

    const out: RootContent[] = [];
    let current: Element | undefined;
    let headingCount = 0;
    for (const node of tree.children) {
      if (isHeading(node)) {
        const section = byHeading.get(headingKey(toText(node)));
        if (section && !found.has(section.id)) {
          found.add(section.id);
          current = sectionFor(section, node);
          out.push(current);
          continue;
        }
        headingCount += 1;
        if (typeof node.properties?.id !== 'string') node.properties = { ...node.properties, id: `h-${headingCount}` };
      }
      if (current) current.children.push(node as ElementContent);
      else out.push(node);
    }

    const missing = declared.filter((s) => !found.has(s.id));
    if (missing.length > 0) throw missingSectionsError(file.path, declared, missing);
    tree.children = out;
  };
}
