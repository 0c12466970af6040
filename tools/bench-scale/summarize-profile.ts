/**
 * Summarizes a V8 CPU profile (`node --cpu-prof`) of a build: time by
 * function, self and inclusive, and by source file, so a phase's cost can be
 * pinned on the code that spends it.
 *
 *   npm exec -- node tools/bench-scale/summarize-profile.ts FILE.cpuprofile [--top 30] [--match archive]
 */
import { readFileSync } from 'node:fs';
import { intOption, parseCommandLine } from '../shared/cli.ts';
import { ROOT } from '../shared/project.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const { values, positionals } = parseCommandLine(import.meta.url, {
  options: { top: { type: 'string' }, match: { type: 'string' } },
  allowPositionals: true,
});
if (positionals.length !== 1) {
  console.error(`expected one profile file, got ${positionals.length}`);
  process.exit(2);
}
const [file] = positionals;
const top = intOption('top', values.top, 30);
const match = values.match === undefined ? undefined : new RegExp(values.match);
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Paths relative to the project, or to the throw-away project of a scale build (.tmp/scale/<n>/); node_modules as nm:.
const shortUrl = (u: string) =>
  u
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm:')
    .replace(`${ROOT}/`, '')
    .replace(/^\.tmp\/scale\/\d+\//, '');
const key = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const self = new Map<string, number>();
const incl = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const leaf = byId.get(id)!;
  self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
  const file = shortUrl(leaf.callFrame.url) || `(${leaf.callFrame.functionName})`;
  byFile.set(file, (byFile.get(file) ?? 0) + dt);
  const seen = new Set<string>();
  for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
    const k = key(byId.get(n)!);
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + dt);
  }
});

const s = (us: number) => `${(us / 1e6).toFixed(1).padStart(7)} s ${((100 * us) / total).toFixed(1).padStart(5)}%`;
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m]
    .filter(([k]) => !match || match.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top))
    console.log(`${s(v)}  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
show('self time by function', self);
show('inclusive time by function', incl);
show('self time by file', byFile);
