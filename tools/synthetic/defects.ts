/**
 * OCR defects in a report's source, each undone by a correction (校勘记) in
 * its article: the page-head line printed between two paragraphs (always),
 * and now and then a paragraph broken mid-sentence, a doubled word, a
 * misread character, half-width commas, or a passage left in doubt. Each
 * defect goes into a different filler sentence, so their corrections never
 * overlap.
 */
import { CJK } from './corpus.ts';
import { chance, int, pick, type Rng } from './random.ts';
import type { Block, CorrectionDraft, Piece } from './text.ts';
import { MISREADS } from './vocabulary.ts';

/** The body's mark of the piece's last correction. */
const markOfLast = (s: Piece) => `\u0001${s.corr.length - 1}\u0001`;

function breakParagraph(s: Piece, rng: Rng): void {
  const cut = int(rng, 4, Math.max(4, s.body.length - 5));
  if (s.body.length <= 10 || !CJK.test(s.body[cut - 1]) || !CJK.test(s.body[cut])) return;
  s.src = `${s.body.slice(0, cut)}\n\n${s.body.slice(cut)}`;
  s.corr.push({
    kind: 'paragraph-join',
    original: `${s.body.slice(cut - 4, cut)}\n\n${s.body.slice(cut, cut + 4)}`,
    reading: s.body.slice(cut - 4, cut + 4),
    note: '句中断段，今合并。',
  });
}

function doubleWord(s: Piece): void {
  const m = /\p{Script=Han}{2}/u.exec(s.body.slice(3));
  if (!m) return;
  const k = m.index + 3;
  const w = m[0];
  s.src = `${s.body.slice(0, k + 2)}${w}${s.body.slice(k + 2)}`;
  s.corr.push({
    kind: 'doubled',
    original: `${s.body.slice(k - 3, k)}${w}${w}${s.body.slice(k + 2, k + 4)}`,
    reading: `${s.body.slice(k - 3, k)}${w}${s.body.slice(k + 2, k + 4)}`,
  });
  s.body = `${s.body.slice(0, k + 2)}${markOfLast(s)}${s.body.slice(k + 2)}`;
}

function misread(s: Piece): void {
  let k = -1;
  for (let j = 3; j < s.body.length - 4 && k < 0; j++) if (s.body[j] in MISREADS) k = j;
  if (k <= 0) return;
  const wrong = MISREADS[s.body[k]];
  s.src = `${s.body.slice(0, k)}${wrong}${s.body.slice(k + 1)}`;
  s.corr.push({
    kind: 'misread',
    original: s.body.slice(k - 3, k) + wrong + s.body.slice(k + 1, k + 4),
    reading: s.body.slice(k - 3, k + 4),
  });
  s.body = `${s.body.slice(0, k + 1)}${markOfLast(s)}${s.body.slice(k + 1)}`;
}

function halfWidthCommas(s: Piece): void {
  if (!s.body.includes('，')) return;
  s.src = s.body.replaceAll('，', ',');
  s.corr.push({ kind: 'punctuation', original: ',', reading: '，', global: true, note: '原文夹用半角逗号，今统一为全角。' });
}

function query(s: Piece): void {
  if (s.body.length <= 12) return;
  const q = s.body.slice(2, 10);
  s.corr.push({ kind: 'query', original: q, reading: q, note: '此处文意不明，今照录存疑（合成数据）。' });
  s.body = `${s.body.slice(0, 10)}${markOfLast(s)}${s.body.slice(10)}`;
}

/** Each defect with its probability, in the order they are tried. */
const DEFECTS: [number, (s: Piece, rng: Rng) => void][] = [
  [0.5, breakParagraph],
  [0.35, doubleWord],
  [0.3, misread],
  [0.2, halfWidthCommas],
  [0.1, query],
];

/** The masthead as a line of the source between two paragraphs, and the correction that removes it. */
function putMasthead(rng: Rng, blocks: Block[], masthead: string): void {
  const paraIdx = blocks.map((b, k) => (b.type === 'p' ? k : -1)).filter((k) => k > 1);
  const at = paraIdx.length > 1 ? pick(rng, paraIdx.slice(0, -1)) : blocks.length - 1;
  const furniture: CorrectionDraft = { kind: 'furniture', original: masthead, reading: '', note: '版面页眉（报名、日期、版次），删。' };
  blocks[at].pieces.push({ body: '\u00010\u0001', src: '', corr: [furniture] });
  blocks.splice(at + 1, 0, { type: 'furniture', pieces: [{ body: '', src: masthead, corr: [] }] });
}

/** Puts defects into the source side of `blocks` and their corrections into the article side. */
export function addDefects(rng: Rng, blocks: Block[], masthead: string): void {
  const fillers = blocks.flatMap((b) => (b.type === 'p' ? b.pieces.filter((p) => p.filler) : []));
  const take = () => fillers.splice(int(rng, 0, fillers.length - 1), 1)[0];
  putMasthead(rng, blocks, masthead);
  for (const [p, put] of DEFECTS) if (chance(rng, p) && fillers.length) put(take(), rng);
}
