/**
 * Where the render phase's first minutes go: runs the archive model
 * (`buildArchive`, src/lib/archive.ts) on a generated archive outside Astro
 * and times its parts, and the per-page lookups the pages make on it.
 *
 *   node scripts/scale/profile-archive.ts 1000            # .tmp/scale/1000/content
 *   node scripts/scale/profile-archive.ts 1000 --fix      # also: the patched archive.ts, same result?
 *   node scripts/scale/profile-archive.ts real --fix      # the curated content/
 *   node scripts/scale/profile-archive.ts 10000 --sample 200 --fix
 *        # skip the full (hours-long) buildArchive: time the two quadratic loops on
 *        # 200 people and 200 measures against everything, and extrapolate
 *
 * Times are CPU time of this process (the machine is shared; wall time is not).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { buildArchive, passageAround, similarNames } from '../../src/lib/archive.ts';
import { copySrc, ROOT, SCALE_DIR } from './project.ts';

const n = process.argv[2] ?? '1000';
const content = n === 'real' ? join(ROOT, 'content') : join(SCALE_DIR, n, 'content');
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const load = (folder: string) =>
  readdirSync(join(content, folder))
    .sort()
    .map((f) => {
      const raw = readFileSync(join(content, folder, f), 'utf8');
      const id = f.replace(/\.(md|yaml)$/, '');
      if (f.endsWith('.md')) {
        const { frontmatter, content: body } = parseFrontmatter(raw);
        const data = frontmatter as any;
        data.date = { ...data.date, value: { value: String(data.date.value) } };
        data.sections ??= [];
        return { id, data, body };
      }
      return { id, data: parseYaml(raw), body: '' };
    });

const t0 = performance.now();
const articles = load('articles');
const hospitals = load('hospitals');
const people = load('people');
const measures = load('measures');
const bodies = new Map(articles.map((a) => [a.id, a.body]));
console.log(`loaded ${articles.length} articles, ${hospitals.length} hospitals, ${people.length} people, ${measures.length} measures in ${(performance.now() - t0).toFixed(0)} ms`);

const sampleArg = process.argv.indexOf('--sample');
const sample = sampleArg >= 0 ? Number(process.argv[sampleArg + 1]) : 0;
const t1 = cpu();
// With --sample, the unpatched model is built without the people and measures (its quadratic loops are timed below).
const archive = buildArchive({ articles, hospitals, people: sample ? [] : people, measures: sample ? [] : measures, bodies });
const total = cpu() - t1;
console.log(`buildArchive${sample ? ' without people and measures' : ''}: ${(total / 1000).toFixed(1)} s CPU`);

/** The model without the entries themselves, for comparing two builds of it. */
const shape = (a: ReturnType<typeof buildArchive>) =>
  JSON.stringify({
    articles: a.articles.map((x) => ({ ...x, entry: x.entry.id })),
    hospitals: [...a.hospitals.values()].map((x) => ({ ...x, entry: x.entry.id })),
    people: [...a.people.values()].map((x) => ({ ...x, entry: x.entry.id })),
    measures: [...a.measures.values()].map((x) => ({ ...x, entry: x.entry.id })),
    provinces: a.provinces,
    years: a.years,
  });

/** The model the per-page figures below are taken from (the patched one when sampling). */
let model = archive;
if (process.argv.includes('--fix')) {
  const dir = join(SCALE_DIR, 'archive-fix');
  copySrc(dir, true);
  const fixed = await import(join(dir, 'src/lib/archive.ts'));
  const t2 = cpu();
  const other = fixed.buildArchive({ articles, hospitals, people, measures, bodies });
  const fixedMs = cpu() - t2;
  if (sample) model = other;
  const same = sample ? undefined : shape(archive) === shape(other);
  console.log(`buildArchive with scripts/scale/archive-fix.patch: ${(fixedMs / 1000).toFixed(2)} s CPU${sample ? '' : ` (${(total / fixedMs).toFixed(0)}× less); same model: ${same}`}`);
  if (same === false) process.exitCode = 1;
  if (process.argv.includes('--only-fix')) process.exit();
}

// The same work, part by part (the loops of buildArchive, timed separately).
const texts = archive.articles.map((a) => ({ a, text: a.text }));
const peopleSample = sample ? people.filter((_, i) => i % Math.ceil(people.length / sample) === 0) : people;
const measureSample = sample ? measures.filter((_, i) => i % Math.ceil(measures.length / sample) === 0) : measures;
let t = cpu();
let calls = 0;
for (const p of peopleSample) {
  for (const { a, text } of texts) {
    const hit = a.sections.find((s) => s.text.includes(p.data.name));
    passageAround(hit?.text ?? text, [p.data.name]);
    calls++;
  }
}
const peopleMs = cpu() - t;
const allCalls = people.length * texts.length;
console.log(`  people × articles mentions: ${calls.toLocaleString('en')} passageAround calls, ${(peopleMs / 1000).toFixed(1)} s (${((peopleMs * 1000) / calls).toFixed(1)} µs each)` + (sample ? `; all ${allCalls.toLocaleString('en')}: ≈ ${((peopleMs / calls) * allCalls / 1000).toFixed(0)} s` : ''));

t = cpu();
let pairs = 0;
for (const m of measureSample) for (const o of measures) if (o.id !== m.id && o.data.hospital !== m.data.hospital) {
  similarNames(o.data.name, m.data.name);
  pairs++;
}
const measuresMs = cpu() - t;
const allPairs = (pairs / measureSample.length) * measures.length;
console.log(`  measures × measures similarity: ${pairs.toLocaleString('en')} similarNames calls, ${(measuresMs / 1000).toFixed(1)} s (${((measuresMs * 1000) / pairs).toFixed(2)} µs each)` + (sample ? `; all ≈ ${Math.round(allPairs).toLocaleString('en')}: ≈ ${((measuresMs / pairs) * allPairs / 1000).toFixed(0)} s` : ''));

t = cpu();
for (const h of hospitals) model.articles.filter((a) => a.hospitals.includes(h.id));
console.log(`  hospitals × articles filter: ${(cpu() - t).toFixed(0)} ms`);

// Per-page lookups the pages do on the model (src/pages/articles/[id].astro, MentionList, …).
t = cpu();
let mentionScans = 0;
for (const a of model.articles) {
  [...model.measures.values()].filter((m) => m.entry.data.article === a.id || m.entry.data.article?.id === a.id);
  [...model.people.values()].filter((p) => p.mentions.some((m) => m.article === a.id));
  model.articles.find((x) => x.id === a.id);
  mentionScans++;
}
console.log(`  article pages' scans of all measures and people: ${(cpu() - t).toFixed(0)} ms for ${mentionScans} pages`);
const mentions = [...model.people.values()].reduce((s, p) => s + p.mentions.length, 0);
console.log(`  people's mentions in all: ${mentions.toLocaleString('en')} (${(mentions / model.people.size).toFixed(1)} a person)`);
const similar = [...model.measures.values()].reduce((s, m) => s + m.similar.length, 0);
console.log(`  similar-measure links: ${similar.toLocaleString('en')} (${(similar / model.measures.size).toFixed(1)} a measure)`);
