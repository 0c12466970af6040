// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { markdownOptions } from './src/markdown/pipeline.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import publicUrl, { LOCAL_PREVIEW_ORIGIN, publicOrigin } from './src/integrations/public-url.ts';

/** `BASE_PATH=/archive/ npm run build` makes a site that works under /archive/. */
function basePath() {
  const raw = process.env.BASE_PATH ?? '/';
  return `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

export default defineConfig({
  site: publicOrigin() ?? LOCAL_PREVIEW_ORIGIN,
  base: basePath(),
  trailingSlash: 'always',
  outDir: process.env.OUT_DIR ?? './dist',
  build: { format: 'directory' },
  // The search index is built after `astro build`, in a process of its own
  // (`npm run build`, src/search/index/main.ts), so the two peaks of memory do not add up.
  integrations: [publicUrl(publicOrigin()), sitemap(), securityHeaders()],
  // A Content Security Policy in every page's <meta>: only this site's own
  // files, plus the hashes Astro computes for its inline scripts and styles.
  // Pagefind compiles WebAssembly ('wasm-unsafe-eval') in a same-origin worker.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  markdown: {
    // No code in the archive; Shiki's inline styles would also break the CSP.
    syntaxHighlight: false,
    processor: unified(markdownOptions),
  },
  vite: {
    build: {
      // No module preload helper: the search page's lazy chunks import nothing but the page's own
      // chunk, so there is nothing to preload, and the helper cost the page 0.5 kB of its 12 kB.
      modulePreload: false,
      rolldownOptions: {
        // Astro's own "use astro:head-inject" marker in every rendered Markdown
        // entry makes Rolldown warn once an article (withastro/astro#18087):
        // harmless, and 10,000 of them bury real warnings. Every other log passes.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
