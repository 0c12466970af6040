/**
 * What a reference manager takes from an article page besides the citation
 * itself: the report's lede as its abstract, and its hospitals, provinces and
 * kinds of measure as tags.
 */
import { MEASURE_KINDS } from '../content-model/schema.ts';
import { provinceById } from '../content-model/provinces.ts';
import type { Archive, ArticleView } from '../model/archive.ts';
import { plainText } from '../model/body-text.ts';
import type { ReferenceExtras } from './citation.ts';

/** Shorter paragraphs are bylines, datelines or captions, not the report's opening. */
const MIN_LEDE_CHARS = 40;

/**
 * The report's opening paragraph as a reader sees it: the first body
 * paragraph that is neither a heading nor a caption. Where the article has a
 * report section after an editor's note (a reading tip about the series),
 * the lede is the report's own opening; an editor's note before essays is
 * the best summary there is, so it stays.
 */
export function articleLede(view: ArticleView, markdown: string): string | undefined {
  const report = view.sections.find((s) => s.kind === 'report');
  const start = report ? markdown.search(new RegExp(`^#{1,6}\\s+${escapeRegExp(report.heading)}\\s*$`, 'm')) : -1;
  return lede(start >= 0 ? markdown.slice(start) : markdown);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function lede(markdown: string): string | undefined {
  for (const block of markdown.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (/^#{1,6}\s/.test(trimmed) || /^<p class="caption">/.test(trimmed)) continue;
    const text = plainText(trimmed).replace(/\s+/g, '');
    if ([...text].length >= MIN_LEDE_CHARS) return text;
  }
  return undefined;
}

/** Tags: the hospitals' names, their provinces, and the kinds of measure the article reports, in that order. */
export function articleTags(archive: Archive, view: ArticleView): string[] {
  const hospitals = view.hospitals.map((id) => archive.hospitals.get(id)!.entry.data.name as string);
  const provinces = view.provinces.map((id) => provinceById(id)?.name ?? id);
  const kinds = (archive.measuresOfArticle.get(view.id) ?? []).map(
    (id) => MEASURE_KINDS[archive.measures.get(id)!.entry.data.kind as keyof typeof MEASURE_KINDS],
  );
  return [...new Set([...hospitals, ...provinces, ...kinds])];
}

/** The lede and tags of an article, as the page head, the RIS and the BibTeX all give them. */
export function referenceExtras(archive: Archive, view: ArticleView, markdown: string): ReferenceExtras {
  return { abstract: articleLede(view, markdown), keywords: articleTags(archive, view) };
}
