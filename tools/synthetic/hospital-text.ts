/**
 * What a report says about one hospital: its intro sentence (the facts of its
 * entry), its party secretary and perhaps its president and a clinician (the
 * people entries), one to three measures, among filler sentences, with
 * numbered subheadings and now and then a picture caption.
 */
import type { Context } from './context.ts';
import type { Hospital } from './hospitals.ts';
import { chance, int, pick, shuffle } from './random.ts';
import { fillerPara, plain, type Block, type Piece } from './text.ts';
import { chineseNumeral, DEPARTMENTS, SUBHEADINGS } from './vocabulary.ts';

/** A sentence quoting the hospital's party secretary or president, who is invented at the first mention. */
function mention({ rng, corpus, people }: Context, h: Hospital, source: string, kind: 'party-secretary' | 'president'): Piece {
  const title = kind === 'party-secretary' ? '党委书记' : '院长';
  let id = kind === 'party-secretary' ? h.secretary : h.president;
  if (!id) {
    id = people.add({ kind, title, hospital: h.id, source, quote: '' }).id;
    if (kind === 'party-secretary') h.secretary = id;
    else h.president = id;
  }
  const p = people.byId.get(id)!;
  const s = `${h.short}${title}${p.name}${pick(rng, ['表示', '介绍', '说', '强调'])}，${pick(rng, corpus.clauses)}。`;
  if (!p.roles[0].quote) p.roles[0].quote = `${title}${p.name}`;
  return plain(s);
}

/** A sentence about a new head of department or head nurse. */
function clinician({ rng, corpus, people }: Context, h: Hospital, source: string): Piece {
  const dept = pick(rng, DEPARTMENTS);
  const title = `${dept}${pick(rng, ['主任', '护士长', '副主任医师'])}`;
  const p = people.add({ kind: 'clinician', title, hospital: h.id, source, quote: '' });
  p.roles[0].quote = `${title}${p.name}`;
  return plain(`${title}${p.name}${pick(rng, ['带领团队', '主动请缨', '坚守岗位'])}，${pick(rng, corpus.clauses)}。`);
}

/** The sentences naming people and measures, each given to one of `paragraphs` paragraphs at random. */
function namedSentences(
  ctx: Context,
  h: Hospital,
  source: string,
  article: string,
  section: string | undefined,
  paragraphs: number,
): Piece[][] {
  const { rng } = ctx;
  const extras: Piece[][] = Array.from({ length: paragraphs }, () => []);
  const somewhere = () => extras[int(rng, 0, paragraphs - 1)];
  somewhere().push(mention(ctx, h, source, 'party-secretary'));
  if (chance(rng, 0.5)) somewhere().push(mention(ctx, h, source, 'president'));
  if (chance(rng, 0.3)) somewhere().push(clinician(ctx, h, source));
  const nMeasures = int(rng, 1, 3);
  for (let i = 0; i < nMeasures; i++) somewhere().push(plain(ctx.measures.add(h, source, article, section)));
  return extras;
}

/** Running text about a hospital: its intro sentence, people, measures, filler, subheadings. */
export function hospitalBlocks(
  ctx: Context,
  h: Hospital,
  where: { source: string; article: string; section?: string },
  paragraphs: number,
  opts: { subheadings: boolean; intro: boolean },
): Block[] {
  const { rng } = ctx;
  h.home ??= where.source;
  const extras = namedSentences(ctx, h, where.source, where.article, where.section, paragraphs);
  const subs = shuffle(rng, [...SUBHEADINGS]);
  const blocks: Block[] = [];
  for (let i = 0; i < paragraphs; i++) {
    // A numbered subheading before every third paragraph after the first.
    if (opts.subheadings && i > 0 && i % 3 === 1) {
      const k = Math.ceil(i / 3);
      blocks.push({ type: 'h', level: 3, pieces: [plain(`${chineseNumeral(k)}、${subs[k % subs.length]}`)] });
    }
    const b = fillerPara(ctx, extras[i], 2, 4);
    if (i === 0 && opts.intro) b.pieces.unshift(plain(h.intro));
    blocks.push(b);
  }
  if (chance(rng, 0.15)) {
    const caption = `▲ ${h.short}${pick(rng, ['开展义诊活动', '党员志愿服务队', '主题党日活动', '医院外景'])}`;
    blocks.splice(int(rng, 1, blocks.length), 0, { type: 'caption', pieces: [plain(caption)] });
  }
  return blocks;
}
