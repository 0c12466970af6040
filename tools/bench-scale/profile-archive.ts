/**
 * Times the archive model (`buildArchive`, src/model/archive.ts) on a generated
 * archive outside Astro, and the per-page lookups the pages make on it.
 *
 *   npm exec -- node tools/bench-scale/profile-archive.ts 1000    # .tmp/scale/1000/content
 *   npm exec -- node tools/bench-scale/profile-archive.ts real    # the curated content/
 *
 * Times are CPU time of this process (the machine is shared; wall time is not).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { buildArchive } from '../../src/model/archive.ts';
import { parseCommandLine } from '../shared/cli.ts';
import { ROOT } from '../shared/project.ts';
import { SCALE_DIR } from './project.ts';

const { positionals } = parseCommandLine(import.meta.url, { options: {}, allowPositionals: true });
if (positionals.length > 1) {
  console.error(`one archive at a time (got ${positionals.join(', ')})`);
  process.exit(2);
}
const n = positionals[0] ?? '1000';
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
console.log(
  `loaded ${articles.length} articles, ${hospitals.length} hospitals, ${people.length} people, ${measures.length} measures in ${(performance.now() - t0).toFixed(0)} ms`,
);

const t1 = cpu();
const model = buildArchive({ articles, hospitals, people, measures, bodies });
console.log(`buildArchive: ${((cpu() - t1) / 1000).toFixed(2)} s CPU`);

// The lookups every article page makes on the model (src/pages/articles/[id].astro, MentionList, SearchFacets).
const t2 = cpu();
for (const a of model.articles) {
  model.articleById.get(a.id);
  (model.measuresOfArticle.get(a.id) ?? []).map((id) => model.measures.get(id));
  (model.peopleOfArticle.get(a.id) ?? []).map((id) => model.people.get(id));
}
console.log(`  article pages' lookups: ${(cpu() - t2).toFixed(0)} ms for ${model.articles.length} pages`);
const mentions = [...model.people.values()].reduce((s, p) => s + p.mentions.length, 0);
console.log(`  people's mentions in all: ${mentions.toLocaleString('en')} (${(mentions / model.people.size).toFixed(1)} a person)`);
const similar = [...model.measures.values()].reduce((s, m) => s + m.similar.length, 0);
console.log(`  similar-measure links: ${similar.toLocaleString('en')} (${(similar / model.measures.size).toFixed(1)} a measure)`);
