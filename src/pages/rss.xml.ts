import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../model/collections.ts';
import { dayKeepingInstant } from '../content-model/dates.ts';
import { absoluteUrl } from '../model/urls.ts';

/** Newest first; a partial date stands for its first day, at an instant that keeps that day in every reader's zone. */
export const GET: APIRoute = async ({ site }) => {
  const archive = await getArchive();
  const items = [...archive.articles].reverse().map((a) => ({
    title: a.entry.data.title,
    link: absoluteUrl(`/articles/${a.id}/`, site),
    pubDate: dayKeepingInstant(a.entry.data.date.value),
    description: [a.entry.data.subtitle, a.hospitals.map((h) => archive.hospitals.get(h)!.entry.data.name).join('、')]
      .filter(Boolean)
      .join(' · '),
  }));
  return rss({
    title: '医院党建报道档案',
    description: '医院党建工作新闻报道的校勘全文',
    site: absoluteUrl('/', site),
    items,
    customData: '<language>zh-CN</language>',
  });
};
