/**
 * 引用本段 (progressive enhancement; reading needs none of it). When the
 * page's fragment names a paragraph of the article (`:target`, a paragraph
 * with a self-link, `rehype-paragraph-ids.ts`), the citation box shows that
 * paragraph's GB/T 7714 — `citeParagraph` of the article's citation it
 * shows, with 第N段, N the paragraph's ordinal among the self-links (the ¶N
 * they show) — and a 引用本段 link before the paragraph's self-link (the
 * first Tab stop after following it) leads there. It stays on the last
 * paragraph named, since that link changes the fragment. Kept small: it is
 * inline in every article page.
 */
import { citeParagraph } from '../cite/citation.ts';

export function enableParagraphCitation(): void {
  const box = document.getElementById('paragraph-citation');
  const text = document.getElementById('citation-paragraph-gbt');
  const article = document.getElementById('citation-gbt')?.textContent;
  if (!box || !text || !article) return;
  const link = Object.assign(document.createElement('a'), { href: `#${box.id}`, className: 'cite-paragraph', textContent: '引用本段' });
  const update = () => {
    const target = document.querySelector('.article-body p:target');
    const links = [...document.querySelectorAll('.article-body .para-link')];
    const ordinal = links.findIndex((a) => a.parentElement === target) + 1;
    if (!target || !ordinal) return;
    text.textContent = citeParagraph(article, { ordinal, id: target.id });
    box.hidden = false;
    links[ordinal - 1].before(link);
  };
  update();
  addEventListener('hashchange', update);
}
