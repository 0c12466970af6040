/**
 * Astro integration: builds the full-text search index
 * (`src/search/index/build.ts`) from the pages as rendered, once
 * `astro build` has written them.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../search/index/build.ts';

export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearchIndex(fileURLToPath(dir), (msg) => logger.info(msg));
      },
    },
  };
}
