/**
 * Who wrote an article, the one answer every citation format, the meta tags,
 * the structured data and the data downloads give: the names in its byline;
 * without a byline, the secretaries who signed its essays (an editor's series
 * of signed essays has no other author).
 */
import type { Archive, ArticleView } from '../model/archive.ts';
import { bylineAuthors } from './citation.ts';

export function articleAuthors(archive: Archive, view: ArticleView): string[] {
  const byline = bylineAuthors(view.entry.data.byline);
  if (byline.length > 0) return byline;
  return view.sections
    .filter((s) => s.kind === 'essay' && s.secretary)
    .map((s) => archive.people.get(s.secretary!)!.entry.data.name as string);
}
