/** A built site served as the team's checker serves it (cached with ETags, uncompressed), every body logged. */
import { serveStatic, type RunningServer } from '../static-server.ts';

export interface Served {
  path: string;
  bytes: number;
}

export function serve(dist: string, log: Served[]): Promise<RunningServer> {
  return serveStatic(dist, '/', { cache: true, onBody: (path, bytes) => log.push({ path, bytes }) });
}
