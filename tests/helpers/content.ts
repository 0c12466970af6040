/**
 * Reads the archive's content files the way the build does, without Astro:
 * frontmatter and YAML parsed, article bodies rendered through the same
 * Markdown pipeline. Unit tests check the curated data with it in seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { markdownOptions } from '../../src/markdown/pipeline.ts';
import { htmlText } from './html-text.ts';
import { ROOT } from './sites.ts';

export const CONTENT = join(ROOT, 'content');

export interface RawEntry {
  id: string;
  file: string;
  data: any;
}

export interface RawArticle extends RawEntry {
  body: string;
  html: string;
  /** Everything the article page renders from its source: header, body, correction originals. */
  renderedText: string;
  bodyText: string;
}

function files(folder: string, ext: RegExp): string[] {
  return readdirSync(join(CONTENT, folder))
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => join('content', folder, f));
}

export function loadYamlEntries(folder: 'hospitals' | 'people' | 'measures'): RawEntry[] {
  return files(folder, /\.ya?ml$/).map((file) => ({
    id: file
      .split('/')
      .pop()!
      .replace(/\.ya?ml$/, ''),
    file,
    data: parseYaml(readFileSync(join(ROOT, file), 'utf8')),
  }));
}

export async function loadArticles(): Promise<RawArticle[]> {
  const processor = await createMarkdownProcessor(markdownOptions as any);
  const out: RawArticle[] = [];
  for (const file of files('articles', /\.md$/)) {
    const raw = readFileSync(join(ROOT, file), 'utf8');
    const { frontmatter, content } = parseFrontmatter(raw);
    const { code } = await processor.render(content, { frontmatter, fileURL: new URL(`file://${join(ROOT, file)}`) } as any);
    const bodyText = htmlText(code);
    const header = [frontmatter.column, frontmatter.title, frontmatter.subtitle].filter(Boolean).join('\n');
    const notes = (frontmatter.corrections ?? []).map((c: any) => c.original).join('\n');
    out.push({
      id: file.split('/').pop()!.replace(/\.md$/, ''),
      file,
      data: frontmatter,
      body: content,
      html: code,
      bodyText,
      renderedText: [header, bodyText, notes].join('\n'),
    });
  }
  return out;
}

/** All four collections, read as the build reads them. */
export async function loadContent(): Promise<{ articles: RawArticle[]; hospitals: RawEntry[]; people: RawEntry[]; measures: RawEntry[] }> {
  return {
    articles: await loadArticles(),
    hospitals: loadYamlEntries('hospitals'),
    people: loadYamlEntries('people'),
    measures: loadYamlEntries('measures'),
  };
}
