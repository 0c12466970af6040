// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { markdownOptions } from './src/lib/markdown.ts';
import searchIndex from './src/integrations/search-index.ts';

/** `BASE_PATH=/archive/ npm run build` makes a site that works under /archive/. */
function basePath() {
  const raw = process.env.BASE_PATH ?? '/';
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.org',
  base: basePath(),
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  build: { format: 'directory' },
  integrations: [sitemap(), searchIndex()],
  markdown: {
    processor: unified(markdownOptions),
  },
});
