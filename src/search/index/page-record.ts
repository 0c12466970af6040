/**
 * What the search index takes from one built HTML page, read the way the
 * search checker reads it: the text of the outermost `data-pagefind-body`
 * elements, without `data-pagefind-ignore` parts, scripts and styles (parsed
 * as a browser with JavaScript off would). Also the places a result can link
 * to (sections, headings and paragraphs with an id) and Pagefind-style filters, meta and
 * sort keys (`data-pagefind-filter="name:value"`, `"name[attr]"` or `"name"`
 * for the element's text), which may stand anywhere in the page.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, Root, RootContent } from 'hast';

export interface Anchor {
  id: string;
  kind: 'section' | 'heading' | 'paragraph';
  /** UTF-16 range of the element's text in `PageSource.text`. */
  start: number;
  end: number;
  /** Id of the section the element sits in, if any. */
  section?: string;
}

export interface PageSource {
  text: string;
  anchors: Anchor[];
  title: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  sort: Record<string, string>;
}

type Node = Root | RootContent | ElementContent;

const SKIPPED = new Set(['script', 'style']);
const HEADING = /^h[1-6]$/;
/** Whitespace where the page shows text the index leaves out (`data-pagefind-ignore`): the paragraph separator. */
export const GAP = '\u2029';
/**
 * Elements a browser shows on lines of their own: a line break is added at
 * their edges (whitespace, so the search form and the checker's text are
 * unchanged), so excerpts show a space where the page breaks a line.
 */
const BLOCK = new Set(
  'address article aside blockquote br dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul'.split(
    ' ',
  ),
);

function isElement(node: Node): node is Element {
  return node.type === 'element';
}

function has(el: Element, prop: string): boolean {
  const v = el.properties?.[prop];
  return v !== undefined && v !== null && v !== false;
}

/** `textContent`: every text node below, template contents excluded (hast keeps them apart). */
function textContent(node: Node): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => textContent(c as Node)).join('');
  return '';
}

function collapse(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** An attribute's value by its HTML name, whatever hast calls the property (`datetime` → `dateTime`). */
function attribute(el: Element, name: string): string | undefined {
  const want = name.toLowerCase().replace(/-/g, '');
  for (const [key, value] of Object.entries(el.properties ?? {})) {
    if (key.toLowerCase() !== want) continue;
    if (value === undefined || value === null || value === false) return undefined;
    return Array.isArray(value) ? value.join(' ') : String(value);
  }
  return undefined;
}

/** Pagefind's attribute forms: `name:value`, `name[attr]`, or `name` (the element's text). */
export function attributePair(el: Element, spec: string): [string, string] | undefined {
  const colon = spec.indexOf(':');
  if (colon > 0) return [spec.slice(0, colon).trim(), collapse(spec.slice(colon + 1))];
  const m = /^([^[\]]+)\[([^[\]]+)\]$/.exec(spec.trim());
  if (m) {
    const value = attribute(el, m[2].trim());
    return value === undefined ? undefined : [m[1].trim(), collapse(value)];
  }
  const name = spec.trim();
  return name ? [name, collapse(textContent(el))] : undefined;
}

function walkElements(node: Node, visit: (el: Element) => void) {
  if (isElement(node)) visit(node);
  if ('children' in node) for (const c of node.children) walkElements(c as Node, visit);
}

export function extractPage(html: string): PageSource | null {
  // Most built files (measure, person, data pages) have no indexed body: skip parsing them.
  if (!/data-pagefind-body/i.test(html)) return null;
  const tree = fromHtml(html);
  const bodies = outermostBodies(tree);
  if (bodies.length === 0) return null;
  const { text, anchors, firstH1 } = bodyText(bodies);
  const { filters, meta, sort, docTitle } = pagefindTags(tree);
  const title = meta.title || firstH1 || docTitle || '';
  return { text, anchors, title, filters, meta, sort };
}

/** The outermost `data-pagefind-body` elements, in document order. */
function outermostBodies(node: Node, bodies: Element[] = []): Element[] {
  if (isElement(node) && has(node, 'dataPagefindBody')) {
    bodies.push(node);
    return bodies;
  }
  if ('children' in node) for (const c of node.children) outermostBodies(c as Node, bodies);
  return bodies;
}

function anchorKind(tagName: string): Anchor['kind'] | undefined {
  if (tagName === 'section') return 'section';
  if (HEADING.test(tagName)) return 'heading';
  return tagName === 'p' ? 'paragraph' : undefined;
}

/** The bodies' text (one line break between bodies), the sections, headings and paragraphs with ids in it, and the first h1. */
function bodyText(bodies: Element[]): { text: string; anchors: Anchor[]; firstH1: string | undefined } {
  let text = '';
  const anchors: Anchor[] = [];
  let firstH1: string | undefined;
  const sections: string[] = [];
  const collect = (node: Node) => {
    if (node.type === 'text') {
      text += node.value;
      return;
    }
    if (!isElement(node)) return;
    if (SKIPPED.has(node.tagName)) return;
    if (has(node, 'dataPagefindIgnore')) {
      // Shown on the page but not indexed: excerpts must not run across it (GAP).
      if (text && !text.endsWith(GAP)) text += GAP;
      return;
    }
    const id = typeof node.properties?.id === 'string' ? node.properties.id : undefined;
    const kind = anchorKind(node.tagName);
    const block = BLOCK.has(node.tagName);
    if (block && text && !/\s$/u.test(text)) text += '\n';
    const start = text.length;
    const section = sections[sections.length - 1];
    if (kind === 'section' && id) sections.push(id);
    for (const c of node.children) collect(c);
    if (kind === 'section' && id) sections.pop();
    if (kind && id) anchors.push({ id, kind, start, end: text.length, ...(section ? { section } : {}) });
    if (block && !/\s$/u.test(text)) text += '\n';
    if (node.tagName === 'h1' && firstH1 === undefined) firstH1 = collapse(text.slice(start));
  };
  bodies.forEach((body, i) => {
    if (i > 0) text += '\n';
    collect(body);
  });
  anchors.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, anchors, firstH1 };
}

/** Filters, meta and sort keys from `data-pagefind-*` attributes anywhere in the page, and the document title. */
function pagefindTags(tree: Root): Pick<PageSource, 'filters' | 'meta' | 'sort'> & { docTitle: string | undefined } {
  const filters: Record<string, string[]> = {};
  const meta: Record<string, string> = {};
  const sort: Record<string, string> = {};
  let docTitle: string | undefined;
  walkElements(tree, (el) => {
    if (el.tagName === 'title' && docTitle === undefined) docTitle = collapse(textContent(el));
    const f = attribute(el, 'data-pagefind-filter');
    if (f !== undefined) {
      const pair = attributePair(el, f);
      if (pair?.[1]) (filters[pair[0]] ??= []).includes(pair[1]) || filters[pair[0]].push(pair[1]);
    }
    const m = attribute(el, 'data-pagefind-meta');
    if (m !== undefined) {
      const pair = attributePair(el, m);
      if (pair) meta[pair[0]] = pair[1];
    }
    const s = attribute(el, 'data-pagefind-sort');
    if (s !== undefined) {
      const pair = attributePair(el, s);
      if (pair) sort[pair[0]] = pair[1];
    }
  });
  return { filters, meta, sort, docTitle };
}
