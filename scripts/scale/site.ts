/**
 * What a build left in its dist folder: sizes (all of dist, the search
 * index proper, the search code) and the indexed pages' text — the ground
 * truth for search, taken as ../shared/search-eval/eval.mjs takes it: every
 * HTML file with a `data-pagefind-body` element is a page; its text is the
 * textContent of its outermost such elements minus `data-pagefind-ignore`,
 * `script` and `style` descendants, NFKC-normalized, lower-cased, without
 * whitespace. (If no page has the attribute, Pagefind indexes every page's
 * `<body>`, and so does the truth.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes, Root } from 'hast';

export const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');

export function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export interface Sizes {
  /** Every file in dist. */
  dist: number;
  distFiles: number;
  htmlFiles: number;
  /** Everything under dist/pagefind/. */
  pagefindDir: number;
  /** The index proper: entry JSON, meta, word index chunks, fragments, filters, and the project's own tables (facets, chunk map). */
  index: number;
  indexFiles: number;
  /** By kind: meta, index, fragment, filter, entry, table, code (JS, wasm, CSS). */
  byKind: Record<string, number>;
}

const INDEX_KIND: [RegExp, string][] = [
  [/\.pf_meta$/, 'meta'],
  [/\.pf_index$/, 'index'],
  [/\.pf_fragment$/, 'fragment'],
  [/\.pf_filter$/, 'filter'],
  [/pagefind-entry\.json$/, 'entry'],
  // The project's own tables beside Pagefind's files: facets, chunk map.
  [/\.json\.gz$/, 'table'],
];

export function sizes(dist: string): Sizes {
  const files = walk(dist);
  const s: Sizes = { dist: 0, distFiles: files.length, htmlFiles: 0, pagefindDir: 0, index: 0, indexFiles: 0, byKind: {} };
  for (const f of files) {
    const size = statSync(f).size;
    s.dist += size;
    if (f.endsWith('.html')) s.htmlFiles++;
    const rel = relative(dist, f).split(sep).join('/');
    if (!rel.startsWith('pagefind/')) continue;
    s.pagefindDir += size;
    const kind = INDEX_KIND.find(([re]) => re.test(rel))?.[1] ?? 'code';
    s.byKind[kind] = (s.byKind[kind] ?? 0) + size;
    if (kind !== 'code') {
      s.index += size;
      s.indexFiles++;
    }
  }
  return s;
}

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

export function fileToUrl(dist: string, file: string, base = '/'): string {
  let rel = relative(dist, file).split(sep).join('/');
  if (rel === 'index.html') rel = '';
  else if (rel.endsWith('/index.html')) rel = rel.slice(0, -'index.html'.length);
  return base + rel;
}

/** The indexed pages of a build and their normalized text. */
export function truthPages(dist: string, base = '/'): TruthPage[] {
  const html = walk(dist).filter((f) => f.endsWith('.html') && !f.includes(`${sep}pagefind${sep}`)).sort();
  const marked: TruthPage[] = [];
  for (const file of html) {
    const raw = readFileSync(file, 'utf8');
    if (!raw.includes('data-pagefind-body')) continue;
    const tree = fromHtml(raw);
    const bodies = outermost(tree, (e) => hasAttr(e, 'dataPagefindBody'));
    if (bodies.length === 0) continue;
    marked.push({ url: fileToUrl(dist, file, base), text: norm(bodies.map(textOf).join('\n')) });
  }
  if (marked.length > 0) return marked;
  // Pagefind's fallback: every page's <body>.
  return html.map((file) => {
    const tree = fromHtml(readFileSync(file, 'utf8'));
    const body = outermost(tree, (e) => e.tagName === 'body');
    return { url: fileToUrl(dist, file, base), text: norm(body.map(textOf).join('\n')) };
  });
}
