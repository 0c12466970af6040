/**
 * Writes `_headers` (read by Netlify, Cloudflare Pages and others) with the
 * same Content Security Policy the pages carry in <meta>, plus what a meta
 * tag cannot say (frame-ancestors) and the usual hardening headers. The
 * policy's hashes are the union over all pages, read from the built HTML, so
 * the header never blocks what a page's own meta allows.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergeCsp } from './csp.ts';

export default function securityHeaders(): AstroIntegration {
  return {
    name: 'security-headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies = readdirSync(root, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && e.name.endsWith('.html'))
          .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
          .map((html) => /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1])
          .filter((p): p is string => p !== undefined);
        const policy = `${mergeCsp(policies)} frame-ancestors 'none';`;
        const headers = [
          '/*',
          `  Content-Security-Policy: ${policy}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '  X-Frame-Options: DENY',
          '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
          '',
        ].join('\n');
        writeFileSync(join(root, '_headers'), headers);
        logger.info(`wrote _headers (CSP from ${policies.length} pages)`);
      },
    },
  };
}
