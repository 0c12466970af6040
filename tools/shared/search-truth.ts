/**
 * The ground truth for search, taken as ../shared/search-eval/eval.mjs takes
 * it: every HTML file with a `data-pagefind-body` element is a page; its text
 * is the textContent of its outermost such elements minus
 * `data-pagefind-ignore`, `script` and `style` descendants, NFKC-normalized,
 * lower-cased, without whitespace. (If no page has the attribute, Pagefind
 * indexes every page's `<body>`, and so does the truth.)
 */
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root } from 'hast';
import { fileToUrl, walk } from './dist.ts';

/** The checker's comparison form of a text: NFKC, lower case, no white space. */
export const evalNormalize = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

export interface TruthPage {
  url: string;
  text: string;
}

function hasAttr(node: Element, name: string): boolean {
  return node.properties?.[name] !== undefined && node.properties[name] !== false && node.properties[name] !== null;
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    if (node.tagName === 'script' || node.tagName === 'style' || hasAttr(node, 'dataPagefindIgnore')) return '';
    // <template> content is not part of textContent
    if (node.tagName === 'template') return '';
    return node.children.map(textOf).join('');
  }
  if (node.type === 'root') return node.children.map(textOf).join('');
  return '';
}

function outermost(node: Root | Element, test: (e: Element) => boolean, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    else outermost(child, test, out);
  }
  return out;
}

/** The indexed pages of a build and their normalized text. */
export function truthPages(dist: string, base = '/'): TruthPage[] {
  const html = walk(dist)
    .filter((f) => f.endsWith('.html') && !f.includes(`${sep}pagefind${sep}`))
    .sort();
  const marked: TruthPage[] = [];
  for (const file of html) {
    const raw = readFileSync(file, 'utf8');
    if (!raw.includes('data-pagefind-body')) continue;
    const tree = fromHtml(raw);
    const bodies = outermost(tree, (e) => hasAttr(e, 'dataPagefindBody'));
    if (bodies.length === 0) continue;
    marked.push({ url: fileToUrl(dist, file, base), text: evalNormalize(bodies.map(textOf).join('\n')) });
  }
  if (marked.length > 0) return marked;
  // Pagefind's fallback: every page's <body>.
  return html.map((file) => {
    const tree = fromHtml(readFileSync(file, 'utf8'));
    const body = outermost(tree, (e) => e.tagName === 'body');
    return { url: fileToUrl(dist, file, base), text: evalNormalize(body.map(textOf).join('\n')) };
  });
}
