/**
 * Who wrote an article, the one answer every citation format, the meta tags,
 * the structured data and the data downloads give: its `authors` as the
 * editor recorded them, or else the names read from its byline;
 * without a byline, the secretaries who signed its essays (an editor's series
 * of signed essays has no other author).
 */
import type { Archive, ArticleView } from '../model/archive.ts';
import { bylineAuthors } from './citation.ts';

export function articleAuthors(archive: Archive, view: ArticleView): string[] {
  const listed: { name: string }[] | undefined = view.entry.data.authors;
  if (listed) return listed.map((a) => a.name);
  const byline = bylineAuthors(view.entry.data.byline);
  if (byline.length > 0) return byline;
  return view.sections
    .filter((s) => s.kind === 'essay' && s.secretary)
    .map((s) => archive.people.get(s.secretary!)!.entry.data.name as string);
}
