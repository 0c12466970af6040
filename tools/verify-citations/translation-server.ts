/**
 * Zotero's translation server started from its folder (how to set one up:
 * docs/citations.md), on a free loopback port, with the Node that runs this
 * tool (the project's Node 24, which its jsdom needs).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface TranslationServer {
  url: string;
  stop: () => void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the server in `dir` and resolves once it listens; rejects with its output if it exits or stays silent for a minute. */
export async function startTranslationServer(dir: string): Promise<TranslationServer> {
  if (!existsSync(join(dir, 'src/server.js')) || !existsSync(join(dir, 'node_modules'))) {
    throw new Error(`${dir} holds no installed translation server (src/server.js and node_modules/): see docs/citations.md`);
  }
  const port = await freePort();
  // node-config reads NODE_CONFIG over config/default.json5: listen on loopback only.
  const child = spawn(process.execPath, ['src/server.js'], {
    cwd: dir,
    env: { ...process.env, NODE_CONFIG: JSON.stringify({ port, host: '127.0.0.1' }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the translation server did not start within 60 s:\n${output.slice(-2000)}`));
    }, 60_000);
    const hear = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', hear);
    child.stderr.on('data', hear);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the translation server exited (${code}):\n${output.slice(-2000)}`));
    });
  });
  const loaded = /Translators initialized with (\d+) loaded/.exec(output)?.[1];
  console.log(`started Zotero's translation server in ${dir} (${loaded ?? '?'} translators) on port ${port}`);
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}
