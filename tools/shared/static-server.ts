/**
 * The one static file server of tools and tests, for a built site, mounted
 * under a base path like a static host: `/base/x/` serves
 * `dist/x/index.html`; anything outside the base is a 404. Loopback only.
 * With `gzip`, responses are compressed as static hosts serve them (GitHub
 * Pages, Netlify), so a simulated slow connection pays for the bytes a
 * reader's connection would really carry. With `cache`, responses carry
 * `Cache-Control: max-age=600` and an ETag, and a matching `If-None-Match`
 * gets a 304, as the team's search checker serves (the benchmarks measure
 * warm queries that way). `onBody` hears of every body sent, for byte counts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
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
  /** Compress text responses when the client accepts gzip, as static hosts do. */
  gzip?: boolean;
  /** Cache-Control max-age=600 and an ETag, with 304 for a matching If-None-Match. */
  cache?: boolean;
  /** Called with the request path and the bytes of every body sent. */
  onBody?: (path: string, bytes: number) => void;
}

/** The file a request path names under `dist`, or why there is none. */
function resolveFile(dist: string, base: string, pathname: string): { file: string } | { status: 403 | 404 } {
  if (!pathname.startsWith(base)) return { status: 404 };
  const file = normalize(join(dist, pathname.slice(base.length)));
  if (!file.startsWith(normalize(dist))) return { status: 403 };
  const withIndex = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
  return existsSync(withIndex) ? { file: withIndex } : { status: 404 };
}

function send(req: IncomingMessage, res: ServerResponse, status: number, file: string, options: ServeOptions) {
  const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
  let body = readFileSync(file);
  if (options.cache || options.gzip) headers['Cache-Control'] = 'max-age=600';
  if (options.cache) {
    headers.ETag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
    if (status === 200 && req.headers['if-none-match'] === headers.ETag) return void res.writeHead(304, headers).end();
  }
  if (
    options.gzip &&
    /text|json|xml|svg|javascript|wasm/.test(headers['Content-Type']) &&
    /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  ) {
    body = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  }
  res.writeHead(status, headers);
  if (req.method === 'HEAD') return void res.end();
  options.onBody?.(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname), body.length);
  res.end(body);
}

export async function serveStatic(dist: string, base = '/', options: ServeOptions = {}): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    const found = resolveFile(dist, base, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if ('file' in found) return send(req, res, 200, found.file, options);
    const notFound = join(dist, '404.html');
    if (found.status === 404 && existsSync(notFound)) return send(req, res, 404, notFound, options);
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
