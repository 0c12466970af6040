/**
 * The site's public origin, which citations, the feed, the sitemap and the
 * structured data carry in every absolute URL. It comes from `SITE_URL`, or
 * on Netlify from the URL Netlify gives the site. Without either, the build
 * is for local preview: URLs point at `astro preview`'s own address, and the
 * build says so once, naming the variable, so nobody publishes it unaware.
 */
import type { AstroIntegration } from 'astro';

/** Where `astro preview` serves by default. */
export const LOCAL_PREVIEW_ORIGIN = 'http://localhost:4321';

export function publicOrigin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SITE_URL) return env.SITE_URL;
  if (env.NETLIFY === 'true' && env.URL) return env.URL;
  return undefined;
}

export default function publicUrl(origin: string | undefined): AstroIntegration {
  return {
    name: 'public-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (origin) return;
        logger.warn(
          `SITE_URL is not set: citations, the RSS feed, the sitemap and the structured data will point at ${LOCAL_PREVIEW_ORIGIN} ` +
            '(the local preview). Set SITE_URL to the public origin, e.g. SITE_URL=https://archive.example.org npm run build, before publishing.',
        );
      },
    },
  };
}
