/**
 * Turns an analysis into draft files: the article (frontmatter + body) and
 * YAML entries for new hospitals, people and measures. Pure: it returns
 * paths and contents; the caller writes them.
 *
 * Nothing changes silently. The body is the source text with only the
 * proposals of the kinds in `apply` carried out, each recorded as a
 * correction of its kind; every other proposal is recorded as a `query`
 * (存疑) that keeps the text and says in its note what the tool proposes,
 * with a `[[cN]]` mark where it applies. Every note and inferred fact the tool
 * writes carries IMPORT_MARK until an editor has checked it.
 */
import { stringify } from 'yaml';
import { CORRECTION_KINDS, type CorrectionKind } from '../../src/content-model/schema.ts';
import type { Analysis } from './analyze.ts';
import { headingText, type Block } from './document.ts';
import { toFullWidth, type Proposal } from './defects.ts';
import type { HospitalProposal } from './entities.ts';
import { hospitalId, personId, pinyinSlug, unique } from './ids.ts';

/** Every note and `inferred` the importer writes contains this until an editor rewrites it. */
export const IMPORT_MARK = '待核';
/** First line of every file the importer writes; editors delete it when they have reviewed the entry. */
export const DRAFT_COMMENT = '# 导入草稿 (import draft): review every field against the source, then delete this line and `draft: true`.';

/** Kinds the draft applies unless told otherwise: mechanical, layout-only changes. */
export const DEFAULT_APPLY: ReadonlySet<CorrectionKind> = new Set(['paragraph-join', 'caption', 'punctuation']);
/** Kinds that can be applied at all (column order needs a person). */
export const APPLICABLE: ReadonlySet<CorrectionKind> = new Set(['paragraph-join', 'caption', 'punctuation', 'doubled', 'furniture', 'duplicate', 'misread']);

export interface Taken {
  articles: Set<string>;
  hospitals: Set<string>;
  people: Map<string, string>; // id → name
  measures: Set<string>;
}

export interface DraftCorrection {
  id: string;
  kind: CorrectionKind;
  original: string;
  reading: string;
  note?: string;
  global?: boolean;
}

export interface DraftFile {
  path: string;
  content: string;
  what: 'article' | 'hospital' | 'person' | 'measure';
  id: string;
}

export interface Draft {
  articleId: string;
  files: DraftFile[];
  corrections: (DraftCorrection & { proposal: Proposal; applied: boolean })[];
  /** Things a person must decide before the draft builds or is true. */
  decisions: string[];
  /** Proposals left out (e.g. inside a passage the draft removes). */
  skipped: Proposal[];
  hospitalIds: (string | undefined)[];
  personIds: (string | undefined)[];
  frontmatter: Record<string, unknown>;
  body: string;
}

export interface DraftOptions {
  sourceId: string;
  apply?: ReadonlySet<CorrectionKind>;
  taken: Taken;
}

function withMark(note: string): string {
  return note.includes(IMPORT_MARK) ? note : `${note}（导入工具所拟，${IMPORT_MARK}）`;
}

function yamlDoc(data: unknown): string {
  return `${DRAFT_COMMENT}\n${stringify(data, { lineWidth: 0 })}`;
}

export function buildDraft(analysis: Analysis, options: DraftOptions): Draft {
  const { doc, proposals, entities } = analysis;
  const apply = options.apply ?? DEFAULT_APPLY;
  const source = options.sourceId;
  const decisions: string[] = [];
  const files: DraftFile[] = [];

  // ── Hospitals ────────────────────────────────────────────────────────────
  const takenHospitals = new Set(options.taken.hospitals);
  const hospitalIds = entities.hospitals.map((h) => {
    if (h.existing) return h.existing;
    if (!h.about) return undefined;
    const id = unique(hospitalId(h.name) || 'hospital', takenHospitals);
    takenHospitals.add(id);
    return id;
  });
  const about = entities.hospitals.map((h, i) => (h.about ? hospitalIds[i] : undefined)).filter((x): x is string => !!x);
  if (about.length === 0) decisions.push('hospitals: the tool found no hospital the article is about; add the article’s `hospitals` (and their entries) by hand.');

  // ── Article id ───────────────────────────────────────────────────────────
  const year = entities.date?.value.slice(0, 4);
  const articleBase = [about[0] ?? pinyinSlug(doc.head.title ?? 'article', 5), year].filter(Boolean).join('-');
  const articleId = unique(articleBase, options.taken.articles);

  // ── People ───────────────────────────────────────────────────────────────
  const takenPeople = new Map(options.taken.people);
  const personIds = entities.people.map((p) => {
    let id = personId(p.name);
    const other = takenPeople.get(id);
    if (other === p.name) return id; // already in the archive
    if (other !== undefined) {
      const h = p.roles.map((r) => (r.hospital !== undefined ? hospitalIds[r.hospital] : undefined)).find(Boolean);
      id = unique(h ? `${id}-${h}` : id, new Set(takenPeople.keys()));
    }
    takenPeople.set(id, p.name);
    return id;
  });

  // ── Sections ─────────────────────────────────────────────────────────────
  const sectionIds = new Set<string>();
  const sections = entities.sections.map((s, k) => {
    const hid = s.hospital !== undefined ? hospitalIds[s.hospital] : undefined;
    const pid = s.secretary !== undefined ? personIds[s.secretary] : undefined;
    const base = s.kind === 'editor-note' ? 'editor-note' : s.kind === 'profile' ? (hid ?? `s${k + 1}`) : (pid ?? `s${k + 1}`);
    const id = unique(base, sectionIds);
    sectionIds.add(id);
    return {
      block: s.block,
      data: {
        id,
        heading: s.heading,
        kind: s.kind,
        ...(hid && about.includes(hid) ? { hospital: hid } : {}),
        ...(s.branch ? { branch: s.branch } : {}),
        ...(pid ? { secretary: pid } : {}),
      },
    };
  });
  const sectionAt = (offset: number) => {
    const block = doc.blocks.find((b) => b.start <= offset && offset < b.end);
    if (!block) return undefined;
    return [...sections].reverse().find((s) => s.block <= block.index)?.data.id;
  };

  // ── Corrections: which proposals to apply ───────────────────────────────
  const applied = new Set<Proposal>();
  for (const p of proposals) {
    if (!apply.has(p.kind) || !APPLICABLE.has(p.kind)) continue;
    if (p.edit.type === 'none' && p.kind !== 'caption') continue;
    applied.add(p);
  }
  // A caption moves only with the join around it.
  for (const p of proposals) {
    if (p.kind !== 'caption') continue;
    const join = proposals.find((j) => j.edit.type === 'join' && j.edit.captions.some((c) => doc.blocks[c].start === p.start));
    if (!join || !applied.has(join)) applied.delete(p);
    else if (!applied.has(p)) applied.delete(join);
  }
  const removed = new Set<number>();
  for (const p of applied) if (p.edit.type === 'remove') p.edit.blocks.forEach((b) => removed.add(b));
  const removedRanges = [...applied].filter((p) => p.edit.type === 'remove' || (p.edit.type === 'replace' && p.edit.text === '' && p.kind === 'duplicate'));
  const skipped: Proposal[] = [];
  const live = proposals.filter((p) => {
    if (applied.has(p)) return true;
    const inside = removedRanges.some((r) => r !== p && p.start >= r.start && p.end <= r.end);
    if (inside) skipped.push(p);
    return !inside;
  });

  // ── Body ─────────────────────────────────────────────────────────────────
  const headBlocks = new Set(doc.head.blocks);
  const bodyBlocks = doc.blocks.filter((b) => !headBlocks.has(b.index));
  const bodyStartOffset = bodyBlocks[0]?.start ?? 0;
  const punct = [...applied].find((p) => p.edit.type === 'punctuation');
  const punctSet = new Set(punct && punct.edit.type === 'punctuation' ? punct.edit.offsets : []);
  const replacements = [...applied]
    .filter((p) => p.edit.type === 'replace')
    .map((p) => p.edit as { type: 'replace'; start: number; end: number; text: string });

  // Where each correction's mark goes (a source offset), and which need one.
  const needsMark = (p: Proposal, isApplied: boolean) =>
    !p.global && !(isApplied && (p.kind === 'paragraph-join' || p.kind === 'column-order')) && !(!isApplied && p.kind === 'paragraph-join');
  const joinOfCaption = (p: Proposal) =>
    proposals.find((j) => j.edit.type === 'join' && j.edit.captions.some((c) => doc.blocks[c].start === p.start));
  const markAt = (p: Proposal): number => {
    if (p.kind === 'caption' && applied.has(p)) return doc.blocks[(joinOfCaption(p)!.edit as { a: number }).a].end;
    const b = doc.blocks.find((x) => x.start <= p.end - 1 && p.end - 1 < x.end);
    if (p.edit.type === 'remove' && applied.has(p)) return p.start; // placed where the text stood
    if (b && removed.has(b.index)) return b.start;
    return Math.max(p.end, bodyStartOffset);
  };

  const ordered = live
    .map((p) => ({ p, at: markAt(p), isApplied: applied.has(p) }))
    .sort((a, b) => a.at - b.at || a.p.start - b.p.start);
  const corrections = ordered.map(({ p, isApplied }, i) => {
    const id = `c${i + 1}`;
    const fw = punct ? toFullWidth : (s: string) => s;
    const base = { id, proposal: p, applied: isApplied };
    if (isApplied) {
      return {
        ...base,
        kind: p.kind,
        original: p.original,
        reading: p.global ? p.reading : fw(p.reading),
        note: withMark(p.note),
        ...(p.global ? { global: true } : {}),
      };
    }
    const proposed =
      p.kind === 'query' || p.kind === 'column-order' || p.reading === p.original ? '' : `拟改作“${p.reading === '' ? '（删去）' : p.reading}”。`;
    const how =
      p.kind === 'query'
        ? ''
        : p.kind === 'column-order'
          ? ''
          : `核对原报：如属实，把 kind 改为 ${p.kind}、reading 改为所拟，并照改正文；否则删去本条和正文的 [[${id}]]。`;
    return {
      ...base,
      kind: 'query' as CorrectionKind,
      original: p.original,
      reading: p.original,
      note: withMark(`导入建议〔${CORRECTION_KINDS[p.kind]} ${p.kind}〕${p.note}${proposed}${how}`),
    };
  });
  const marks = new Map<number, string[]>();
  corrections.forEach((c, i) => {
    if (!needsMark(c.proposal, c.applied)) return;
    const at = ordered[i].at;
    marks.set(at, [...(marks.get(at) ?? []), c.id]);
  });

  const emitted = new Set<string>();
  const markText = (ids: string[]) => {
    const fresh = ids.filter((id) => !emitted.has(id));
    fresh.forEach((id) => emitted.add(id));
    return fresh.map((id) => `[[${id}]]`).join('');
  };
  const marksIn = (from: number, to: number) =>
    [...marks.entries()]
      .filter(([at]) => at >= from && at <= to)
      .sort((a, b) => a[0] - b[0])
      .flatMap(([, ids]) => ids);
  /** Source text of [start, end) with replacements, punctuation and the marks inside it applied. */
  const render = (start: number, end: number): string => {
    let out = '';
    let i = start;
    while (i < end) {
      const rep = replacements.find((r) => r.start === i);
      if (rep) {
        out += rep.text;
        i = rep.end;
      } else {
        out += punctSet.has(i) ? toFullWidth(doc.text[i]) : doc.text[i];
        i++;
      }
      if (i < end && marks.has(i)) out += markText(marks.get(i)!);
    }
    return out;
  };
  const renderBlock = (b: Block): string => render(b.start, b.end).replace(/[ \t]+$/u, '') + markText(marks.get(b.end) ?? []);

  const joins = new Map<number, { b: number; captions: number[] }>();
  for (const p of applied) if (p.edit.type === 'join') joins.set(p.edit.a, { b: p.edit.b, captions: p.edit.captions });
  const out: string[] = [];
  const pendingMarks: string[] = [];
  const skip = new Set<number>();
  const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const formatBlock = (b: Block, text: string): string => {
    if (b.kind === 'heading') {
      const level = Math.max(2, b.level ?? 2);
      return `${'#'.repeat(level)} ${text.replace(/^#+\s*/, '')}`;
    }
    if (b.kind === 'caption' && !/\[\[c\d+\]\]/.test(text)) return `<p class="caption">${escapeHtml(text.trim())}</p>`;
    return text;
  };
  for (const b of bodyBlocks) {
    if (skip.has(b.index)) continue;
    if (removed.has(b.index)) {
      const ids = marksIn(b.start, b.end);
      const text = markText(ids);
      if (text) {
        if (out.length > 0) out[out.length - 1] += text;
        else pendingMarks.push(text);
      }
      continue;
    }
    let text = renderBlock(b);
    let current = b;
    const movedCaptions: Block[] = [];
    while (joins.has(current.index)) {
      const j = joins.get(current.index)!;
      j.captions.forEach((c) => {
        movedCaptions.push(doc.blocks[c]);
        skip.add(c);
      });
      const next = doc.blocks[j.b];
      skip.add(next.index);
      text = text.replace(/\s+$/u, '') + renderBlock(next).replace(/^\s+/u, '');
      current = next;
    }
    if (pendingMarks.length) text = pendingMarks.splice(0).join('') + text;
    out.push(formatBlock(b, text));
    for (const c of movedCaptions) out.push(formatBlock(c, renderBlock(c)));
  }
  // Marks that found no place in the body (a flag on the title) go at its start.
  const orphanMarks = corrections.filter((c, i) => needsMark(c.proposal, c.applied) && !emitted.has(c.id) && ordered[i]);
  if (orphanMarks.length && out.length) out[0] = markText(orphanMarks.map((c) => c.id)) + out[0];
  const body = out.join('\n\n') + '\n';

  // ── Frontmatter ──────────────────────────────────────────────────────────
  const fw = punct ? (s: string) => {
    let r = '';
    for (const ch of s) r += ',:;()?!'.includes(ch) ? toFullWidth(ch) : ch;
    return r;
  } : (s: string) => s;
  const head = doc.head;
  const date = entities.date;
  if (!date) decisions.push('date: the text names no year; write `date` (value YYYY, YYYY-MM or YYYY-MM-DD, with quote or inferred) — the build fails without it.');
  if (!head.title) decisions.push('title: no heading found; write the title (the build fails without it).');
  const frontmatter: Record<string, unknown> = {
    // Not published until an editor has reviewed it and removed this flag.
    draft: true,
    title: head.title ? fw(head.title) : undefined,
    ...(head.subtitle ? { subtitle: fw(head.subtitle) } : {}),
    ...(head.column ? { column: fw(head.column) } : {}),
    ...(head.series ? { series: head.series } : {}),
    ...(entities.newspaper
      ? { newspaper: { value: entities.newspaper.value, quote: entities.newspaper.quote, inferred: entities.newspaper.inferred } }
      : {}),
    ...(entities.byline ? { byline: entities.byline } : {}),
    ...(date ? { date: { value: date.value, ...(date.quote ? { quote: date.quote } : {}), inferred: date.inferred } } : {}),
    source,
    hospitals: about,
    ...(sections.length ? { sections: sections.map((s) => s.data) } : {}),
    corrections: corrections.map(({ id, kind, original, reading, note, global }: DraftCorrection) => ({
      id,
      kind,
      original,
      reading,
      ...(note ? { note } : {}),
      ...(global ? { global } : {}),
    })),
  };
  for (const k of Object.keys(frontmatter)) if (frontmatter[k] === undefined) delete frontmatter[k];
  // Quote full dates: Astro's YAML reader would turn 2021-06-09 into a timestamp.
  const yaml = stringify(frontmatter, { lineWidth: 0 }).replace(/^(\s*value: )(\d{4}-\d{2}-\d{2})$/gm, '$1"$2"');
  const article = `---\n${DRAFT_COMMENT}\n${yaml}---\n\n${body}`;
  files.push({ path: `content/articles/${articleId}.md`, content: article, what: 'article', id: articleId });

  // ── Hospital entries ─────────────────────────────────────────────────────
  entities.hospitals.forEach((h, i) => {
    const id = hospitalIds[i];
    if (!id || h.existing) return;
    files.push({ path: `content/hospitals/${id}.yaml`, content: yamlDoc(hospitalData(h, source)), what: 'hospital', id });
    if (!h.province) decisions.push(`content/hospitals/${id}.yaml: province of ${h.name} unknown — the text names no place that tells it; write \`province\` (the build fails without it).`);
  });

  // ── People ───────────────────────────────────────────────────────────────
  entities.people.forEach((p, i) => {
    const id = personIds[i]!;
    if (options.taken.people.get(id) === p.name) {
      decisions.push(`content/people/${id}.yaml exists (${p.name}): add the role(s) from this source by hand if they are new — ${p.roles.map((r) => r.title).join('、')}.`);
      return;
    }
    const roles = p.roles.map((r) => {
      const hid = r.hospital !== undefined ? hospitalIds[r.hospital] : undefined;
      return {
        kind: r.kind,
        title: r.title,
        ...(r.branch ? { branch: r.branch } : {}),
        ...(hid ? { hospital: hid } : {}),
        source,
        quote: r.quote,
      };
    });
    files.push({ path: `content/people/${id}.yaml`, content: yamlDoc({ name: p.name, roles }), what: 'person', id });
    if (p.uncertain) decisions.push(`content/people/${id}.yaml: the name “${p.name}” was cut from running text by the words after it; check that it is the whole name.`);
  });

  // ── Measures ─────────────────────────────────────────────────────────────
  const takenMeasures = new Set(options.taken.measures);
  for (const m of entities.measures) {
    const hid = m.hospital !== undefined ? hospitalIds[m.hospital] : about.length === 1 ? about[0] : undefined;
    if (!hid || !about.includes(hid)) continue;
    const id = unique(`${hid}-${pinyinSlug(m.core, 5) || 'measure'}`, takenMeasures);
    takenMeasures.add(id);
    const section = sectionAt(m.at);
    files.push({
      path: `content/measures/${id}.yaml`,
      content: yamlDoc({ name: m.name, hospital: hid, kind: m.kind, description: m.description, source, article: articleId, ...(section ? { section } : {}) }),
      what: 'measure',
      id,
    });
  }

  return { articleId, files, corrections, decisions, skipped, hospitalIds, personIds, frontmatter, body };
}

function hospitalData(h: HospitalProposal, source: string) {
  const fact = <T>(f: ({ value: T } & { quote: string; inferred: string }) | undefined) =>
    f ? { value: f.value, source, quote: f.quote, inferred: f.inferred } : undefined;
  const data: Record<string, unknown> = {
    name: h.name,
    aliases: h.aliases,
    province: fact(h.province),
    city: fact(h.city),
    county: fact(h.county),
    level: fact(h.level),
    category: fact(h.category),
    founded: fact(h.founded),
  };
  for (const k of Object.keys(data)) if (data[k] === undefined) delete data[k];
  return data;
}

export { headingText };
