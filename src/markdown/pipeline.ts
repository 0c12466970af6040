/**
 * The one Markdown pipeline: Astro's config and the unit tests both use it.
 *
 * - remark-cjk-friendly: CommonMark will not close `**…**` next to full-width
 *   punctuation (`**“党建+”**品牌`); this plugin fixes emphasis for CJK text.
 * - smartypants off: it would rewrite the sources' quotes and dashes, and the
 *   text must stay as the source has it.
 * - rehype-raw first (Astro runs it again, to no effect, after our plugins):
 *   raw-HTML captions and note references are elements by the time
 *   paragraphs get their ids and self-links.
 */
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkCjkFriendlyGfmStrikethrough from 'remark-cjk-friendly-gfm-strikethrough';
import rehypeRaw from 'rehype-raw';
import { rehypeParagraphIds } from './rehype-paragraph-ids.ts';
import { rehypeSections } from './rehype-sections.ts';
import { remarkCorrectionMarks } from './remark-correction-marks.ts';

export const markdownOptions = {
  gfm: true,
  smartypants: false,
  remarkPlugins: [remarkCjkFriendly, remarkCjkFriendlyGfmStrikethrough, remarkCorrectionMarks],
  rehypePlugins: [rehypeRaw, rehypeSections, rehypeParagraphIds],
};
