/**
 * Text of rendered HTML as a reader sees it in the flow of a sentence:
 * note references (`sup`), `data-pagefind-ignore` parts, scripts and styles
 * are left out, so "急救技能校1培训" reads "急救技能培训".
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

const SKIPPED = new Set(['sup', 'script', 'style', 'template', 'noscript']);

function skipped(node: Element): boolean {
  return SKIPPED.has(node.tagName) || node.properties?.dataPagefindIgnore !== undefined;
}

function nodeText(node: Nodes): string {
  let text = '';
  visit(node, (n) => {
    if (n.type === 'element' && skipped(n)) return SKIP;
    if (n.type === 'text') text += n.value;
  });
  return text;
}

export function htmlText(html: string): string {
  return nodeText(fromHtml(html, { fragment: true }));
}
