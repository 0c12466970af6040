/**
 * Every internal link goes through `href()`, so the site works under any
 * base path (`BASE_PATH=/archive/`). Paths are written without the base.
 */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

export function href(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** Absolute URL of a site path, for citations, feeds and structured data. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  // astro.config.mjs always sets `site` (the public origin or the local preview's).
  if (!site) throw new Error('absoluteUrl: the site has no origin; astro.config.mjs must set `site`');
  return new URL(href(path), site).toString();
}
