import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { treeResidentKB } from '../../tools/bench-scale/tree-memory.ts';

const ownKB = () => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);

describe('peak memory of a process tree', () => {
  it('counts the children a process starts, which GNU time misses when they are not waited for', async () => {
    // A child holding 64 MB of touched memory.
    const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); setInterval(() => b[0]++, 100);']);
    await new Promise((r) => setTimeout(r, 700));
    try {
      expect(treeResidentKB(process.pid)).toBeGreaterThan(ownKB() + 60 * 1024);
      expect(treeResidentKB(child.pid!)).toBeGreaterThan(60 * 1024);
    } finally {
      child.kill();
    }
  });
});
