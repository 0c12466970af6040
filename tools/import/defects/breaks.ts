/**
 * Paragraphs broken inside a sentence: by a blank line, by a photograph's
 * caption, or by the column layout (a block cut off before a heading, a block
 * that starts mid-sentence).
 */
import { headingText, type Block, type SourceDocument } from '../document.ts';
import { closesUnopenedQuote, endsSentence, firstSentence, hasUnclosedQuote, openTail, sentences, stripMarkup } from '../text.ts';
import { bodyBlocks, headContext, tailContext, type Proposal } from './proposal.ts';

const HAN_RUN = /\p{Script=Han}/u;

/** 一、… （一）… 1. … : a numbered sub-heading or list item starts a paragraph of its own. */
const ENUMERATOR = /^(?:\*\*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[、.．](?!\d))/;

function isEnumeratedLabel(b: Block): boolean {
  const t = b.text.trim();
  return ENUMERATOR.test(t) && !t.includes('\n') && [...stripMarkup(t)].length <= 40 && !/[。；！？]/.test(t);
}

/**
 * Can the block's end be the first half of a sentence the next block goes on
 * with? Running text, or a bold lead-in line cut off before a heading
 * (**着力解决……过程中遇**).
 */
function isJoinableEnd(b: Block): boolean {
  if (endsSentence(b.text) || !HAN_RUN.test(b.text) || isEnumeratedLabel(b)) return false;
  return b.kind === 'text' || (b.kind === 'label' && b.text.trim().startsWith('**'));
}

/** Does the block start in the middle of a sentence (its beginning printed elsewhere)? */
export function startsMidSentence(b: Block): boolean {
  if (b.kind !== 'text') return false;
  const t = stripMarkup(b.text);
  if (/^[，、。；：,;:]/.test(t)) return true;
  if (closesUnopenedQuote(firstSentence(t))) return true;
  return /^\p{Script=Han}[，,]/u.test(t);
}

/** A one-sentence paragraph this short is often a fragment moved by the column layout. */
function isShortFragment(b: Block): boolean {
  if (b.kind !== 'text') return false;
  const t = stripMarkup(b.text);
  return sentences(t).length === 1 && [...t].length <= 25 && endsSentence(t);
}

/** A caption printed inside a sentence: it moves after the joined paragraph. */
function captionProposal(c: Block, tail: string, head: string): Proposal {
  return {
    kind: 'caption',
    start: c.start,
    end: c.end,
    line: c.line,
    original: c.text.trim(),
    reading: c.text.trim(),
    note: `图片说明原排在“${tail}”与“${head}”之间，把一句话截断；今移至该段之后。`,
    confidence: 'medium',
    edit: { type: 'none' },
    reason: 'caption-inside-sentence',
  };
}

/**
 * The proposals that rejoin a sentence cut between block `body[k]` and the
 * next text block (over any captions between them), or undefined when the
 * cut is not one the tool can join safely.
 */
function joinAfter(body: Block[], k: number): { proposals: Proposal[]; joined: Block } | undefined {
  const a = body[k];
  let j = k + 1;
  // Captions and page furniture printed inside the sentence: the join goes over them.
  const between: Block[] = [];
  while (j < body.length && (body[j].kind === 'caption' || body[j].kind === 'furniture')) between.push(body[j++]);
  const captions = between.filter((x) => x.kind === 'caption');
  const b = body[j];
  const continues = b && (b.kind === 'text' || b.kind === 'label') && !ENUMERATOR.test(b.text.trim());
  const quoteOpen = hasUnclosedQuote(openTail(a.text)) && b && !closesUnopenedQuote(firstSentence(b.text));
  // Without a caption, only a page break's single blank lines (around any furniture) part the halves.
  const plainBreak = [a, ...between].every((x) => x.gapAfter === 1);
  if (!continues || quoteOpen || (captions.length === 0 && !plainBreak)) return undefined;
  const tail = tailContext(a.text);
  const head = headContext(b.text);
  const over = between.filter((x) => x.kind === 'furniture');
  const join: Proposal = {
    kind: 'paragraph-join',
    start: a.end - tail.length,
    end: b.start + head.length,
    line: a.lastLine,
    original: [tail, ...between.map((c) => c.text.trim()), head].join('\n\n'),
    reading: tail + head,
    note:
      captions.length > 0
        ? '图片说明移出后，被截断的句子合并。'
        : over.length > 0
          ? '版面杂项删去后，被截断的句子合并。'
          : `句中断段（第${a.lastLine}行末），今合并。`,
    confidence: captions.length > 0 ? 'medium' : 'high',
    edit: { type: 'join', a: a.index, b: b.index, captions: captions.map((c) => c.index), over: over.map((f) => f.index) },
    reason: captions.length > 0 ? 'caption-break' : over.length > 0 ? 'furniture-break' : 'mid-sentence-break',
  };
  return { proposals: [...captions.map((c) => captionProposal(c, tail, head)), join], joined: b };
}

/**
 * Where a cut sentence may go on: blocks that start mid-sentence (those that
 * close a quote the cut left open first), the text after a heading that
 * interrupts it, short fragments.
 */
function continuationCandidates(a: Block, textAfterHeading: Block | undefined, orphans: Block[], fragments: Block[]): Block[] {
  const candidates: Block[] = [];
  if (hasUnclosedQuote(openTail(a.text))) candidates.push(...orphans.filter((o) => closesUnopenedQuote(firstSentence(o.text))));
  candidates.push(...orphans.filter((o) => !candidates.includes(o)));
  if (textAfterHeading && !candidates.includes(textAfterHeading)) candidates.push(textAfterHeading);
  candidates.push(...fragments.filter((f) => !candidates.includes(f)));
  return candidates;
}

/** A block that ends mid-sentence and cannot be joined: a suspected column break, with the blocks that may continue it. */
function cutProposal(body: Block[], a: Block, orphans: Block[], fragments: Block[]): Proposal {
  const after = body.slice(body.indexOf(a) + 1);
  const nextText = after.find((b) => b.kind === 'text');
  const interposed = after.slice(0, nextText ? after.indexOf(nextText) : after.length);
  const headingBetween = interposed.find((b) => b.kind === 'heading');
  const candidates = continuationCandidates(a, headingBetween && nextText, orphans, fragments);
  // Quote words, not markup: the last run of the open sentence outside `**`.
  const rawTail = openTail(a.text, false) || tailContext(a.text);
  const tail =
    rawTail
      .split('**')
      .map((x) => x.trim())
      .filter(Boolean)
      .pop() ?? rawTail;
  const what = !after.length
    ? '全文至此结束'
    : headingBetween
      ? `其后是标题“${headingText(headingBetween)}”`
      : interposed.some((b) => b.kind === 'caption')
        ? '其后是图片说明'
        : '其后另起一段';
  const cand = candidates.slice(0, 3).map((b) => `第${b.line}行“${headContext(stripMarkup(b.text), 16)}”`);
  const note =
    `导入工具疑为分栏错排（恢复栏序）：本段止于半句“${tail}”，${what}。` +
    (cand.length ? `下文或在${cand.join('，或')}。` : '下文在本文中未找到，或已缺失。') +
    '请对照原报决定栏序，记为 column-order（及所需的 paragraph-join），或照录存疑。';
  const tailAt = a.start + a.text.lastIndexOf(tail);
  return {
    kind: 'column-order',
    start: tailAt,
    end: tailAt + tail.length,
    line: a.lastLine,
    original: tail,
    reading: tail,
    note,
    confidence: 'medium',
    edit: { type: 'none' },
    reason: !after.length ? 'cut-at-end' : headingBetween ? 'cut-before-heading' : 'cut-before-gap',
    related: candidates.slice(0, 3).map((b) => firstSentence(b.text)),
  };
}

/** A block that starts mid-sentence: its beginning was printed elsewhere. */
function orphanProposal(o: Block): Proposal {
  const first = firstSentence(o.text);
  const start = o.start + o.text.indexOf(first.slice(0, 4));
  return {
    kind: 'column-order',
    start,
    end: start + first.length,
    line: o.line,
    original: first,
    reading: first,
    note: '导入工具疑为分栏错排（恢复栏序）：本段开头似是半句（引号无前引号，或以半句起头），其上文当在别处。请对照原报，记为 column-order，或照录存疑。',
    confidence: 'low',
    edit: { type: 'none' },
    reason: 'starts-mid-sentence',
  };
}

/**
 * Paragraphs broken inside a sentence: joined where the next block plainly
 * goes on (over a caption, or across a single blank line); otherwise flagged
 * as a column break, as is every block that starts mid-sentence.
 */
export function detectJoinsAndBreaks(doc: SourceDocument): Proposal[] {
  const body = bodyBlocks(doc);
  const joins: Proposal[] = [];
  const joined = new Set<number>();
  const cuts: Block[] = [];
  body.forEach((a, k) => {
    if (!isJoinableEnd(a)) return;
    const join = joinAfter(body, k);
    if (join) {
      joins.push(...join.proposals);
      joined.add(join.joined.index);
    } else cuts.push(a);
  });
  const orphans = body.filter((b) => startsMidSentence(b) && !joined.has(b.index));
  const fragments = body.filter((b) => isShortFragment(b) && !joined.has(b.index) && !orphans.includes(b));
  return [...joins, ...cuts.map((a) => cutProposal(body, a, orphans, fragments)), ...orphans.map(orphanProposal)];
}
