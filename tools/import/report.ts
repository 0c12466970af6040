/**
 * The report the import command prints: what was written, what was found,
 * what was applied and what waits for a person. Plain text, one item a line.
 */
import { CORRECTION_KINDS, type CorrectionKind } from '../../src/content-model/schema.ts';
import type { PlannedCorrection } from './draft.ts';
import type { ArticleDraft, RunResult } from './run.ts';
import { clip } from './text.ts';

type Frontmatter = Record<string, any>;

/** The draft articles of the run: one, or two with --split. */
function articlesOf(result: RunResult): ArticleDraft[] {
  return result.second ? [result, result.second] : [result];
}

/** The files written, or that would be. */
function filesSection(result: RunResult, dryRun: boolean): string[] {
  const lines = [
    `${dryRun ? 'Dry run (nothing written)' : 'Imported'}: source ${result.sourceId} (SHA-256 ${result.sha256.slice(0, 16)}…)`,
  ];
  const files = articlesOf(result).flatMap((a) => a.draft.files.map((x) => x.path));
  if (result.written.length) for (const w of result.written) lines.push(`  wrote ${w}`);
  else for (const f of [`content/sources/${result.sourceId}.txt`, ...files]) lines.push(`  would write ${f}`);
  return lines;
}

/** With --split, which article of the source the sections below are about. */
function articleLine(article: ArticleDraft, n: number, of: number): string[] {
  if (of < 2) return [];
  const { from, to } = article.lines;
  return [`Article ${n} of ${of} 第${'一二三四五六七八九'[n - 1]}篇: lines ${from}–${to} → content/articles/${article.draft.articleId}.md`];
}

/** Authors with their roles: 通讯员 徐丽娜; 本报记者 郑航. */
function authorsLine({ analysis }: ArticleDraft): string[] {
  const b = analysis.entities.byline;
  if (!b?.authors.length) return [];
  return [`Authors 作者 (line ${b.line}): ${b.authors.map((a) => (a.role ? `${a.role} ${a.name}` : a.name)).join('; ')}`];
}

/** Title, date, newspaper and byline as the frontmatter has them. */
function headSection(fm: Frontmatter): string[] {
  const lines = [
    `Title 标题: ${fm.title ?? '—'}${fm.subtitle ? ` / ${fm.subtitle}` : ''}${fm.column ? `  [栏目 ${fm.column}]` : ''}`,
    `Date 日期: ${fm.date ? `${fm.date.value} (inferred from “${clip(fm.date.quote ?? '', 30)}”)` : '— none: the text names no year'}`,
  ];
  if (fm.newspaper) lines.push(`Newspaper 报纸: ${fm.newspaper.value}`);
  if (fm.byline) lines.push(`Byline 署名: ${fm.byline}`);
  return lines;
}

/** Where a second article of the same source starts, when the run did not split it off. */
function secondArticleLine({ analysis }: ArticleDraft): string[] {
  const s = analysis.secondArticle;
  return s
    ? [`Second article 第二篇: from line ${s.line}, “${s.title}” (the draft holds both; run again with --split to write two drafts)`]
    : [];
}

/** Hospitals (matched, new or only mentioned), people, measures and sections. */
function entitySection({ draft, analysis }: ArticleDraft, fm: Frontmatter): string[] {
  const e = analysis.entities;
  const lines = ['Hospitals 医院:'];
  e.hospitals.forEach((h, i) => {
    const id = draft.hospitalIds[i];
    const status = h.existing
      ? `matched existing ${h.existing}`
      : id
        ? `NEW content/hospitals/${id}.yaml`
        : 'mentioned only (no entry written)';
    const prov = h.existing ? '' : h.province ? `; province ${h.province.value}` : id ? '; province UNKNOWN' : '';
    lines.push(
      `  ${h.about ? '*' : ' '} ${h.name}${h.aliases.length ? ` (${h.aliases.join('、')})` : ''} ×${h.mentions} → ${status}${prov}`,
    );
  });
  if (!e.hospitals.length) lines.push('  (none found)');
  lines.push('People 人物:');
  e.people.forEach((p, i) =>
    lines.push(
      `    ${p.name} → ${draft.personIds[i]}: ${p.roles.map((r) => r.title).join('、')}${p.uncertain ? '  (check the name)' : ''}`,
    ),
  );
  if (!e.people.length) lines.push('    (none found in role patterns)');
  const measures = draft.files.filter((f) => f.what === 'measure');
  lines.push(`Measures 举措: ${measures.length ? measures.map((m) => m.id).join(', ') : '(none)'}`);
  if (fm.sections?.length) lines.push(`Sections 分节: ${fm.sections.map((s: any) => `${s.id} (${s.kind})`).join(', ')}`);
  return lines;
}

/** `paragraph-join 合并断段 7, punctuation 标点规范 1`: corrections counted by the kind the tool proposed. */
function countByKind(list: PlannedCorrection[]): string {
  const counts = new Map<CorrectionKind, number>();
  for (const c of list) counts.set(c.proposal.kind, (counts.get(c.proposal.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} ${CORRECTION_KINDS[k]} ${n}`).join(', ') || 'none';
}

/** One line per correction: id, applied or proposed, kind, confidence, line, the change. */
function correctionSection({ draft }: ArticleDraft): string[] {
  const applied = draft.corrections.filter((c) => c.applied);
  const flagged = draft.corrections.filter((c) => !c.applied);
  const lines = [
    `Corrections 校勘: ${draft.corrections.length} — applied and recorded: ${countByKind(applied)}; proposed, text unchanged (recorded as 存疑 query with [[cN]] marks): ${countByKind(flagged)}`,
  ];
  for (const c of draft.corrections) {
    const p = c.proposal;
    const change = p.global
      ? `${p.original} → ${p.reading}`
      : p.reading === p.original
        ? clip(p.original, 44)
        : `${clip(p.original, 40)} → ${p.reading === '' ? '(remove)' : clip(p.reading, 30)}`;
    lines.push(
      `  ${c.id.padEnd(4)} ${c.applied ? 'applied ' : 'proposed'} ${p.kind.padEnd(14)} ${p.confidence.padEnd(6)} line ${String(p.line).padEnd(4)} ${change}`,
    );
  }
  if (draft.skipped.length)
    lines.push(
      `  (${draft.skipped.length} more inside passages the draft removes: ${draft.skipped.map((p) => `${p.kind} line ${p.line}`).join(', ')})`,
    );
  return lines;
}

/** What waits for a person, prefixed by the article when there are two. */
function decisionsOf(result: RunResult): string[] {
  const articles = articlesOf(result);
  return articles.flatMap(({ draft }) => draft.decisions.map((d) => (articles.length > 1 ? `${draft.articleId}: ${d}` : d)));
}

/** The self-check and what waits for a person. */
function checkSection(result: RunResult): string[] {
  const { check } = result;
  const drafts = result.second ? 'both drafts together' : 'the draft';
  const lines = [
    `Check 自检: ${check.units} source units, ${check.missing.length} missing from ${drafts}; ${check.corrections.length} correction problems; ${check.schema.length} schema problems.`,
  ];
  for (const m of [...check.missing, ...check.corrections, ...check.schema]) lines.push(`  ! ${m}`);
  const decisions = decisionsOf(result);
  if (decisions.length) lines.push('', 'Needs a person 待定:', ...decisions.map((d) => `  - ${d}`));
  return lines;
}

/** Whether the draft builds as it is (validated, but unpublished while it says `draft: true`), and what to do next. */
function nextSection(result: RunResult): string[] {
  const builds = result.check.schema.length === 0 && !decisionsOf(result).some((d) => /build fails/.test(d));
  const w = result.second
    ? { are: 'The drafts are', stand: 'they stand', them: 'them', say: 'they say' }
    : { are: 'The draft is', stand: 'it stands', them: 'it', say: 'it says' };
  const articles = articlesOf(result)
    .map((a) => `content/articles/${a.draft.articleId}.md`)
    .join(' and ');
  return [
    builds
      ? `${w.are} valid as ${w.stand}: the build checks ${w.them} but does not publish ${w.them} while ${w.say} \`draft: true\`; review ${w.them}, then remove the draft markers (docs/import.md).`
      : `${w.are} NOT valid yet: the build will fail until the points above are settled (docs/import.md).`,
    `Next: review ${articles} (every 存疑 “导入建议” note, every “待核” fact), then: npm run build && npm test && node ../shared/fidelity/check.mjs --dist dist --sources content/sources`,
  ];
}

export function formatReport(result: RunResult, dryRun = false): string {
  const articles = articlesOf(result);
  const articleSections = articles.flatMap((article, i) => {
    const fm = article.draft.frontmatter as Frontmatter;
    return [
      [...articleLine(article, i + 1, articles.length), ...headSection(fm), ...authorsLine(article), ...secondArticleLine(article)],
      entitySection(article, fm),
      correctionSection(article),
    ];
  });
  const sections = [filesSection(result, dryRun), ...articleSections, checkSection(result), nextSection(result)];
  return sections.map((lines) => lines.join('\n')).join('\n\n');
}
