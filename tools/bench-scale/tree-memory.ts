/**
 * Peak resident memory of a process and all its descendants together,
 * sampled from /proc. GNU time's "maximum resident set size" is the largest
 * single process, and only of those it waited for: the Pagefind service that
 * Pagefind's Node API starts is killed, not waited for, so at 30,000 reports
 * GNU time said 3.5 GB for an index step whose Pagefind service alone held
 * 11 GB. The sum over the tree is what the machine has to have.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of each process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      out.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return out;
}

/** Resident kB of one process (0 once it has ended). */
function residentKB(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Resident kB of `root` and every descendant, now. */
export function treeResidentKB(root: number): number {
  const byParent = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) {
    const siblings = byParent.get(ppid);
    if (siblings) siblings.push(pid);
    else byParent.set(ppid, [pid]);
  }
  let total = 0;
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    total += residentKB(pid);
    queue.push(...(byParent.get(pid) ?? []));
  }
  return total;
}

/** Samples the tree every `intervalMs` until `stop()`, which returns the peak in kB. */
export function watchTreeMemory(root: number, intervalMs = 1000): { stop(): number } {
  let peak = treeResidentKB(root);
  const timer = setInterval(() => (peak = Math.max(peak, treeResidentKB(root))), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
