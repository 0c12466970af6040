/**
 * The one static file server of tools and tests, for a built site, mounted
 * under a base path like a static host: `/base/x/` serves
 * `dist/x/index.html`; anything outside the base is a 404. Loopback only.
 * With `gzip`, responses are compressed as static hosts serve them (GitHub
 * Pages, Netlify), so a simulated slow connection pays for the bytes a
 * reader's connection would really carry.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
};

export interface RunningServer {
  origin: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** Compress responses (when the client accepts gzip) and let them be cached, as static hosts do. */
  gzip?: boolean;
}

/** The file a request path names under `dist`, or why there is none. */
function resolveFile(dist: string, base: string, pathname: string): { file: string } | { status: 403 | 404 } {
  if (!pathname.startsWith(base)) return { status: 404 };
  const file = normalize(join(dist, pathname.slice(base.length)));
  if (!file.startsWith(normalize(dist))) return { status: 403 };
  const withIndex = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
  return existsSync(withIndex) ? { file: withIndex } : { status: 404 };
}

function send(req: IncomingMessage, res: ServerResponse, status: number, file: string, gzip: boolean) {
  const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
  if (!gzip) {
    res.writeHead(status, headers);
    createReadStream(file).pipe(res);
    return;
  }
  headers['Cache-Control'] = 'max-age=600';
  let body = readFileSync(file);
  if (/text|json|xml|svg|javascript|wasm/.test(headers['Content-Type']) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    body = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  }
  res.writeHead(status, headers).end(body);
}

export async function serveStatic(dist: string, base = '/', options: ServeOptions = {}): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const found = resolveFile(dist, base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if ('file' in found) return send(req, res, 200, found.file, options.gzip ?? false);
    const notFound = join(dist, '404.html');
    if (found.status === 404 && existsSync(notFound)) return send(req, res, 404, notFound, options.gzip ?? false);
    res.writeHead(found.status).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path: string) => origin + base + path.replace(/^\/+/, ''),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
